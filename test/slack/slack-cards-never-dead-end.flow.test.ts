import { marcusOnSlack, meiOnSlack } from './support/sample-on-slack';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack, through signed HTTP and the (fake) Web API, in English and Japanese: three card
 * checks whose Teams transcripts are in test/dialogs/ (requester-also-approver.test.ts,
 * link-distributor.test.ts "Change", short-list-why.test.ts, which has the empty list too).
 */
const REQUEST_ID = /PL-[0-9A-Z]{8}/;
/** Whether Block Kit blocks carry a button with this verb (its value names it). */
const hasVerb = (blocks: unknown[], verb: string) => JSON.stringify(blocks).includes(`\\"v\\":\\"${verb}\\"`);

describe('Slack: cards that never dead-end (issue 18)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['en', 'in English', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions', 'Step 1 approved by Daniel Park', 'Approve'],
    ['ja', '日本語で', 'Azureのパートナーを追加したい。Microsoft 365はさくらクラウドソリューションズのまま', 'Daniel Park', '承認'],
  ])('%s: the requester is also the next approver: Taro files in his DM, Daniel approves step 1; Taro gets exactly one card, with the buttons', async (_lang, choose, ask, approvedBy, approveLabel) => {
    await h.dm('daniel', 'hello there');
    await h.dm('taro', choose);
    await h.dm('taro', ask);
    await h.click('taro', last(h.shown('D06TAROITO')), 'submit_form', { partnerId: 'trey-research-direct' });
    await h.click('taro', last(h.shown('D06TAROITO')), 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown('D06TAROITO'))))![0];
    const card1 = last(h.posted('D05DANPARK'));
    expect(textOf(card1)).toContain(requestId);

    const before = h.posted('D06TAROITO').length;
    await h.click('daniel', card1, 'approve');
    expect((await h.store.requests.get(requestId))?.stage).toBe(1);
    const toTaro = h.posted('D06TAROITO').slice(before);
    expect(toTaro).toHaveLength(1);
    expect(hasVerb(toTaro[0]!.blocks, 'approve')).toBe(true);
    expect(textOf(toTaro[0]!)).toContain(approveLabel);
    expect(textOf(toTaro[0]!)).toContain(approvedBy);
    expect(textOf(toTaro[0]!)).toContain(requestId);
    // Nor was a whisper sent instead.
    expect(h.api.called('chat.postEphemeral').filter((c) => c.args.user === 'U06TAROITO')).toEqual([]);
  });

  it.each([
    ['en', 'in English', 'link us with Contoso Distribution Japan', 'Tailspin Distribution KK', 'Please check your request'],
    ['ja', 'こんにちは', 'コントソ・ディストリビューション・ジャパンと連携したい', 'テイルスピン・ディストリビューション', '申請内容のご確認'],
  ])('%s: Change on a distributor-link confirmation asks for the distributor again, with the choices; picking another confirms it', async (_lang, first, ask, other, confirmTitle) => {
    await meiOnSlack(h.store);
    await h.dm('mei', first);
    await h.dm('mei', ask);
    const confirmation = last(h.shown('D09MEIKOB'));
    expect(textOf(confirmation)).toContain(confirmTitle);
    expect(hasVerb(confirmation.blocks, 'edit')).toBe(true);
    await h.click('mei', confirmation, 'edit');
    const form = last(h.shown('D09MEIKOB'));
    expect(textOf(form)).not.toContain(confirmTitle);
    // The distributor is asked again as a choice (radio buttons on Slack), the other eligible one among them.
    const input = (form.blocks as { type: string; block_id?: string; element?: { type: string; options?: { value: string }[] } }[]).find((b) => b.type === 'input' && b.block_id?.endsWith(':providerId'));
    expect(input?.element?.options?.map((o) => o.value).sort()).toEqual(['contoso-distribution-jp', 'tailspin-distribution-jp']);
    expect(textOf(form)).toContain(other);
    await h.click('mei', form, 'submit_form', { providerId: 'tailspin-distribution-jp' });
    const again = last(h.shown('D09MEIKOB'));
    expect(textOf(again)).toContain(confirmTitle);
    expect(textOf(again)).toContain(other);
  });

  it.each([
    ['en', 'in English', 'we need another partner for Azure', /Why the list is short: (\d+) other organizations are not offered\./, 'in a different Microsoft cloud from yours (public cloud or US Government) ('],
    ['ja', '日本語で', 'Azure のパートナーを追加したい', /一覧が短い理由：ほかの (\d+) 社は対象外です。/, 'お客様と異なる Microsoft クラウド (パブリック クラウドまたは US Government) にある ('],
  ])('%s: a US Government customer asking for a second partner sees Relecloud Federal and why the others are not offered', async (_lang, choose, ask, title, cloud) => {
    await marcusOnSlack(h.store);
    await h.dm('marcus', choose);
    await h.dm('marcus', ask);
    const form = last(h.shown('D10MARCUSL'));
    const text = textOf(form);
    expect(text).toContain('Relecloud Federal');
    expect(text).toMatch(title);
    expect(text).toContain(cloud);
    // The counts per reason add up to the number in the title, and the reasons are a Slack list.
    const total = Number(title.exec(text)![1]);
    expect(total).toBeGreaterThan(0);
    const counts = [...text.matchAll(/• [^\n]*?\((\d+)(?: 社)?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it.each([
    ['en', 'in English', 'we need another partner for Microsoft 365', 'No partner is eligible for this request right now.', /Why there is nobody to choose: (\d+) organizations were considered, and none can be offered\./, 'you already work with them for this (1)', 'What you can do: choose another workload above.'],
    ['ja', '日本語で', 'Microsoft 365 のパートナーを追加したい', '現在、この申請の対象となるパートナーはありません。', /選べる相手がいない理由：(\d+) 社を確認しましたが、どこも対象外です。/, 'すでにこの内容で連携している (1 社)', 'できること: 上で別のワークロードを選べます。'],
  ])('%s: a US Government customer with nobody left to offer is told why and what he can do, and can choose another workload', async (_lang, choose, ask, empty, title, already, whatToDo) => {
    await marcusOnSlack(h.store);
    await h.dm('marcus', choose);
    await h.dm('marcus', ask);
    const form = last(h.shown('D10MARCUSL'));
    const text = textOf(form);
    expect(text).toContain(empty);
    expect(text).toMatch(title);
    expect(text).toContain(already);
    expect(text).toContain(whatToDo);
    expect(text).not.toContain('Bellows');
    const total = Number(title.exec(text)![1]);
    const counts = [...text.matchAll(/• [^\n]*?\((\d+)(?: 社)?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    // The workload is asked again (radio buttons) with Continue: Azure offers Relecloud Federal.
    expect(hasVerb(form.blocks, 'submit_form')).toBe(true);
    await h.click('marcus', form, 'submit_form', { workload: 'azure' });
    const next = textOf(last(h.shown('D10MARCUSL')));
    expect(next).toContain('Relecloud Federal');
    expect(next).not.toContain(empty);
  });
});
