import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nock from 'nock';
import { strings } from '../support/bot-harness';
import { fakeConnector } from './support/connector-fake';
import { startTeamsTestApp, type TeamsTestApp } from './support/teams-test-app';

/** Activities recorded from Microsoft 365 Agents Playground (fixtures/playground), replayed as they were. */
function recorded(name: string): Record<string, unknown> {
  const { _source: _ignored, ...activity } = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'playground', `${name}.json`), 'utf8')) as Record<string, unknown>;
  return activity;
}

describe('Teams: recorded Agents Playground activities replayed over HTTP (local development mode)', () => {
  const serviceUrl = String(recorded('message').serviceUrl);
  let app: TeamsTestApp;
  let connector: ReturnType<typeof fakeConnector>;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    connector = fakeConnector(new URL(serviceUrl).origin);
    app = await startTeamsTestApp();
  });
  afterAll(async () => {
    await app.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const cardText = () => strings((connector.calls.at(-1)?.activity.attachments as unknown[] | undefined) ?? []);

  it('install: the welcome card goes back to the recorded conversation, and Mei is remembered', async () => {
    expect((await app.post(recorded('installation-update'))).status).toBe(200);
    expect((await app.post(recorded('conversation-update'))).status).toBe(200);
    expect(connector.calls.at(-1)?.path).toContain('/_connector/v3/conversations/a%3Apersonal-chat-mei-kobayashi/activities');
    expect(cardText()).toContain('Mei Kobayashi');
    expect((await app.store.references.listForPerson('mei-kobayashi')).length).toBe(1);
  });

  it('a typed message: the form card lists the distributors she may link with', async () => {
    expect((await app.post(recorded('message'))).status).toBe(200);
    expect(cardText()).toContain('Contoso Distribution Japan');
  });

  it('the Continue click (adaptiveCard/action): the invoke is answered with the confirmation card, which replaces the form', async () => {
    const posted = connector.calls.length;
    const res = await app.post(recorded('invoke.adaptive-card-action'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(strings((res.body as { value: unknown }).value)).toContain('Send request');
    expect(connector.calls.length).toBe(posted); // nothing posted below the clicked card
  });
});
