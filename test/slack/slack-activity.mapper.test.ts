import { commandToText, conversationTypeOf, messageActivity, stripMentions } from '../../adapters/slack/slack-activity.mapper';
import { describeSlackTurn } from '../../adapters/slack/slack-turn';
import { SlackLocaleCache } from '../../adapters/slack/slack-locale.cache';
import { singleWorkspaceToken } from '../../adapters/slack/slack-tokens';
import { inboxIdOf, inputOf } from '../../adapters/slack/slack-payloads';
import type { WebClient } from '@slack/web-api';
import { fixture } from './support/slack-harness';

describe('Slack requests -> what the bot understands', () => {
  it('strips the bot mention from an app_mention', () => {
    expect(stripMentions('<@U0PLBOT> use this channel for approvals')).toBe('use this channel for approvals');
    expect(stripMentions('<@U0PLBOT|partnerlink>  approvals here ')).toBe('approvals here');
  });

  it('/partner text is the request; no text is help', () => {
    expect(commandToText('approvals here')).toBe('approvals here');
    expect(commandToText('  ')).toBe('help');
  });

  it('DMs are personal, everything else shared', () => {
    expect(conversationTypeOf('D06YUKISZ')).toBe('im');
    expect(conversationTypeOf('C06APPROVE')).toBe('channel');
    expect(conversationTypeOf('G06PRIVATE', 'group')).toBe('channel');
  });

  it('fixtures: message.im and app_mention become messages; inbox IDs are stable per delivery', () => {
    const im = fixture('event-message-im');
    expect(inputOf(im, stripMentions, commandToText)).toEqual({ kind: 'message', origin: { teamId: 'T06YAMATO', userId: 'U06YUKISZ', channel: 'D06YUKISZ', channelType: 'im', install: { teamId: 'T06YAMATO' } }, text: 'hello', id: '1732399999.000100' });
    expect(inboxIdOf(im)).toBe('slack:event:Ev08YUKI0001');
    const mention = fixture('event-app-mention');
    expect(inputOf(mention, stripMentions, commandToText)).toMatchObject({ kind: 'message', origin: { channel: 'C06APPROVE', channelType: 'channel' }, text: 'use this channel for approvals' });
    const cmd = fixture('slash-command');
    expect(inputOf(cmd, stripMentions, commandToText)).toMatchObject({ kind: 'message', text: 'approvals here', origin: { channelType: 'channel' } });
    expect(inboxIdOf(cmd)).toBe('slack:command:13345224609.738474920.8088930838d88f008e0');
    expect(inboxIdOf(fixture('block-actions-dm'))).toBe('slack:action:T05TREYRS:U05DANPARK:1388105719492.1379717998065.9bc163894734c1f415a2c504e81dec91');
  });

  it('ignores the bot\'s own messages, edits, and a mention inside the bot\'s DM (message.im covers it)', () => {
    const im = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('event-message-im');
    expect(inputOf({ ...im, event: { ...im.event, bot_id: 'B0PLBOT' } }, stripMentions, commandToText).kind).toBe('ignore');
    expect(inputOf({ ...im, event: { ...im.event, subtype: 'message_changed' } }, stripMentions, commandToText).kind).toBe('ignore');
    const mention = fixture<Record<string, unknown> & { event: Record<string, unknown> }>('event-app-mention');
    expect(inputOf({ ...mention, event: { ...mention.event, channel: 'D06TAROITO' } }, stripMentions, commandToText).kind).toBe('ignore');
  });
});

const YAMATO = { teamId: 'T06YAMATO' };

describe('SlackLocaleCache', () => {
  it('asks users.info (include_locale) once per user until the entry expires; failures are not cached', async () => {
    let now = 0;
    const info = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue({ ok: true, user: { locale: 'ja-JP' } });
    const cache = new SlackLocaleCache({ users: { info } } as unknown as WebClient, singleWorkspaceToken('xoxb-0000-test'), 1000, () => now);
    expect(await cache.localeOf(YAMATO, 'T06YAMATO', 'U06YUKISZ')).toBeUndefined();
    expect(await cache.localeOf(YAMATO, 'T06YAMATO', 'U06YUKISZ')).toBe('ja-JP');
    expect(await cache.localeOf(YAMATO, 'T06YAMATO', 'U06YUKISZ')).toBe('ja-JP');
    expect(info).toHaveBeenCalledTimes(2);
    now = 1001;
    await cache.localeOf(YAMATO, 'T06YAMATO', 'U06YUKISZ');
    expect(info).toHaveBeenCalledTimes(3);
    expect(info).toHaveBeenCalledWith({ token: 'xoxb-0000-test', user: 'U06YUKISZ', include_locale: true });
  });

  it('keeps the display name from the same users.info answer; a message activity carries it as from.name and the turn as displayName', async () => {
    // users.info's user object: profile.display_name, real_name (api.slack.com/methods/users.info).
    const info = jest.fn().mockResolvedValue({ ok: true, user: { locale: 'ja-JP', real_name: 'Aoi Mori', profile: { display_name: '', real_name: 'Aoi Mori' } } });
    const cache = new SlackLocaleCache({ users: { info } } as unknown as WebClient, singleWorkspaceToken('xoxb-0000-test'));
    expect(cache.nameOf('T01SAKURA', 'U01NEWBIE')).toBeUndefined();
    await cache.localeOf({ teamId: 'T01SAKURA' }, 'T01SAKURA', 'U01NEWBIE');
    const userName = cache.nameOf('T01SAKURA', 'U01NEWBIE');
    expect(userName).toBe('Aoi Mori');
    const activity = messageActivity({ teamId: 'T01SAKURA', userId: 'U01NEWBIE', channel: 'D01', channelType: 'im', ...(userName ? { userName } : {}) }, 'hello', '1');
    expect(describeSlackTurn(activity)).toMatchObject({ displayName: 'Aoi Mori', home: { platform: 'slack', teamId: 'T01SAKURA' } });
    expect(describeSlackTurn(messageActivity({ teamId: 'T01SAKURA', userId: 'U01NEWBIE', channel: 'D01' }, 'hello', '2')).displayName).toBeUndefined();
  });
});

