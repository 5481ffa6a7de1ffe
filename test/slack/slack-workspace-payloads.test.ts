import { inputOf } from '../../adapters/slack/slack-payloads';
import { commandToText, messageActivity, stripMentions } from '../../adapters/slack/slack-activity.mapper';
import { describeSlackTurn } from '../../adapters/slack/slack-turn';
import { installationTokens, singleWorkspaceToken, SlackNotInstalledError, workspaceOfConversation } from '../../adapters/slack/slack-tokens';
import { fixture } from './support/slack-harness';

const input = (body: Record<string, unknown>) => inputOf(body, stripMentions, commandToText);

describe('Slack payloads: which installation a request comes through, and removals', () => {
  it('app_uninstalled deletes the workspace install; an org-wide Grid install is named by its enterprise', () => {
    const removed = fixture('event-app-uninstalled');
    expect(input(removed)).toEqual({ kind: 'uninstalled', workspace: { teamId: 'T05TREYRS', isEnterpriseInstall: false } });
    expect(input({ ...removed, team_id: undefined, enterprise_id: 'E0TREYGRID', is_enterprise_install: true })).toEqual({ kind: 'uninstalled', workspace: { enterpriseId: 'E0TREYGRID', isEnterpriseInstall: true } });
  });

  it('tokens_revoked removes the install only when the bot token is among them', () => {
    const revoked = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('event-tokens-revoked');
    expect(input(revoked)).toEqual({ kind: 'uninstalled', workspace: { teamId: 'T05TREYRS', isEnterpriseInstall: false } });
    expect(input({ ...revoked, event: { type: 'tokens_revoked', tokens: { oauth: ['U05DANPARK'], bot: [] } } }).kind).toBe('ignore');
  });

  it('Slack Connect: the person is identified by user_team, the calls act through the install that received the event', () => {
    const im = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('event-message-im');
    const shared = { ...im, team_id: 'T06YAMATO', enterprise_id: 'E0YAMATO01', event: { ...im.event, channel_type: 'channel', type: 'app_mention', channel: 'C06SHARED', user: 'U05DANPARK', team: 'T06YAMATO', user_team: 'T05TREYRS', text: '<@U0PLBOT> hello' } };
    const got = input(shared);
    expect(got).toMatchObject({ kind: 'message', origin: { teamId: 'T05TREYRS', userId: 'U05DANPARK', install: { teamId: 'T06YAMATO', enterpriseId: 'E0YAMATO01' } } });
    // The install's enterprise is not the visitor's.
    expect(got.kind === 'message' ? got.origin.enterpriseId : 'not a message').toBeUndefined();
  });
});

describe('Slack tokens: each workspace its own, never another', () => {
  const tokens = installationTokens({ botToken: async (team) => (team === 'T0AAAAAAA' ? 'xoxb-a' : undefined) });

  it('a workspace without an installation rejects with NOT_INSTALLED and no token in the message', async () => {
    expect(await tokens.tokenFor({ teamId: 'T0AAAAAAA' })).toBe('xoxb-a');
    const err = await tokens.tokenFor({ teamId: 'T0BBBBBBB' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackNotInstalledError);
    expect((err as SlackNotInstalledError).code).toBe('NOT_INSTALLED');
    expect((err as Error).message).toContain('T0BBBBBBB');
    expect((err as Error).message).not.toMatch(/xox/);
    await expect(tokens.tokenFor(undefined)).rejects.toMatchObject({ code: 'NOT_INSTALLED' });
  });

  it('single-workspace mode answers with SLACK_BOT_TOKEN; a stored reference names its workspace', async () => {
    expect(await singleWorkspaceToken('xoxb-one').tokenFor(undefined)).toBe('xoxb-one');
    expect(workspaceOfConversation({ id: 'D05DANPARK', tenantId: 'T05TREYRS', properties: { slackEnterpriseId: 'E0TREYGRID' } })).toEqual({ teamId: 'T05TREYRS', enterpriseId: 'E0TREYGRID' });
    expect(workspaceOfConversation({ id: 'D05DANPARK' })).toBeUndefined();
    expect(workspaceOfConversation({ id: 'D05DANPARK', tenantId: '../x' })).toBeUndefined();
  });
});

describe('Slack turn: the person\'s Enterprise Grid organization reaches the turn', () => {
  it('an event from a Grid workspace gives the turn home its enterprise; a Slack Connect visitor does not inherit the host\'s', () => {
    const im = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('event-message-im');
    const grid = input({ ...im, enterprise_id: 'E0YAMATO01' });
    if (grid.kind !== 'message') throw new Error('not a message');
    expect(describeSlackTurn(messageActivity(grid.origin, 'hello', '1')).home).toEqual({ platform: 'slack', teamId: 'T06YAMATO', enterpriseId: 'E0YAMATO01' });
    const visitor = input({ ...im, enterprise_id: 'E0YAMATO01', event: { ...im.event, user: 'U05DANPARK', user_team: 'T05TREYRS' } });
    if (visitor.kind !== 'message') throw new Error('not a message');
    const activity = messageActivity(visitor.origin, 'hello', '2');
    expect(describeSlackTurn(activity).home).toEqual({ platform: 'slack', teamId: 'T05TREYRS' });
    // Its answer still goes out through the installation that received it (Yamato's).
    expect(workspaceOfConversation(activity.conversation)).toEqual({ teamId: 'T06YAMATO', enterpriseId: 'E0YAMATO01' });
  });
});
