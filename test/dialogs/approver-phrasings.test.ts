import { buttonData, createBotHarness, type BotHarness, type Reply } from '../support/bot-harness';

/**
 * Issue 18, approvers' phrasings (dialogs/recognition/approval-cue.ts): an approver asking about their
 * own part in one request ("can I approve the Fuji IT one?") is shown what awaits them, not the list of
 * their organization's approvers. Teams: the whole bot on botbuilder's TestAdapter, embedded store,
 * sample directory, the trained model. Mei Kobayashi (Fuji IT Partners, a reseller) files a link with
 * Contoso Distribution Japan; Hiroshi Yamada, one of Contoso's admins, asks.
 */
const ID = /PL-[0-9A-Z]{8}/;
const all = (replies: Reply[]) => replies.map((r) => `${r.text ?? ''} ${r.cardText}`).join(' | ');

async function fileLink(h: BotHarness, locale: string): Promise<string> {
  const confirmation = (await h.say('mei-kobayashi', locale === 'en-US' ? 'link us with Contoso Distribution Japan' : 'コントソ・ディストリビューション・ジャパンと連携したい', locale)).at(-1)!;
  const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, locale)).answer!;
  return ID.exec(done.cardText)![0];
}

describe('issue 18: an approver asking about approving one request (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['en-US', 'can I approve the Fuji IT one?', "1 request awaits your organization's decision"],
    ['en-US', "what's waiting for my approval", "1 request awaits your organization's decision"],
    ['ja-JP', '富士ITの件、私が承認できますか？', '御社の判断を待っている申請が 1 件あります'],
  ])('%s: "%s" shows the request awaiting them, with its Approve button, not the approvers list', async (locale, text, awaits) => {
    const id = await fileLink(h, locale);
    const replies = await h.say('hiroshi-yamada', text, locale);
    const shown = all(replies);
    expect(shown).toContain(awaits);
    expect(shown).toContain(id);
    expect(replies.some((r) => r.card && buttonData(r.card, 'approve'))).toBe(true);
  });
});
