import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

async function fileLink(h: BotHarness, who = 'mei-kobayashi', provider = 'Contoso Distribution Japan') {
  const confirmation = (await h.say(who, `link us with ${provider}`, 'en-US')).at(-1)!;
  const done = (await h.execute(who, buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
  return /PL-[0-9A-Z]{8}/.exec(done.cardText)![0];
}

describe('status, cancel, policy questions, and who may click what', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('「先週出した申請の状況は？」 lists my requests; an admin also sees what awaits their decision', async () => {
    const id = await fileLink(h);
    const mine = await h.say('mei-kobayashi', '先週出した申請の状況は？', 'ja-JP');
    expect(mine[0]!.cardText).toContain(id);
    const admin = await h.say('hiroshi-yamada', 'any requests waiting for me?', 'en-US');
    expect(strings(admin)).toContain(id);
    expect(admin.some((r) => buttonData(r.card, 'approve'))).toBe(true);
  });

  it('the requester cancels by ID; the request is closed and the approvers are not asked again', async () => {
    const id = await fileLink(h);
    const [card] = await h.say('mei-kobayashi', `cancel ${id}`, 'en-US');
    expect(card!.cardText).toMatch(/[Cc]ancelled/);
    expect((await h.store.requests.get(id))?.status).toBe('cancelled');
  });

  it('someone else cannot cancel it: refused, audited, unchanged', async () => {
    const id = await fileLink(h);
    const request = (await h.store.requests.get(id))!;
    // Hiroshi may see the request (he decides it) but did not file it. Outsiders: outsiders-and-refused-attempts.test.ts.
    await h.say('hiroshi-yamada', 'in English', 'en-US'); // his directory language is Japanese (issue 18)
    const out = await h.execute('hiroshi-yamada', { verb: 'cancel_request', requestId: id, version: request.version }, 'en-US');
    expect(strings(out.card)).toContain('Only the person who filed this request can cancel it');
    const after = (await h.store.requests.get(id))!;
    expect(after.status).toBe('pending_approval');
    expect(after.audit.at(-1)).toMatchObject({ action: 'refused', code: 'NOT_THE_REQUESTER', actor: { personId: 'hiroshi-yamada' } });
  });

  it('a non-admin of the approving organization who clicks Approve is refused and the attempt is audited', async () => {
    const id = await fileLink(h);
    const request = (await h.store.requests.get(id))!;
    await h.say('naoki-mori', 'in English', 'en-US'); // his directory language is Japanese (issue 18)
    const out = await h.execute('naoki-mori', { verb: 'approve', requestId: id, version: request.version }, 'en-US');
    expect(strings(out.card)).toContain('Only an admin');
    const after = (await h.store.requests.get(id))!;
    expect(after.status).toBe('pending_approval');
    expect(after.audit.at(-1)).toMatchObject({ action: 'refused', code: 'NOT_AN_APPROVER', actor: { personId: 'naoki-mori' }, platform: 'teams' });
  });

  it('a click on a stale card (decided by someone else, on the other platform) shows who decided and never decides twice', async () => {
    const id = await fileLink(h);
    const v = (await h.store.requests.get(id))!.version;
    await h.execute('emily-clark', { verb: 'reject', requestId: id, version: v, reason: 'Credit check failed' }, 'en-US', 'slack');
    const late = await h.execute('hiroshi-yamada', { verb: 'approve', requestId: id, version: v }, 'en-US');
    expect(strings(late.card)).toContain('Emily Clark');
    const after = (await h.store.requests.get(id))!;
    expect(after.status).toBe('rejected');
    expect(after.audit.filter((e) => e.action === 'approve' || e.action === 'reject')).toHaveLength(1);
  });

  it('policy questions are answered from the domain rules, in both languages', async () => {
    const [csp] = await h.say('yuki-suzuki', "Can we resell Microsoft 365 to another CSP partner's tenant?");
    expect(csp!.text).toMatch(/^No\. A CSP partner cannot resell/);
    const [gov] = await h.say('marcus-lee', 'Does multi-partner work in US Government cloud?');
    expect(gov!.text).toMatch(/^Yes\. Multi-partner and multi-channel support are also available in Microsoft Cloud for US Government/);
    const [region] = await h.say('camille-martin', 'Can a French reseller work with a German distributor?');
    expect(region!.text).toContain('both in the Europe CSP region');
    // Issue 18: countries by name in the reader's language, not ISO codes.
    expect(region!.text).toContain('France and Germany are both');
    const [regionJa] = await h.say('yuki-suzuki', 'フランスのリセラーはドイツのディストリビューターと連携できますか？', 'ja-JP');
    expect(regionJa!.text).toContain('フランスとドイツはどちらも CSP リージョン');
    expect(regionJa!.text).not.toMatch(/\bFR\b|\bDE\b/);
    const [ja] = await h.say('yuki-suzuki', '別の CSP パートナーのテナントに再販できますか？', 'ja-JP');
    expect(ja!.text).toMatch(/^いいえ。CSP パートナーが別の CSP パートナーに/);
  });

  it('greeting shows the menu with what this person can ask for', async () => {
    const [welcome] = await h.say('olivia-brown', 'hello');
    expect(welcome!.cardText).toContain('Add a partner');
    expect(welcome!.cardText).not.toContain('Link with a distributor');
  });
});
