import nock from 'nock';
import { BOT_APP_ID, BOT_TENANT_ID, newSigningKey, serveOpenIdMetadata, serveTokenEndpoint } from './bot-framework-fakes';
import { fakeConnector, type ConnectorCall } from './connector-fake';
import { teamsClient } from './teams-client';
import { startTeamsTestApp, type TeamsTestApp } from './teams-test-app';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** The Adaptive Card a connector call carries, if any. */
export const cardOf = (c: ConnectorCall | undefined) =>
  (c?.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined)?.find((a) => a.contentType === CARD)?.content;

export interface AuthenticatedTeams {
  app: TeamsTestApp;
  connector: ReturnType<typeof fakeConnector>;
  client: ReturnType<typeof teamsClient>;
}

/**
 * Registers the Jest hooks of a describe block that talks to the real app with real Teams
 * authentication: Microsoft's OpenID metadata and token endpoint faked with nock, a fake Bot
 * Connector, a fresh app per test. The returned object's fields are set before each test.
 * `quietConsole`: botframework-connector writes refused tokens with console.error.
 */
export function useAuthenticatedTeamsApp(opts: { quietConsole?: boolean } = {}): AuthenticatedTeams {
  const key = newSigningKey();
  const t = {} as AuthenticatedTeams;
  beforeAll(() => {
    if (opts.quietConsole) jest.spyOn(console, 'error').mockImplementation(() => undefined);
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    serveOpenIdMetadata(key);
    serveTokenEndpoint();
    t.connector = fakeConnector();
  });
  beforeEach(async () => {
    t.connector.calls.length = 0;
    t.app = await startTeamsTestApp({ MicrosoftAppId: BOT_APP_ID, MicrosoftAppPassword: 'test-client-secret-not-real', MicrosoftAppTenantId: BOT_TENANT_ID });
    t.client = teamsClient(t.app, key);
  });
  afterEach(async () => {
    await t.app.close();
    nock.abortPendingRequests();
  });
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
    if (opts.quietConsole) jest.restoreAllMocks();
  });
  return t;
}
