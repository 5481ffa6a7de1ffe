import { strings } from '../support/bot-harness';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;

/**
 * The whole add-partner story in Slack, through signed HTTP requests and the Web API (a local fake):
 * a customer asks in a DM and fills the card, the partner's admin approves by button in a DM (the
 * card is replaced with chat.update), the customer's admin approves, the requester is told.
 */
describe('Slack: a customer adds a second partner for Azure; both admins approve by button', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it('in English: Daniel Park approves in his DM, then Taro Ito in his; Yuki is told', async () => {
    // The admins have talked to the bot before, so it knows their DMs.
    await h.dm('daniel', 'hello');
    await h.dm('taro', 'hi there');

    await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    const form = last(h.shown('D06YUKISZ'));
    expect(textOf(form)).toContain('Trey Research Direct');
    expect(textOf(form)).not.toContain('Woodgrove');

    await h.click('yuki', form, 'submit_form', { partnerId: 'Trey Research Direct' });
    const confirmation = last(h.shown('D06YUKISZ'));
    expect(textOf(confirmation)).toMatch(/Azure/);
    await h.click('yuki', confirmation, 'confirm');
    const submitted = last(h.shown('D06YUKISZ'));
    const requestId = REQUEST_ID.exec(textOf(submitted))![0];

    // Step 1: the partner's admin gets the approval card by DM and approves it there.
    const card1 = last(h.posted('D05DANPARK'));
    expect(textOf(card1)).toContain(requestId);
    const ack = await h.click('daniel', card1, 'approve');
    expect(ack.status).toBe(200);
    const replaced = h.api.called('chat.update').find((c) => c.args.channel === 'D05DANPARK' && c.args.ts === card1.ts);
    expect(replaced).toBeDefined();
    expect(strings(replaced!.args.blocks)).toContain(requestId);
    const step1 = await h.store.requests.get(requestId);
    expect(step1?.stage).toBe(1);
    expect(step1?.audit.at(-1)).toMatchObject({ action: 'approve', platform: 'slack', actor: { personId: 'daniel-park' } });

    // Step 2: the customer's admin consents, in his DM.
    const card2 = last(h.posted('D06TAROITO'));
    expect(textOf(card2)).toContain(requestId);
    await h.click('taro', card2, 'approve');
    expect(h.api.called('chat.update').some((c) => c.args.channel === 'D06TAROITO' && c.args.ts === card2.ts)).toBe(true);
    expect((await h.store.requests.get(requestId))?.status).toBe('approved');
    expect(await h.store.directory.listRelationships({ partnerId: 'trey-research-direct' })).toEqual([expect.objectContaining({ customerId: 'yamato-manufacturing', workload: 'azure' })]);

    // The requester hears the decision in her DM in the directory's language for her (Japanese), not
    // the English her Slack client reports (issue 18: one language rule for every notification).
    const decision = last(h.shown('D06YUKISZ'));
    expect(textOf(decision)).toContain(requestId);
    expect(textOf(decision)).toContain('申請は承認されました');
    expect(textOf(decision)).not.toContain('Request approved');
    // Every message had a plain-text summary for notifications.
    expect(h.api.called('chat.postMessage').every((c) => typeof c.args.text === 'string' && c.args.text !== '')).toBe(true);
  });

  it('in Japanese: approvals go to Yamato\'s approval channel; a non-admin\'s click is refused privately and audited', async () => {
    for (const u of ['U06YUKISZ', 'U06TAROITO']) h.api.locales.set(u, 'ja-JP');
    await h.dm('daniel', 'hello');
    // Taro names the channel for Yamato's approvals with the slash command.
    const ack = await h.command('taro', 'C06APPROVE', 'approvals here');
    expect(ack.status).toBe(200);
    expect(textOf(last(h.posted('C06APPROVE')))).toContain('このチャネルに投稿されます');

    await h.dm('yuki', 'パートナーを追加したい');
    const ask = last(h.shown('D06YUKISZ'));
    expect(textOf(ask)).toContain('Microsoft Azure');
    await h.click('yuki', ask, 'submit_form', { workload: 'azure' });
    const form = last(h.shown('D06YUKISZ'));
    expect(textOf(form)).toContain('トレイ・リサーチ・ダイレクト');
    await h.click('yuki', form, 'submit_form', { partnerId: 'trey-research-direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];

    const card1 = last(h.posted('D05DANPARK'));
    await h.click('daniel', card1, 'approve');
    expect(h.api.called('chat.update').some((c) => c.args.channel === 'D05DANPARK' && c.args.ts === card1.ts)).toBe(true);

    // Step 2 is posted in the approval channel, in Japanese.
    const card2 = last(h.posted('C06APPROVE'));
    expect(textOf(card2)).toContain(requestId);
    expect(textOf(card2)).toMatch(/承認/);

    // Yuki is in the channel but is not an admin: refused, to her alone; the attempt is audited.
    const updatesBefore = h.api.called('chat.update').length;
    await h.click('yuki', card2, 'approve');
    const whisper = h.api.called('chat.postEphemeral').at(-1)!;
    expect(whisper.args).toMatchObject({ channel: 'C06APPROVE', user: 'U06YUKISZ' });
    expect(h.api.called('chat.update').length).toBe(updatesBefore); // the shared card is untouched
    const refused = await h.store.requests.get(requestId);
    expect(refused?.status).toBe('pending_approval');
    expect(JSON.stringify(refused?.audit.at(-1))).toMatch(/NOT_AN_APPROVER/);
    expect(refused?.audit.at(-1)).toMatchObject({ platform: 'slack', actor: { personId: 'yuki-suzuki' } });

    // Taro approves in the channel: the channel's card is replaced for everyone.
    await h.click('taro', card2, 'approve');
    expect((await h.store.requests.get(requestId))?.status).toBe('approved');
    const channelUpdate = h.api.called('chat.update').find((c) => c.args.channel === 'C06APPROVE' && c.args.ts === card2.ts);
    expect(channelUpdate).toBeDefined();
    const decision = last(h.shown('D06YUKISZ'));
    expect(textOf(decision)).toContain(requestId);
    expect(textOf(decision)).toMatch(/承認されました|承認済み/);
  });

  it('rejecting with a reason: the Reject button opens the reason box below the card; an empty reason is asked for', async () => {
    await h.dm('daniel', 'hello');
    await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'Trey Research Direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];

    const card = last(h.posted('D05DANPARK'));
    await h.click('daniel', card, '#showCard');
    const reasonBox = last(h.posted('D05DANPARK'));
    expect(reasonBox.ts).not.toBe(card.ts);

    await h.click('daniel', reasonBox, 'reject', { reason: '' });
    expect(h.api.called('chat.postEphemeral').at(-1)!.args).toMatchObject({ channel: 'D05DANPARK', user: 'U05DANPARK', text: expect.stringMatching(/^Please fill in: [A-Z][^.]*\./) });
    // The field's label, never the input ID (issue 18).
    expect(h.api.called('chat.postEphemeral').at(-1)!.args.text).not.toMatch(/: reason\./);
    // The reason box's notification text says what it asks for, not "New card".
    expect(reasonBox.text).not.toBe('New card');
    expect(reasonBox.text).toMatch(/reason/i);
    expect((await h.store.requests.get(requestId))?.status).toBe('pending_approval');

    await h.click('daniel', reasonBox, 'reject', { reason: 'We do not support Azure for customers in this region.' });
    const rejected = await h.store.requests.get(requestId);
    expect(rejected?.status).toBe('rejected');
    expect(JSON.stringify(rejected?.audit.at(-1))).toContain('We do not support Azure');
    expect(h.api.called('chat.update').some((c) => c.args.channel === 'D05DANPARK' && c.args.ts === card.ts)).toBe(true);
    expect(textOf(last(h.shown('D06YUKISZ')))).toContain(requestId);
  });

  it('in Japanese (issue 18): the reason box is labelled in Japanese, never 「新しいカード」; an empty reason is asked for by its label', async () => {
    // Daniel chose Japanese: his approval card, its reason box and the whisper follow his choice.
    await h.dm('daniel', '日本語で');
    await h.dm('yuki', 'Azureのパートナーを追加したい。Microsoft 365はさくらクラウドソリューションズのまま');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'trey-research-direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];

    const card = last(h.posted('D05DANPARK'));
    expect(textOf(card)).toContain('承認のお願い');
    await h.click('daniel', card, '#showCard');
    const reasonBox = last(h.posted('D05DANPARK'));
    expect(reasonBox.ts).not.toBe(card.ts);
    // The notification text names what the box asks for, in Japanese.
    expect(reasonBox.text).not.toBe('新しいカード');
    expect(reasonBox.text).not.toBe('New card');
    expect(reasonBox.text).toContain('却下の理由');

    await h.click('daniel', reasonBox, 'reject', { reason: '' });
    const whisper = h.api.called('chat.postEphemeral').at(-1)!.args;
    expect(whisper).toMatchObject({ channel: 'D05DANPARK', user: 'U05DANPARK' });
    expect(whisper.text).toBe('次の項目を入力してください: 却下の理由');
    expect((await h.store.requests.get(requestId))?.status).toBe('pending_approval');

    await h.click('daniel', reasonBox, 'reject', { reason: 'この地域のお客様の Azure には対応していません。' });
    const rejected = await h.store.requests.get(requestId);
    expect(rejected?.status).toBe('rejected');
    expect(JSON.stringify(rejected?.audit.at(-1))).toContain('この地域のお客様の Azure');
  });
});
