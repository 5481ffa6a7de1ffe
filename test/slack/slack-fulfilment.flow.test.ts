import nock from 'nock';
import { strings } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';
import { fixturePartnerCenter } from '../support/partner-center-harness';
import { PC_BASE, replyWith } from '../partner-center/pc-fixtures';
import { meiOnSlack } from './support/sample-on-slack';
import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

/**
 * Issue 17 on Slack, through signed HTTP and the (fake) Web API, with Partner Center answered by the
 * fixtures: a link with a distributor goes through "completing in Partner Center" to "completed" (the
 * Teams transcript is test/dialogs/fulfilment-link.test.ts), and a request filed "not yet verified" is
 * closed by the system when its later check finds the PartnerID unknown (on Teams:
 * test/dialogs/partner-check-at-filing.test.ts). Fuji IT Partners' admin Mei is given a
 * Slack identity and workspace here (the sample directory has her on Teams only).
 */
const REQUEST_ID = /PL-[0-9A-Z]{8}/;
const RESELLERS = () => nock(PC_BASE).get('/relationships').query({ relationship_type: 'IsIndirectCloudSolutionProviderOf' });
const MPN = () => nock(PC_BASE).get('/profiles/mpn').query({ mpnId: '7023456' });
const AGREEMENT = () => nock(PC_BASE).get('/compliance/csp/agreementstatus').query({ mpnId: '7023456' });
/** Whether Block Kit blocks carry an Approve button (its value names the verb). */
const hasApprove = (blocks: unknown[]) => JSON.stringify(blocks).includes('\\"v\\":\\"approve\\"');

describe.each(bothStores().map((s) => [s.name, s] as const))('Slack: a link with a distributor completes in Partner Center (%s store)', (_name, storeUnderTest) => {
  let h: SlackHarness;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1'); // the bot's own HTTP server and the fake Slack Web API
    h = await createSlackHarness({ ...storeUnderTest.options(), partnerCenter: fixturePartnerCenter() });
    await meiOnSlack(h.store);
  });
  afterEach(async () => {
    await h.destroy();
    await storeUnderTest.cleanUp();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const fulfilment = () => h.runtime.jobs.find((j) => j.name === 'partner-center-fulfilment')!;

  it.each([
    ['en', 'in English', 'hello', 'I want to link with a distributor', 'Request a partnership', 'Authorize indirect provider', 'Request completed in Partner Center', 'Completing in Partner Center'],
    ['ja', 'こんにちは', '日本語で', '国内のディストリビューターと連携したい', '[パートナーシップを要求]', '[間接プロバイダーを承認]', '申請はパートナー センターで完了しました', 'パートナー センターで完了待ち'],
  ])('%s: Mei files, Emily approves by button → completing with each side\'s step; Partner Center down, then showing the reseller → completed, both told in their DMs', async (_lang, meiFirst, emilyFirst, ask, providerStep, resellerStep, completedTitle, completingLabel) => {
    await h.dm('emily', emilyFirst);
    await h.dm('mei', meiFirst);
    await h.dm('mei', ask);
    // Checks at filing: Partner Center knows the PartnerID and the Partner Agreement is signed.
    replyWith(MPN(), 'mpn-profile');
    replyWith(AGREEMENT(), 'agreement-status');
    const form = last(h.shown('D09MEIKOB'));
    await h.click('mei', form, 'submit_form', { providerId: 'contoso-distribution-jp' });
    const confirmation = last(h.shown('D09MEIKOB'));
    await h.click('mei', confirmation, 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown('D09MEIKOB'))))![0];

    // Emily gets the approval card in her DM and approves it there; the card is replaced (chat.update).
    const card = last(h.posted('D02EMILYC'));
    expect(textOf(card)).toContain(requestId);
    expect((await h.click('emily', card, 'approve')).status).toBe(200);
    const completing = (await h.store.requests.get(requestId))!;
    expect(completing.status).toBe('completing');
    expect(completing.partnerCheck).toBeUndefined(); // checked at filing, not "not yet verified"
    expect(completing.checks).toEqual(expect.arrayContaining(['PARTNER_ID_NOT_FOUND', 'PARTNER_AGREEMENT_NOT_SIGNED']));
    expect(completing.audit.at(-1)).toMatchObject({ action: 'approve', to: 'completing', platform: 'slack', actor: { personId: 'emily-clark' } });
    const replaced = h.api.called('chat.update').filter((c) => c.args.channel === 'D02EMILYC' && c.args.ts === card.ts).at(-1)!;
    expect(strings(replaced.args.blocks)).toContain(completingLabel);
    expect(await h.store.directory.listLinks({ resellerId: 'fuji-it-partners' })).toHaveLength(0);

    // Each side's next step, in each one's language, with the reseller's name and PartnerID for the distributor.
    const toEmily = textOf(last(h.shown('D02EMILYC')));
    expect(toEmily).toContain(providerStep);
    expect(toEmily).toContain('7023456');
    expect(textOf(last(h.posted('D09MEIKOB')))).toContain(resellerStep);

    // Not yet in Partner Center; then Partner Center answers 503 (kept, asked again); then the reseller is listed, Active.
    replyWith(RESELLERS(), 'indirect-resellers');
    expect(await fulfilment().run()).toEqual({ completed: [], waiting: [requestId], failed: [] });
    replyWith(RESELLERS(), 'server-error-503');
    expect(await fulfilment().run()).toEqual({ completed: [], waiting: [], failed: [{ id: requestId, code: 'PARTNER_CENTER_UNAVAILABLE' }] });
    expect((await h.store.requests.get(requestId))?.status).toBe('completing');
    const postedBefore = { emily: h.posted('D02EMILYC').length, mei: h.posted('D09MEIKOB').length };
    replyWith(RESELLERS(), 'indirect-resellers-after-link');
    expect(await fulfilment().run()).toEqual({ completed: [requestId], waiting: [], failed: [] });
    expect(nock.isDone()).toBe(true);

    const completed = (await h.store.requests.get(requestId))!;
    expect(completed.status).toBe('completed');
    expect(completed.audit.at(-1)).toMatchObject({ action: 'complete', from: 'completing', to: 'completed', actor: { type: 'system' }, platform: 'system' });
    expect(await h.store.directory.listLinks({ resellerId: 'fuji-it-partners' })).toEqual([expect.objectContaining({ providerId: 'contoso-distribution-jp' })]);
    // Both told, each in their DM and language.
    expect(h.posted('D02EMILYC').slice(postedBefore.emily).map(textOf).join(' ')).toContain(completedTitle);
    expect(h.posted('D09MEIKOB').slice(postedBefore.mei).map(textOf).join(' ')).toContain(completedTitle);
  });
});

