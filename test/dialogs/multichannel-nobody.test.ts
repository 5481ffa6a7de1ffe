import { createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18: multi-channel support that no partner can give. Taro Ito (Yamato Manufacturing, Japan)
 * describes a Power Platform subscription bought from Microsoft directly; in the sample directory the only
 * Japanese partner offering Power Platform is Fuji IT Partners, an indirect reseller linked with no
 * distributor, so nobody may support it. The card says nobody can be offered, counts by rule why, and says
 * what the customer can do; it used to stop with one candidate's reason ("Bellows IT SARL does not offer
 * Power Platform"), naming a partner in another region he never asked about. A partner he named and the
 * rules refused keeps its own reason on top. Slack: test/slack/slack-multichannel-nobody.flow.test.ts.
 */

/** The data of the Action.Execute whose data matches `match` (the describe button; Continue has no `describe` on the list form). */
function clickOf(card: unknown, match: (data: Record<string, unknown>, title: string) => boolean): Record<string, unknown> {
  const stack: unknown[] = [card];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      const data = (o.data ?? {}) as Record<string, unknown>;
      if (o.type === 'Action.Execute' && match(data, String(o.title))) return { verb: o.verb, ...data };
      stack.push(...Object.values(o));
    }
  }
  throw new Error('no such button on the card');
}
const describeButton = (card: unknown) => clickOf(card, (d) => d.form === 'multichannel_support' && d.describe === 'yes' && Object.keys(d).length <= 4);
const continueButton = (card: unknown, title: string) => clickOf(card, (d, t) => d.form === 'multichannel_support' && t === title);

const POWER_APPS = { subscriptionName: 'Power Apps per user', subscriptionWorkload: 'power_platform', purchaseChannel: 'microsoft_direct', billing: 'license' };

const CASES = [
  {
    locale: 'en-US',
    choose: 'in English',
    cont: 'Continue',
    empty: 'No partner is eligible for this request right now.',
    title: /Why there is nobody to choose: (\d+) organizations were considered, and none can be offered\./,
    workload: 'they do not offer this workload (',
    transact: 'resellers that cannot sell to customers yet',
    whatToDo: 'What you can do: a partner for this subscription must offer its workload',
    stopTitle: "This request can't go ahead",
    fuji: 'Fuji IT Partners is not linked with a distributor',
  },
  {
    locale: 'ja-JP',
    choose: '日本語で',
    cont: '次へ',
    empty: '現在、この申請の対象となるパートナーはありません。',
    title: /選べる相手がいない理由：(\d+) 社を確認しましたが、どこも対象外です。/,
    workload: 'このワークロードを取り扱っていない (',
    transact: 'まだ顧客に販売できないリセラー',
    whatToDo: 'できること: このサブスクリプションをサポートできるのは',
    stopTitle: 'この申請は受け付けられません',
    fuji: '富士ITパートナーズは',
  },
] as const;

describe('multi-channel support nobody can give says why (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  async function describePowerApps(c: (typeof CASES)[number], text: string) {
    await h.say('taro-ito', c.choose, c.locale);
    const list = (await h.say('taro-ito', text, c.locale)).at(-1)!;
    const form = (await h.execute('taro-ito', describeButton(list.card), c.locale)).answer!;
    return (await h.execute('taro-ito', { ...continueButton(form.card, c.cont), ...POWER_APPS }, c.locale)).answer!;
  }

  function expectCountedWhy(text: string, c: (typeof CASES)[number]) {
    expect(text).toContain(c.empty);
    expect(text).toMatch(c.title);
    expect(text).toContain(c.workload);
    expect(text).toContain(c.transact);
    expect(text).toContain(c.whatToDo);
    expect(text).not.toContain(c.stopTitle);
    // Nobody in another region is named as the reason.
    expect(text).not.toContain('Bellows');
    // Every partner considered is counted under one rule: the counts add up to the title's number.
    const total = Number(c.title.exec(text)![1]);
    const counts = [...text.matchAll(/• [^•]*?\((\d+)(?: 社)?\)/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(total).toBeGreaterThan(2);
  }

  it.each(CASES)('$locale: nobody can support the described subscription; why, counted by rule, and what to do', async (c) => {
    const card = await describePowerApps(c, c.locale === 'en-US' ? 'I want a partner to support a subscription we bought elsewhere' : '他で購入したサブスクリプションのサポートをお願いしたい');
    expectCountedWhy(card.cardText, c);
    // The subscription described is shown as the known fact; nothing can be chosen, so no Continue.
    expect(card.cardText).toContain('Power Apps per user');
    expect(() => continueButton(card.card, c.cont)).toThrow();
    expect(await h.store.requests.listByRequester('taro-ito')).toEqual([]);
  });

  it.each(CASES)('$locale: Fuji IT Partners, named and refused, keeps its own reason on top of the counts', async (c) => {
    const card = await describePowerApps(c, c.locale === 'en-US' ? 'We bought Power Apps directly from Microsoft. Can Fuji IT Partners support it?' : 'Power Apps をマイクロソフトから直接購入しました。富士ITパートナーズにサポートをお願いしたいです');
    expectCountedWhy(card.cardText, c);
    expect(card.cardText).toContain(c.fuji);
    expect(card.cardText.indexOf(c.fuji)).toBeLessThan(card.cardText.indexOf(c.empty));
    expect(await h.store.requests.listByRequester('taro-ito')).toEqual([]);
  });
});
