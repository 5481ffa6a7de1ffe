import nock from 'nock';
import { buttonData, strings, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { usePartnerCenterHarness } from '../support/partner-center-harness';
import { PC_BASE, replyWith } from '../partner-center/pc-fixtures';

// Issue 17, checks at filing: a reseller's PartnerID and Partner Agreement are asked of Partner Center when
// a link is filed, with Partner Center answered by the documented-shape fixtures (fixtures/SOURCES.md).
// Fuji IT Partners (Mei's organization) has PartnerID 7023456 in the sample directory.
const MPN = () => nock(PC_BASE).get('/profiles/mpn').query({ mpnId: '7023456' });
const AGREEMENT = () => nock(PC_BASE).get('/compliance/csp/agreementstatus').query({ mpnId: '7023456' });

async function fileLink(h: BotHarness, locale: string) {
  // Hiroshi (Contoso's admin) has written once, so his approval card can reach him; both ask for English
  // in the English run (their directory language is Japanese).
  await h.say('hiroshi-yamada', locale === 'ja-JP' ? 'こんにちは' : 'in English', locale);
  if (locale === 'en-US') await h.say('mei-kobayashi', 'in English', locale);
  const [form] = await h.say('mei-kobayashi', locale === 'ja-JP' ? '国内のディストリビューターと連携したい' : 'I want to link with a distributor', locale);
  const confirmation = (await h.execute('mei-kobayashi', { ...buttonData(form!.card, 'submit_form')!, providerId: 'contoso-distribution-jp' }, locale)).answer!;
  return confirmation;
}

describe.each(bothStores().map((s) => [s.name, s] as const))('checks at filing with Partner Center (Teams, %s store)', (_name, storeUnderTest) => {
  const harness = usePartnerCenterHarness(storeUnderTest);
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });

  it.each([
    ['en-US', 'does not know the PartnerID'],
    ['ja-JP', 'Microsoft パートナー センターに登録されていません'],
  ])('%s: a PartnerID Partner Center does not know is refused with what to do, and nothing is filed', async (locale, reason) => {
    replyWith(MPN(), 'mpn-not-found');
    const confirmation = await fileLink(h, locale);
    const answer = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, locale)).answer!;
    expect(strings(answer.card)).toContain(reason);
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(0);
    expect(nock.isDone()).toBe(true);
  });

  it.each([
    ['en-US', 'has not signed the Microsoft Partner Agreement'],
    ['ja-JP', 'Microsoft パートナー契約 (MPA) に同意していません'],
  ])('%s: a reseller that has not signed the Partner Agreement is refused, nothing filed', async (locale, reason) => {
    replyWith(MPN(), 'mpn-profile');
    AGREEMENT().reply(200, { isAgreementSigned: false });
    const confirmation = await fileLink(h, locale);
    const answer = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, locale)).answer!;
    expect(strings(answer.card)).toContain(reason);
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(0);
  });

  it.each([
    ['en-US', 'Not yet verified'],
    ['ja-JP', '未確認'],
  ])('%s: Partner Center down at filing: filed "not yet verified", checked again by the schedule, then verified', async (locale, pending) => {
    replyWith(MPN(), 'server-error-503');
    const confirmation = await fileLink(h, locale);
    const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, locale)).answer!;
    expect(strings(done.card)).toContain(pending);
    const [request] = await h.store.requests.listByRequester('mei-kobayashi');
    expect(request?.status).toBe('pending_approval');
    expect(request?.partnerCheck?.state).toBe('pending');
    // The approver's card says it too.
    expect(strings(h.delivered.filter((d) => d.to === 'hiroshi-yamada').at(-1)!.message.card)).toContain(pending);

    // The schedule asks again once the check is due; Partner Center now answers: verified, still pending approval.
    replyWith(MPN(), 'mpn-profile');
    replyWith(AGREEMENT(), 'agreement-status');
    const job = h.jobs.find((j) => j.name === 'partner-center-checks')!;
    expect(job).toBeDefined();
    await h.store.requests.updatePartnerCheck(request!.id, request!.partnerCheck!.attempts, { ...request!.partnerCheck!, nextAt: new Date(0) });
    await job.run();
    const after = (await h.store.requests.get(request!.id))!;
    expect(after.partnerCheck?.state).toBe('verified');
    expect(after.status).toBe('pending_approval');
    expect(after.audit.at(-1)?.action).toBe('verify');
    expect(nock.isDone()).toBe(true);
  });

  it.each([
    ['en-US', 'does not know the PartnerID'],
    ['ja-JP', 'Microsoft パートナー センターに登録されていません'],
  ])('%s: filed "not yet verified", then Partner Center says the PartnerID is unknown: closed by the system, requester and approver told why', async (locale, reason) => {
    replyWith(MPN(), 'server-error-503');
    const confirmation = await fileLink(h, locale);
    await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, locale);
    const [request] = await h.store.requests.listByRequester('mei-kobayashi');
    await h.store.requests.updatePartnerCheck(request!.id, request!.partnerCheck!.attempts, { ...request!.partnerCheck!, nextAt: new Date(0) });
    const before = h.delivered.length;

    replyWith(MPN(), 'mpn-not-found');
    await h.jobs.find((j) => j.name === 'partner-center-checks')!.run();
    const closed = (await h.store.requests.get(request!.id))!;
    expect(closed.status).toBe('rejected');
    expect(closed.partnerCheck?.state).toBe('failed');
    expect(closed.audit.at(-1)).toMatchObject({ action: 'reject', actor: { type: 'system' } });
    const told = h.delivered.slice(before);
    for (const who of ['mei-kobayashi', 'hiroshi-yamada']) {
      const last = told.filter((d) => d.to === who).at(-1);
      expect(last).toBeDefined();
      expect(strings(last!.message.card)).toContain(reason);
    }
    expect(nock.isDone()).toBe(true);
  });
});
