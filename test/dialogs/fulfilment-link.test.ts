import nock from 'nock';
import { buttonData, strings, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { usePartnerCenterHarness } from '../support/partner-center-harness';
import { PC_BASE, replyWith } from '../partner-center/pc-fixtures';

// Issue 17, done when: a link with a distributor goes through "completing in Partner Center" to
// "completed", with Partner Center answered by the recorded-shape fixtures (fixtures/SOURCES.md).
const RESELLERS = () => nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' });

async function fileAndApprove(h: BotHarness, locale: string): Promise<string> {
  // Hiroshi's and Mei's directory language is Japanese (issue 18's rule): in English they ask for it.
  await h.say('hiroshi-yamada', locale === 'ja-JP' ? 'こんにちは' : 'in English', locale);
  if (locale === 'en-US') await h.say('mei-kobayashi', 'in English', locale);
  const [form] = await h.say('mei-kobayashi', locale === 'ja-JP' ? '国内のディストリビューターと連携したい' : 'I want to link with a distributor', locale);
  const confirmation = (await h.execute('mei-kobayashi', { ...buttonData(form!.card, 'submit_form')!, providerId: 'contoso-distribution-jp' }, locale)).answer!;
  const done = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, locale)).answer!;
  const requestId = /PL-[0-9A-Z]{8}/.exec(done.cardText)![0];
  const approvalCard = h.delivered.find((d) => d.to === 'hiroshi-yamada')!.message.card;
  await h.execute('hiroshi-yamada', buttonData(approvalCard, 'approve')!, locale);
  return requestId;
}

const fulfilment = (h: BotHarness) => h.jobs.find((j) => j.name === 'partner-center-fulfilment')!;

describe.each(bothStores().map((s) => [s.name, s] as const))('link with a distributor completes in Partner Center (Teams, %s store)', (_name, storeUnderTest) => {
  const harness = usePartnerCenterHarness(storeUnderTest);
  let h: BotHarness;
  beforeEach(() => {
    h = harness();
  });

  it.each([
    ['en-US', 'Request a partnership', 'Authorize indirect provider', 'Request completed in Partner Center'],
    ['ja-JP', '[パートナーシップを要求]', '[間接プロバイダーを承認]', '申請はパートナー センターで完了しました'],
  ])('%s: approval → completing with the exact next steps; not yet there, Partner Center down, then there → completed, both told', async (locale, providerStep, resellerStep, completedTitle) => {
    const requestId = await fileAndApprove(h, locale);
    const completing = (await h.store.requests.get(requestId))!;
    expect(completing.status).toBe('completing');
    expect(completing.audit.at(-1)).toMatchObject({ action: 'approve', to: 'completing', actor: { personId: 'hiroshi-yamada' } });
    // While it is completing, the same link cannot be filed again; the reason says where it stands.
    const [again] = await h.say('mei-kobayashi', locale === 'ja-JP' ? '国内のディストリビューターと連携したい' : 'I want to link with a distributor', locale);
    const refused = (await h.execute('mei-kobayashi', { ...buttonData(again!.card, 'submit_form')!, providerId: 'contoso-distribution-jp' }, locale)).answer!;
    expect(strings(refused.card)).toContain(locale === 'ja-JP' ? 'パートナー センターで完了待ちです' : 'is being completed in Partner Center');
    expect(strings(refused.card)).toContain(requestId);
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toHaveLength(1);
    // Recorded in the directory only once Partner Center shows it.
    expect(await h.store.directory.listLinks({ resellerId: 'fuji-it-partners' })).toHaveLength(0);

    // The distributor's admin and the reseller's requester get the next step, with the reseller's name and PartnerID.
    const toApprover = h.delivered.filter((d) => d.to === 'hiroshi-yamada').at(-1)!;
    const approverText = strings(toApprover.message.card);
    expect(approverText).toContain(providerStep);
    expect(approverText).toContain('7023456');
    const toRequester = h.delivered.filter((d) => d.to === 'mei-kobayashi').at(-1)!;
    expect(strings(toRequester.message.card)).toContain(resellerStep);

    // 1st run: Partner Center does not list the reseller yet.
    const notYet = RESELLERS().matchHeader('authorization', 'Bearer test-token');
    replyWith(notYet, 'indirect-resellers');
    expect(await fulfilment(h).run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    // 2nd run: Partner Center answers 503: kept, visible as completing, asked again next time.
    replyWith(RESELLERS(), 'server-error-503');
    expect(await fulfilment(h).run()).toEqual({ completed: [], waiting: [], failed: [{ id: requestId, code: 'PARTNER_CENTER_UNAVAILABLE' }] });
    const failedOnce = (await h.store.requests.get(requestId))!;
    expect(failedOnce.status).toBe('completing');
    // The last check failed at, with its code, is kept on the request (the version does not move).
    expect(failedOnce.fulfilmentCheck).toEqual({ lastFailedAt: expect.any(Date), lastErrorCode: 'PARTNER_CENTER_UNAVAILABLE', failuresInARow: 1 });
    expect(failedOnce.version).toBe(completing.version);
    expect(JSON.stringify(h.logs)).not.toContain('test-token');
    // 3rd run: the reseller accepted; it is listed, Active.
    const before = h.delivered.length;
    replyWith(RESELLERS(), 'indirect-resellers-after-link');
    expect(await fulfilment(h).run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);

    const completed = (await h.store.requests.get(requestId))!;
    expect(completed.status).toBe('completed');
    expect(completed.fulfilmentCheck).toMatchObject({ lastErrorCode: 'PARTNER_CENTER_UNAVAILABLE', failuresInARow: 0, lastAnsweredAt: expect.any(Date) });
    expect(completed.audit.at(-1)).toMatchObject({ action: 'complete', from: 'completing', to: 'completed', actor: { type: 'system' }, platform: 'system' });
    expect(completed.decision).toMatchObject({ actor: { personId: 'hiroshi-yamada' } });
    expect(await h.store.directory.listLinks({ resellerId: 'fuji-it-partners' })).toHaveLength(1);
    const told = h.delivered.slice(before);
    for (const who of ['mei-kobayashi', 'hiroshi-yamada']) {
      const card = told.find((d) => d.to === who);
      expect(strings(card?.message.card)).toContain(completedTitle);
    }
    // A 4th run has nothing left to ask (no Partner Center call: nock would refuse it).
    expect(await fulfilment(h).run()).toEqual({ completed: [], waiting: [], failed: [] });
  });
});
