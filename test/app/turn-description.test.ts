import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Activity } from 'botbuilder';
import { describeSlackTurn } from '../../adapters/slack';
import { messageActivity } from '../../adapters/slack/slack-activity.mapper';
import { describeTeamsTurn } from '../../adapters/teams';
import { describeTurn } from '../../bot/composition';

const teamsFixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'teams', 'fixtures', name), 'utf8')) as Partial<Activity>;

describe('each adapter describes its own activities as one neutral turn', () => {
  it('Teams personal chat (recorded shape): the Entra object ID, the tenant it wrote from, its name, the client language and time zone', () => {
    const a = teamsFixture('message.personal.json');
    expect(describeTeamsTurn(a)).toEqual({
      platform: 'teams',
      identity: { platform: 'teams', aadObjectId: a.from!.aadObjectId!.toLowerCase() },
      home: { platform: 'teams', tenantId: a.conversation!.tenantId!.toLowerCase() },
      displayName: a.from!.name,
      conversationKind: 'personal',
      locale: 'en',
      timeZone: 'Asia/Tokyo',
    });
  });

  it.each([
    ['channel', 'channel'],
    ['groupChat', 'group'],
    ['personal', 'personal'],
    [undefined, 'personal'],
  ])('Teams conversation type %s is a %s conversation', (type, kind) => {
    const a = { ...teamsFixture('message.personal.json'), conversation: { id: 'c', ...(type ? { conversationType: type } : {}) } } as Partial<Activity>;
    expect(describeTeamsTurn(a).conversationKind).toBe(kind);
  });

  it('Teams: no identity when the object ID is missing or is not one', () => {
    const a = teamsFixture('message.personal.json');
    expect(describeTeamsTurn({ ...a, from: { id: '29:x', name: 'x' } }).identity).toBeUndefined();
    expect(describeTeamsTurn({ ...a, from: { id: '29:x', name: 'x', aadObjectId: '{"$ne":null}' } }).identity).toBeUndefined();
  });

  it('Slack: a DM is personal, a channel is shared; the person is the workspace and user', () => {
    const dm = messageActivity({ teamId: 'T06YAMATO', userId: 'U06YUKISZ', channel: 'D06YUKISZ', channelType: 'im', locale: 'ja-JP' }, 'hello', 'e1');
    expect(describeSlackTurn(dm)).toEqual({
      platform: 'slack',
      identity: { platform: 'slack', teamId: 'T06YAMATO', userId: 'U06YUKISZ' },
      home: { platform: 'slack', teamId: 'T06YAMATO' },
      conversationKind: 'personal',
      locale: 'ja',
    });
    const channel = messageActivity({ teamId: 'T06YAMATO', userId: 'U06YUKISZ', channel: 'C06APPROVE', channelType: 'channel' }, 'hello', 'e2');
    expect(describeSlackTurn(channel)).toMatchObject({ conversationKind: 'channel' });
    expect(describeSlackTurn(channel).locale).toBeUndefined();
  });

  it('the composition picks the adapter by the activity\'s channel', () => {
    const slack = messageActivity({ teamId: 'T1', userId: 'U1', channel: 'D1' }, 'hi', 'e3');
    expect(describeTurn(slack).platform).toBe('slack');
    expect(describeTurn(teamsFixture('message.personal.json')).platform).toBe('teams');
  });
});
