import { stringsFor } from '../../cards';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;

/**
 * Issue 18 on Slack: help and the welcome fit the person (reseller, customer, distributor admin), the
 * distributor admin's help has no empty request-types heading, and an admin's "Show them" lists what
 * waits for their approval. The Teams transcripts are test/dialogs/help-per-role.test.ts and
 * help-distributor-admin.test.ts.
 */
describe('Slack: help and welcome fit the person', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it('English: the partner admin is told one request waits for them; "Show them" posts its approval card', async () => {
    await h.dm('daniel', 'hello');
    await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'Trey Research Direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    const id = REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];

    await h.dm('daniel', 'help');
    const help = last(h.shown('D05DANPARK'));
    expect(textOf(help)).toContain('1 request is waiting for your approval.');
    expect(textOf(help)).toContain('Show my requests'); // an example for a partner that approves
    const before = h.posted('D05DANPARK').length;
    await h.click('daniel', help, 'menu:awaiting_me');
    const after = h.shown('D05DANPARK').slice(before - 1).map(textOf).join(' ');
    expect(after).toContain(id);
    expect(after).toContain('Approve');
    // The welcome says it too; a partner admin files nothing, so no empty "What would you like to do?".
    await h.dm('daniel', 'hi');
    const welcome = textOf(last(h.shown('D05DANPARK')));
    expect(welcome).toContain('1 request is waiting for your approval.');
    expect(welcome).not.toContain(stringsFor('en').welcome.choose);
  });

  it('Japanese: the partner admin who chose Japanese is told in Japanese that one request waits; 「一覧を見る」 posts its approval card', async () => {
    const ja = stringsFor('ja');
    await h.dm('daniel', '日本語で');
    await h.dm('yuki', 'Azureのパートナーを追加したい。Microsoft 365はさくらクラウドソリューションズのまま');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form', { partnerId: 'trey-research-direct' });
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'confirm');
    const id = REQUEST_ID.exec(textOf(last(h.shown('D06YUKISZ'))))![0];

    await h.dm('daniel', 'ヘルプ');
    const help = last(h.shown('D05DANPARK'));
    expect(textOf(help)).toContain('あなたの承認を待っている申請が 1 件あります。');
    expect(textOf(help)).toContain('一覧を見る');
    expect(textOf(help)).not.toContain('waiting for your approval');
    const before = h.posted('D05DANPARK').length;
    await h.click('daniel', help, 'menu:awaiting_me');
    const after = h.shown('D05DANPARK').slice(before - 1).map(textOf).join(' ');
    expect(after).toContain(id);
    expect(after).toContain('承認');
    await h.dm('daniel', 'こんにちは');
    const welcome = textOf(last(h.shown('D05DANPARK')));
    expect(welcome).toContain('あなたの承認を待っている申請が 1 件あります。');
    expect(welcome).not.toContain(ja.welcome.choose);
  });

  it('Japanese: a customer requester sees customer examples and nothing about approvals', async () => {
    await h.dm('yuki', 'ヘルプ');
    const help = textOf(last(h.shown('D06YUKISZ')));
    expect(help).toContain('一覧にないサブスクリプションのサポートを依頼したい');
    expect(help).not.toContain('国内のディストリビューターと連携したい');
    expect(help).not.toContain('あなたの承認待ち');
  });

  it.each([
    ['en', 'in English please', 'help'],
    ['ja', '日本語で', 'ヘルプ'],
  ] as const)('%s: a reseller sees reseller examples; the distributor admin sees approver examples and no empty request-types heading', async (lang, choose, help) => {
    const s = stringsFor(lang);
    await h.dm('ken', choose);
    await h.dm('ken', help);
    const reseller = textOf(last(h.shown('D01KENSATO')));
    for (const e of s.help.examples.reseller) expect(reseller).toContain(e);
    expect(reseller).not.toContain(s.help.examples.customer[0]);
    expect(reseller).toContain(s.help.whatTitle);

    await h.dm('emily', choose);
    await h.dm('emily', help);
    const distributor = textOf(last(h.shown('D02EMILYC')));
    for (const e of s.help.examples.partner) expect(distributor).toContain(e);
    expect(distributor).toContain(s.help.approversTitle);
    expect(distributor).not.toContain(s.help.whatTitle);
    expect(distributor).not.toContain(s.help.examples.reseller[0]);
  });
});
