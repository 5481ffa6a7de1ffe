import { strings } from '../support/bot-harness';
import { last, textOf, createSlackHarness, type PostedMessage, type SlackHarness } from './support/slack-harness';

/**
 * Issue 15 in Slack, through signed HTTP requests and the Web API fake: who must act (and the requester
 * told after step 1), change a pending request, file a rejected one again, hand over, notes; English
 * and Japanese.
 */
const REQUEST_ID = /PL-[0-9A-Z]{8}/;
const all = (h: SlackHarness, channel: string) => h.shown(channel).map(textOf).join('\n');
/** The last message posted in the channel as it is now (a click answered with a card replaces it with chat.update). */
function latest(h: SlackHarness, channel: string): PostedMessage {
  const m = last(h.shown(channel));
  const u = h.api.called('chat.update').filter((c) => c.args.channel === channel && c.args.ts === m.ts).at(-1);
  return u ? { ...m, text: String(u.args.text ?? m.text), blocks: (u.args.blocks as unknown[]) ?? m.blocks } : m;
}
/** Answers the request forms (one slot at a time or several) until the confirmation card, and confirms. */
async function fillAndConfirm(h: SlackHarness, who: 'yuki', channel: string, inputs: Record<string, string>) {
  for (let i = 0; i < 3; i++) {
    const m = last(h.shown(channel));
    if (strings(m.blocks).includes('"confirm"') || textOf(m).match(/Please check your request|申請内容を確認/)) break;
    const wanted = Object.fromEntries(Object.entries(inputs).filter(([k]) => JSON.stringify(m.blocks).includes(k)));
    await h.click(who, m, 'submit_form', wanted);
  }
  await h.click(who, last(h.shown(channel)), 'confirm');
}

/** Yuki (Yamato) asks for Trey Research Direct for Azure and confirms; returns the request ID. */
async function fileAddPartner(h: SlackHarness, text = 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions') {
  await h.dm('yuki', text);
  await fillAndConfirm(h, 'yuki', 'D06YUKISZ', { workload: 'azure', partnerId: 'trey-research-direct' });
  return REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];
}

async function addGrace(h: SlackHarness) {
  await h.store.directory.importDirectory({
    organizations: [],
    people: [{ id: 'grace-kim', orgId: 'trey-research-direct', name: 'Grace Kim', roles: ['admin'], locale: 'en', timeZone: 'Asia/Tokyo', identities: [{ platform: 'slack', teamId: 'T05TREYRS', userId: 'U05GRACEK' }] }],
    links: [],
    relationships: [],
    subscriptions: [],
  });
}

