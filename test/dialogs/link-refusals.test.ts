import { createBotHarness, type BotHarness } from '../support/bot-harness';

describe('link a distributor: each refusal, with the reason and what to do', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('REGION_MISMATCH: a Japanese reseller naming a German distributor is re-asked with the reason and the eligible list', async () => {
    const form = (await h.say('mei-kobayashi', 'I want to link with Northwind Distribution GmbH', 'en-US')).at(-1)!;
    expect(form.cardText).toMatch(/same CSP region|CSP region/);
    expect(form.cardText).toContain('Contoso Distribution Japan');
  });

  it('CLOUD_MISMATCH: a public-cloud reseller naming a US Government distributor (and no other is eligible)', async () => {
    const reply = (await h.say('sam-rivera', 'link us with Adatum Federal Distribution')).at(-1)!;
    expect(reply.cardText).toContain('Proseware Solutions LLC is in the public cloud and Adatum Federal Distribution is in the Microsoft Cloud for US Government');
    expect(await h.store.requests.listByRequester('sam-rivera')).toEqual([]);
  });

  it('RESELLER_NOT_ENROLLED: a reseller still enrolling is told to enroll first; nothing is filed', async () => {
    const reply = (await h.say('riku-endo', 'ディストリビューターと連携したい', 'ja-JP')).at(-1)!;
    expect(reply.cardText).toContain('間接リセラーとして登録されていない');
    expect(await h.store.requests.listByRequester('riku-endo')).toEqual([]);
  });

  it('DUPLICATE_RELATIONSHIP: asking again for an existing link', async () => {
    const reply = (await h.say('aiko-tanaka', 'コントソ・ディストリビューション・ジャパンと連携したい', 'ja-JP')).at(-1)!;
    expect(reply.cardText).toContain('すでにこの関係にあります');
  });

  it('DUPLICATE_PENDING_REQUEST: a second request for the same link while one is open', async () => {
    const { buttonData } = await import('../support/bot-harness');
    const first = (await h.say('mei-kobayashi', 'link us with Tailspin Distribution KK', 'en-US')).at(-1)!;
    await h.execute('mei-kobayashi', buttonData(first.card, 'confirm')!, 'en-US');
    const again = (await h.say('mei-kobayashi', 'link us with Tailspin Distribution KK', 'en-US')).at(-1)!;
    expect(again.cardText).toContain('already waiting for approval');
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(1);
  });

  it('a customer asking to link with a distributor is told this is for resellers', async () => {
    const reply = (await h.say('olivia-brown', 'link me with a distributor')).at(-1)!;
    expect(reply.cardText).toContain('indirect reseller');
  });
});
