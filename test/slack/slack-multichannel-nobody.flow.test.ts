import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 18 on Slack (signed HTTP requests, Block Kit, the Web API faked locally): multi-channel support
 * that no partner can give. Yuki Suzuki (Yamato Manufacturing, Japan) describes a Power Platform
 * subscription bought from Microsoft directly; the one Japanese partner offering Power Platform, Fuji IT
 * Partners, is linked with no distributor. She is told nobody can be offered, why (counted by rule), and
 * what she can do, in English and Japanese; Fuji, when she names it, keeps its own reason on top.
 * Teams: test/dialogs/multichannel-nobody.test.ts.
 */
const YUKI = 'D06YUKISZ';
/** Whether a button with this verb is on the message (the click's value carries the verb as `v`). */
const hasVerb = (blocks: unknown[], verb: string) => JSON.stringify(blocks).includes(`\\"v\\":\\"${verb}\\"`);
const POWER_APPS = { subscriptionName: 'Power Apps per user', subscriptionWorkload: 'power_platform', purchaseChannel: 'microsoft_direct', billing: 'license' };

const CASES = [
  {
    lang: 'en',
    choose: 'in English',
    ask: 'We need a partner to support a subscription we bought elsewhere',
    named: 'We bought Power Apps directly from Microsoft. Can Fuji IT Partners support it?',
    empty: 'No partner is eligible for this request right now.',
    title: /Why there is nobody to choose: (\d+) organizations were considered, and none can be offered\./,
    transact: 'resellers that cannot sell to customers yet',
    whatToDo: 'What you can do: a partner for this subscription must offer its workload',
    fuji: 'Fuji IT Partners is not linked with a distributor',
  },
  {
    lang: 'ja',
    choose: '日本語で',
    ask: '他で購入したサブスクリプションのサポートをお願いしたい',
    named: 'Power Apps をマイクロソフトから直接購入しました。富士ITパートナーズにサポートをお願いしたいです',
    empty: '現在、この申請の対象となるパートナーはありません。',
    title: /選べる相手がいない理由：(\d+) 社を確認しましたが、どこも対象外です。/,
    transact: 'まだ顧客に販売できないリセラー',
    whatToDo: 'できること: このサブスクリプションをサポートできるのは',
    fuji: '富士ITパートナーズは',
  },
] as const;

describe('Slack: multi-channel support nobody can give says why', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  async function describePowerApps(c: (typeof CASES)[number], text: string) {
    await h.dm('yuki', c.choose);
    await h.dm('yuki', text);
    await h.click('yuki', last(h.shown(YUKI)), 'submit_form#describe');
    await h.click('yuki', last(h.shown(YUKI)), 'submit_form', POWER_APPS);
    return last(h.shown(YUKI));
  }

  function expectCountedWhy(text: string, c: (typeof CASES)[number]) {
    expect(text).toContain(c.empty);
    expect(text).toMatch(c.title);
    expect(text).toContain(c.transact);
    expect(text).toContain(c.whatToDo);
    expect(text).not.toContain('Bellows');
    const total = Number(c.title.exec(text)![1]);
    const counts = [...text.matchAll(/• [^\n]*?\((\d+)(?: 社)?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(total).toBeGreaterThan(2);
  }

  it.each(CASES)('$lang: nobody can support the described subscription; why, counted by rule, and what to do', async (c) => {
    const card = await describePowerApps(c, c.ask);
    expectCountedWhy(textOf(card), c);
    expect(textOf(card)).toContain('Power Apps per user');
    // Nothing to choose: no Continue, only Cancel.
    expect(hasVerb(card.blocks, 'submit_form')).toBe(false);
    expect(await h.store.requests.listByRequester('yuki-suzuki')).toEqual([]);
  });

  it.each(CASES)('$lang: Fuji IT Partners, named and refused, keeps its own reason on top', async (c) => {
    const text = textOf(await describePowerApps(c, c.named));
    expectCountedWhy(text, c);
    expect(text).toContain(c.fuji);
    expect(text.indexOf(c.fuji)).toBeLessThan(text.indexOf(c.empty));
  });
});