describe.each(bothStores().map((s) => [s.name, s] as const))('Slack: filed "not yet verified", then Partner Center does not know the PartnerID (%s store)', (_name, storeUnderTest) => {
  let h: SlackHarness;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    h = await createSlackHarness({ ...storeUnderTest.options(), partnerCenter: fixturePartnerCenter() });
    await meiOnSlack(h.store);
  });
  afterEach(async () => {
    await h.destroy();
    await storeUnderTest.cleanUp();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it.each([
    ['en', 'in English', 'hello', 'I want to link with a distributor', 'Not yet verified', 'does not know the PartnerID', 'Rejected'],
    ['ja', 'こんにちは', '日本語で', '国内のディストリビューターと連携したい', '未確認', 'Microsoft パートナー センターに登録されていません', '却下'],
  ])('%s: closed by the system; Mei (requester) and Emily (approver) are told why in their DMs; Emily\'s approval card loses its buttons', async (_lang, meiFirst, emilyFirst, ask, unverified, reason, rejectedLabel) => {
    await h.dm('emily', emilyFirst);
    await h.dm('mei', meiFirst);
    await h.dm('mei', ask);
    replyWith(MPN(), 'server-error-503'); // Partner Center down while Mei files
    await h.click('mei', last(h.shown('D09MEIKOB')), 'submit_form', { providerId: 'contoso-distribution-jp' });
    await h.click('mei', last(h.shown('D09MEIKOB')), 'confirm');
    const requestId = REQUEST_ID.exec(textOf(last(h.shown('D09MEIKOB'))))![0];
    const filed = (await h.store.requests.get(requestId))!;
    expect(filed.status).toBe('pending_approval');
    expect(filed.partnerCheck?.state).toBe('pending');
    const card = last(h.posted('D02EMILYC'));
    expect(textOf(card)).toContain(unverified);
    // The check comes due (as the schedule's back-off would make it) and Partner Center answers: unknown PartnerID.
    await h.store.requests.updatePartnerCheck(requestId, filed.partnerCheck!.attempts, { ...filed.partnerCheck!, nextAt: new Date(0) });
    const before = { emily: h.posted('D02EMILYC').length, mei: h.posted('D09MEIKOB').length };
    replyWith(MPN(), 'mpn-not-found');
    await h.runtime.jobs.find((j) => j.name === 'partner-center-checks')!.run();
    expect(nock.isDone()).toBe(true);

    const closed = (await h.store.requests.get(requestId))!;
    expect(closed.status).toBe('rejected');
    expect(closed.partnerCheck?.state).toBe('failed');
    expect(closed.audit.at(-1)).toMatchObject({ action: 'reject', actor: { type: 'system' }, platform: 'system' });
    for (const [channel, n] of [['D02EMILYC', before.emily], ['D09MEIKOB', before.mei]] as const) {
      const told = h.posted(channel).slice(n).map(textOf).join(' ');
      expect(told).toContain(reason);
      expect(told).toContain(requestId);
    }
    // The approval card Emily holds is replaced by the closed one (no Approve button any more).
    const replaced = h.api.called('chat.update').filter((c) => c.args.channel === 'D02EMILYC' && c.args.ts === card.ts).at(-1);
    expect(replaced).toBeDefined();
    expect(strings(replaced!.args.blocks)).toContain(rejectedLabel);
    expect(hasApprove(card.blocks)).toBe(true);
    expect(hasApprove(replaced!.args.blocks as unknown[])).toBe(false);
    // Nothing was recorded in the directory.
    expect(await h.store.directory.listLinks({ resellerId: 'fuji-it-partners' })).toHaveLength(0);
  });
});
