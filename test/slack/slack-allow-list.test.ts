import { join } from 'node:path';
import { SlackAckJournal } from '../../adapters/slack/slack-ack-journal';
import { eventBody, interactionBody } from './support/signed-request';
import { createSlackHarness, fixture, PEOPLE, type SlackHarness } from './support/slack-harness';

type Rec = Record<string, unknown>;
const slackRecords = async (h: SlackHarness) => (await h.store.events.listDue('slack', new Date(Date.now() + 1000)));

/**
 * ALLOWED_SLACK_TEAM_IDS is about the person acting, not only the workspace the app is installed in:
 * in a Slack Connect channel the body's team_id is the install's workspace while the person comes from
 * another organization (event.user_team / event.team, user.team_id). Enterprise Grid IDs (E…) admit
 * the install's own workspace. A delivery recorded before the list changed is checked again when
 * recovery processes it.
 */
describe('Slack allow-list: the acting person\'s workspace', () => {
  let h: SlackHarness;
  afterEach(() => h.destroy());

  it('an app_mention in a shared channel by a person of a workspace not listed is refused, though team_id is listed', async () => {
    h = await createSlackHarness({ allowedTeamIds: 'T05TREYRS' });
    const f = fixture<Rec & { event: Rec }>('event-app-mention');
    const yuki = PEOPLE.yuki;
    const body = {
      ...f,
      team_id: 'T05TREYRS', // the install: Trey Research's workspace
      event_id: 'Ev08SHARED0001',
      is_ext_shared_channel: true,
      event: { ...f.event, text: '<@U0PLBOT> help', user: yuki.userId, team: yuki.teamId, user_team: yuki.teamId, source_team: yuki.teamId, channel: 'C05SHARED' },
    };
    expect((await h.send(eventBody(body))).status).toBe(200);
    await h.settled();
    expect(await h.store.events.get('slack:event:Ev08SHARED0001')).toBeUndefined();
    expect(h.api.called('chat.postMessage')).toEqual([]);
  });

  it('a click by a person of a workspace not listed is refused, though team.id is listed', async () => {
    h = await createSlackHarness({ allowedTeamIds: 'T05TREYRS' });
    await h.dm('daniel', 'hello');
    const card = h.posted('D05DANPARK').at(-1)!;
    const calls = h.api.calls.length;
    const click = h.clickPayload('daniel', card, '*');
    const yuki = PEOPLE.yuki;
    click.user = { ...(click.user as Rec), id: yuki.userId, team_id: yuki.teamId };
    expect((await h.send(interactionBody(click))).status).toBe(200);
    await h.settled();
    expect(await slackRecords(h)).toEqual([]);
    expect(h.api.calls.length).toBe(calls);
  });

  it('an Enterprise Grid ID admits the install\'s workspace in that enterprise (command and event), not a guest from elsewhere', async () => {
    h = await createSlackHarness({ allowedTeamIds: 'E0PLGRID' });
    // The Grid workspace belongs to an organization (else its people are refused at the edge, whatever the list says).
    await h.store.directory.bindSlackWorkspace('trey-research-direct', 'T0GRIDWS1');
    const command = h.commandBody('daniel', 'C0GRIDOPS', 'help');
    const fields = new URLSearchParams(command.body);
    fields.set('team_id', 'T0GRIDWS1');
    fields.set('enterprise_id', 'E0PLGRID');
    fields.set('is_enterprise_install', 'true');
    const served = await h.send({ body: fields.toString(), type: command.type });
    await h.settled();
    expect(served.status).toBe(200);
    expect(served.body).toBe('');
    expect(h.posted('C0GRIDOPS').length).toBeGreaterThan(0);

    const f = fixture<Rec & { event: Rec }>('event-app-mention');
    const mention = (eventId: string, team: string) => ({
      ...f,
      team_id: 'T0GRIDWS1',
      enterprise_id: 'E0PLGRID',
      event_id: eventId,
      authorizations: [{ enterprise_id: 'E0PLGRID', team_id: 'T0GRIDWS1', user_id: 'U0PLBOT', is_bot: true, is_enterprise_install: true }],
      event: { ...f.event, text: '<@U0PLBOT> help', user: 'U0GRIDUSER', team, user_team: team, channel: 'C0GRIDOPS2' },
    });
    await h.send(eventBody(mention('Ev08GRID0001', 'T0GRIDWS1')));
    await h.settled();
    expect(h.posted('C0GRIDOPS2').length).toBeGreaterThan(0);
    const before = h.api.called('chat.postMessage').length;
    await h.send(eventBody(mention('Ev08GRID0002', 'T0ELSEWHERE')));
    await h.settled();
    expect(await h.store.events.get('slack:event:Ev08GRID0002')).toBeUndefined();
    expect(h.api.called('chat.postMessage').length).toBe(before);
  });

  it('a delivery a crash left pending is checked again at recovery: from a workspace no longer listed, it is closed unprocessed', async () => {
    h = await createSlackHarness();
    const refused = h.dmBody('yuki', 'hello');
    const servedBody = h.dmBody('daniel', 'hello');
    const idOf = (b: { body: string }) => `slack:event:${(JSON.parse(b.body) as { event_id: string }).event_id}`;
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    for (const b of [refused, servedBody]) await h.store.events.claim({ id: idOf(b), source: 'slack', payload: { body: b.body } }, twoMinutesAgo);
    const dataDir = h.dataDir;
    await h.close();
    h = await createSlackHarness({ dataDir, allowedTeamIds: 'T05TREYRS' });
    expect((await h.store.events.get(idOf(refused)))?.status).toBe('done');
    expect(h.posted(PEOPLE.yuki.dm)).toEqual([]);
    expect(await h.store.references.listForPerson('yuki-suzuki')).toEqual([]);
    expect(h.posted(PEOPLE.daniel.dm).length).toBeGreaterThan(0); // the allowed one is still processed
  });

  it('a delivery left in this instance\'s journal is checked again when the journal is replayed', async () => {
    h = await createSlackHarness({ allowedTeamIds: 'T05TREYRS' });
    const refused = h.dmBody('yuki', 'hello');
    const id = `slack:event:${(JSON.parse(refused.body) as { event_id: string }).event_id}`;
    // Acknowledged while the store was slow (under an older list), then the process died.
    new SlackAckJournal(join(h.dataDir, 'slack-ack-journal')).keep(id, JSON.parse(refused.body) as Rec, new Date());
    expect(await h.slack.inbox.replayJournal()).toBe(1);
    await h.settled();
    expect((await h.store.events.get(id))?.status).toBe('done');
    expect(h.api.called('chat.postMessage')).toEqual([]);
  });
});
