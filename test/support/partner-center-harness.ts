import nock from 'nock';
import { GraphGdapClient } from '../../adapters/graph';
import { PartnerCenterClient } from '../../adapters/partner-center';
import type { GdapPort } from '../../app/ports';
import { PC_BASE } from '../partner-center/pc-fixtures';
import { createBotHarness, type BotHarness } from './bot-harness';
import type { bothStores } from './both-stores';
import type { TestClock } from './test-clock';

/** A Partner Center client against the nocked fixtures: a fixed token, no waits, one attempt per call. */
export const fixturePartnerCenter = () =>
  new PartnerCenterClient({ baseUrl: PC_BASE, tokens: { token: async () => 'test-token' }, sleep: async () => undefined, maxAttempts: 1 });

/**
 * Transcript set-up with Partner Center on: a bot harness on the store under test, all other HTTP refused,
 * nock cleaned and the store dropped after each test. Returns a getter for the current harness.
 */
export function usePartnerCenterHarness(storeUnderTest: ReturnType<typeof bothStores>[number], options: { /** Issue 17: the schedules run on this clock (made anew for each test). */ clock?: () => TestClock; gdap?: () => GdapPort } = {}): () => BotHarness {
  let h: BotHarness | undefined;
  beforeEach(async () => {
    nock.disableNetConnect();
    h = await createBotHarness({ ...storeUnderTest.options(), partnerCenter: fixturePartnerCenter(), ...(options.clock ? { clock: options.clock() } : {}), ...(options.gdap ? { gdap: options.gdap() } : {}) });
  });
  afterEach(async () => {
    await h?.destroy();
    h = undefined;
    await storeUnderTest.cleanUp();
    nock.cleanAll();
    nock.enableNetConnect();
  });
  return () => {
    if (!h) throw new Error('the Partner Center harness exists only inside a test');
    return h;
  };
}

/** Issue 17: the Graph GDAP client against nocked Graph (graph.microsoft.com), with a fixed app+user token. */
export const fixtureGdap = (): GdapPort => new GraphGdapClient({ graphUrl: 'https://graph.microsoft.com/v1.0', tokens: { token: async () => 'graph-user-token' } });