describe('Slack: who must act, change, file again, hand over, notes (issue 15)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
    await h.dm('daniel', 'hello');
    await h.dm('taro', 'hi there');
  });
  afterEach(() => h.destroy());

  it('who must act, in English: my requests name the step and the admins; after step 1 Yuki hears who approved and who is next', async () => {
    await h.dm('yuki', 'in English'); // her directory language is Japanese (issue 18): notices follow her choice
    const id = await fileAddPartner(h);
    await h.dm('yuki', 'show my requests');
    const status = textOf(last(h.shown('D06YUKISZ')));
    expect(status).toContain('1 of 2: Trey Research Direct');
    expect(status).toContain('Can decide: Daniel Park');
    await h.click('daniel', last(h.shown('D05DANPARK')), 'approve');
    const replaced = h.api.called('chat.update').filter((c) => c.args.channel === 'D05DANPARK').at(-1)!;
    expect(strings(replaced.args.blocks)).toContain('Step 1 approved by Daniel Park');
    const told = textOf(last(h.shown('D06YUKISZ')));
    expect(told).toContain(id);
    expect(told).toContain('Approved by Daniel Park');
    expect(told).toContain('2 of 2: Yamato Manufacturing');
    expect(told).toContain('Taro Ito');
  });

  it('who must act, in Japanese: 申請の状況 names the step and the admins; after step 1 Yuki is told in Japanese', async () => {
    h.api.locales.set('U06YUKISZ', 'ja-JP');
    const id = await fileAddPartner(h, 'パートナーを追加したい');
    await h.dm('yuki', '申請の状況は？');
    const status = textOf(last(h.shown('D06YUKISZ')));
    expect(status).toContain('1/2: トレイ・リサーチ・ダイレクト');
    expect(status).toMatch(/判断できる人[:：]Daniel Park/);
    await h.click('daniel', last(h.shown('D05DANPARK')), 'approve');
    const told = textOf(last(h.shown('D06YUKISZ')));
    expect(told).toContain(id);
    expect(told).toContain('Daniel Park');
    expect(told).toContain('2/2: 大和製造株式会社');
  });

  it('change, in English and Japanese: asking again names the open request; the change is a new version, the approver gets the new card and the old one is replaced', async () => {
    const id = await fileAddPartner(h);
    const danielCard = last(h.shown('D05DANPARK'));
    await h.dm('yuki', 'Add a partner for Azure please');
    expect(all(h, 'D06YUKISZ')).toContain(`You already have an open request of this kind: ${id}`);
    await h.dm('yuki', 'stop');
    await h.dm('yuki', 'change my request');
    expect(all(h, 'D06YUKISZ')).toContain(`Changing your open request ${id}`);
    await fillAndConfirm(h, 'yuki', 'D06YUKISZ', { workload: 'microsoft365', partnerId: 'trey-research-direct' });
    expect(all(h, 'D06YUKISZ')).toContain(`${id} is now version 3`);
    const r = (await h.store.requests.get(id))!;
    expect(r.subject).toMatchObject({ workload: 'microsoft365' });
    expect(r.audit.at(-1)).toMatchObject({ action: 'change', platform: 'slack', previousSubject: { workload: 'azure' } });
    expect(h.api.called('chat.update').some((c) => c.args.channel === 'D05DANPARK' && c.args.ts === danielCard.ts)).toBe(true);
    const fresh = last(h.shown('D05DANPARK'));
    expect(fresh.ts).not.toBe(danielCard.ts);
    expect(textOf(fresh)).toContain('Microsoft 365');
    // The stale card's Approve is refused; the new one works.
    await h.click('daniel', fresh, 'approve');
    expect((await h.store.requests.get(id))!.stage).toBe(1);

    // Japanese: Yuki's client in Japanese; the same request can no longer change at step 2 without restarting the steps.
    h.api.locales.set('U06YUKISZ', 'ja-JP');
    await h.dm('yuki', `${id} を変更したい`);
    expect(all(h, 'D06YUKISZ')).toContain(`進行中の申請 ${id} (ワークロードへのパートナー追加: トレイ・リサーチ・ダイレクト, 承認待ち) を変更します`);
    await fillAndConfirm(h, 'yuki', 'D06YUKISZ', { workload: 'azure', partnerId: 'trey-research-direct' });
    expect(all(h, 'D06YUKISZ')).toContain('第 5 版');
    expect((await h.store.requests.get(id))!.stage).toBe(0);
  });

  it('file again, in English and Japanese: the rejected request offers File again; it is prefilled and checked again', async () => {
    const id = await fileAddPartner(h);
    await h.click('daniel', last(h.shown('D05DANPARK')), '#showCard');
    await h.click('daniel', last(h.shown('D05DANPARK')), 'reject', { reason: 'Our Azure team is full this quarter.' });
    const told = last(h.shown('D06YUKISZ'));
    // The notice follows the rule: Yuki's directory language is Japanese (issue 18), though she wrote in English here.
    expect(textOf(told)).toContain('申請は却下されました');
    await h.click('yuki', told, 'resubmit');
    // The card was Japanese, so its answer is too (issue 18: a card never flips language when clicked).
    expect(all(h, 'D06YUKISZ')).toContain(`${id} を同じ内容でもう一度申請します`);
    // The click's answer (the confirmation) replaced the clicked card.
    const confirmation = h.shown('D06YUKISZ').find((m) => m.ts === told.ts)!;
    expect(textOf(confirmation)).toContain('トレイ・リサーチ・ダイレクト');
    await h.click('yuki', confirmation, 'confirm');
    const second = REQUEST_ID.exec(textOf(h.shown('D06YUKISZ').find((m) => m.ts === told.ts)!))![0];
    expect(second).not.toBe(id);

    h.api.locales.set('U06YUKISZ', 'ja-JP');
    await h.dm('yuki', `${second} を取り消して`);
    await h.dm('yuki', `${second} を再申請`);
    expect(all(h, 'D06YUKISZ')).toContain(`${second} を同じ内容でもう一度申請します`);
    expect(textOf(last(h.shown('D06YUKISZ')))).toContain('トレイ・リサーチ・ダイレクト');
  });

  it('hand over, in English and Japanese: Daniel passes the request to Grace from its details; she gets the card; the audit records it', async () => {
    await addGrace(h);
    await h.dm('grace', 'hello');
    const id = await fileAddPartner(h);
    await h.click('daniel', last(h.shown('D05DANPARK')), 'show_request');
    await h.click('daniel', latest(h, 'D05DANPARK'), '#showCard=Hand over');
    await h.click('daniel', last(h.shown('D05DANPARK')), 'handover', { handoverTo: 'Grace Kim' });
    const graceCard = last(h.shown('D05GRACEK'));
    expect(textOf(graceCard)).toContain(id);
    expect(textOf(graceCard)).toContain('Daniel Park handed this request over to Grace Kim');
    expect((await h.store.requests.get(id))!.audit.at(-1)).toMatchObject({ action: 'handover', platform: 'slack', handedTo: { personId: 'grace-kim' } });

    // Japanese, by text: Grace hands it back to Daniel.
    h.api.locales.set('U05GRACEK', 'ja-JP');
    await h.dm('grace', `${id} を Daniel さんに引き継いでください`);
    expect(all(h, 'D05GRACEK')).toContain('Daniel Parkに引き継ぎました');
    expect((await h.store.requests.get(id))!.audit.at(-1)).toMatchObject({ action: 'handover', handedTo: { personId: 'daniel-park' } });
  });

  it('notes, in English and Japanese: Yuki writes a note, Daniel is told; Daniel answers in a note, Yuki is told in Japanese', async () => {
    // Yuki's Slack client is in Japanese (she writes in English here; notifications follow her client).
    h.api.locales.set('U06YUKISZ', 'ja-JP');
    const id = await fileAddPartner(h);
    await h.dm('yuki', `add a note to ${id}: we need this before April`);
    const toDaniel = textOf(last(h.shown('D05DANPARK')));
    expect(toDaniel).toContain('Yuki Suzuki added a note');
    expect(toDaniel).toContain('we need this before April');

    await h.click('daniel', last(h.shown('D05DANPARK')), 'show_request');
    await h.click('daniel', latest(h, 'D05DANPARK'), '#showCard=Add a note');
    await h.click('daniel', last(h.shown('D05DANPARK')), 'add_note', { note: 'Approving after our Azure check on Friday.' });
    const toYuki = textOf(last(h.shown('D06YUKISZ')));
    expect(toYuki).toContain('Daniel Parkが');
    expect(toYuki).toContain('Approving after our Azure check on Friday.');
    const r = (await h.store.requests.get(id))!;
    expect(r.audit.filter((e) => e.action === 'note').map((e) => e.note)).toEqual(['we need this before April', 'Approving after our Azure check on Friday.']);
  });
});
