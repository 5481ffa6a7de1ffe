import { buttonData, strings } from '../support/bot-harness';
import { cardOf, useAuthenticatedTeamsApp } from './support/authenticated-app';
import { teamsFixture } from './support/fixtures';
import { conversationOf } from './support/teams-client';


/**
 * Issue 14 item 18: a personal install whose membersAdded lists only the bot (as Sentry recorded it),
 * and installationUpdate (add), save the installer's conversation reference and greet them once, so an
 * approver who only installed the app gets approval cards; a notifier with nobody to reach logs it.
 */
describe('Teams: personal install events', () => {
  const t = useAuthenticatedTeamsApp();

  const toHiroshi = () => t.connector.calls.filter((c) => c.conversationId === conversationOf('hiroshi'));
  const welcomes = () => toHiroshi().filter((c) => strings(cardOf(c)).includes('Hiroshi Yamada') && !/PL-[0-9A-Z]{8}/.test(strings(cardOf(c))));

  /** Mei files a link request with Contoso Distribution Japan (Hiroshi's organization); the clicks are answered with cards. */
  async function meiFilesLinkRequest(): Promise<string> {
    expect((await t.client.say('mei', 'I want to link with a distributor')).status).toBe(200);
    const form = cardOf(t.connector.calls.filter((c) => c.conversationId === conversationOf('mei')).at(-1));
    const confirmation = await t.client.execute('mei', { ...buttonData(form, 'submit_form')!, providerId: 'contoso-distribution-jp' });
    const sent = await t.client.execute('mei', buttonData((confirmation.body as { value: unknown }).value, 'confirm')!);
    const requestId = /PL-[0-9A-Z]{8}/.exec(strings((sent.body as { value: unknown }).value))?.[0];
    expect(requestId).toBeDefined();
    return requestId!;
  }

  it.each([
    ['conversationUpdate whose membersAdded lists only the bot (Sentry)', 'conversation-update.personal-bot-only'],
    ['installationUpdate, action add', 'installation-update.personal-add'],
  ] as const)('%s: the installer is remembered, greeted, and later gets the approval card', async (_name, fixture) => {
    expect((await t.client.send(teamsFixture(fixture))).status).toBe(200);
    expect((await t.app.store.references.listForPerson('hiroshi-yamada')).map((r) => r.reference.conversation)).toEqual([
      expect.objectContaining({ id: conversationOf('hiroshi') }),
    ]);
    expect(welcomes()).toHaveLength(1);

    const requestId = await meiFilesLinkRequest();
    const approval = toHiroshi().find((c) => c.method === 'POST' && strings(cardOf(c)).includes(requestId));
    expect(approval).toBeDefined();
    expect(buttonData(cardOf(approval), 'approve')).toBeDefined();
  });

  it('both install events, one after the other or at once, greet the installer once', async () => {
    await t.client.send(teamsFixture('installation-update.personal-add'));
    await t.client.send(teamsFixture('conversation-update.personal-bot-only'));
    expect(welcomes()).toHaveLength(1);
    await t.client.send(teamsFixture('installation-update.personal-add'));
    expect(welcomes()).toHaveLength(1);
  });

  it('two install events arriving at the same moment still greet once', async () => {
    await Promise.all([t.client.send(teamsFixture('installation-update.personal-add')), t.client.send(teamsFixture('conversation-update.personal-bot-only'))]);
    expect(welcomes()).toHaveLength(1);
    expect(await t.app.store.references.listForPerson('hiroshi-yamada')).toHaveLength(1);
  });

  it('a request whose approvers the bot cannot reach is logged (request and organization IDs, nothing personal)', async () => {
    const requestId = await meiFilesLinkRequest();
    expect(toHiroshi()).toHaveLength(0);
    const line = t.app.logs.find((l) => l.msg === 'approval waits: nobody who decides for this organization can be reached yet');
    expect(line).toMatchObject({ level: 40, requestId, orgId: 'contoso-distribution-jp' });
    const text = JSON.stringify(line);
    for (const personal of ['Hiroshi', 'Mei', 'Kobayashi', '22222222-bbbb', '11111111-aaaa', '29:']) expect(text).not.toContain(personal);
  });
});
