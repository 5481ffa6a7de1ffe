import { bearer, channelToken, type SigningKey } from './bot-framework-fakes';
import { teamsFixture } from './fixtures';
import type { TeamsTestApp } from './teams-test-app';

/** Who speaks: the two people of the fixtures (their Teams IDs and personal chats with the bot). */
const HIROSHI = teamsFixture('invoke.adaptive-card-action');
export const PEOPLE = {
  mei: { from: teamsFixture('message.personal').from, conversation: teamsFixture('message.personal').conversation, channelData: teamsFixture('message.personal').channelData },
  hiroshi: { from: HIROSHI.from, conversation: HIROSHI.conversation, channelData: { tenant: (HIROSHI.channelData as { tenant: unknown }).tenant } },
} as const;
export type Who = keyof typeof PEOPLE;
export const conversationOf = (who: Who) => (PEOPLE[who].conversation as { id: string }).id;

/**
 * Sends recorded-shape Teams activities to the bot over HTTP as the Bot Connector would: each signed
 * with the fake Microsoft key (or unsigned in anonymous mode), each with a fresh activity ID.
 */
export function teamsClient(app: TeamsTestApp, key?: SigningKey) {
  let seq = 0;
  const headers = () => (key ? bearer(channelToken({ key })) : {});
  const id = () => `${Date.now()}${++seq}`;
  return {
    send: (activity: Record<string, unknown>) => app.post({ ...activity, id: id() }, headers()),
    say: (who: Who, text: string) => app.post(teamsFixture('message.personal', { ...PEOPLE[who], id: id(), text }), headers()),
    /** Action.Execute: the adaptiveCard/action invoke; the HTTP answer is the invoke response. */
    execute: (who: Who, data: Record<string, unknown>, replyToId?: string) => {
      const { verb, ...rest } = data;
      const base = teamsFixture('invoke.adaptive-card-action');
      return app.post({ ...base, ...PEOPLE[who], id: id(), ...(replyToId ? { replyToId } : {}), value: { action: { type: 'Action.Execute', title: String(verb), verb, data: rest }, trigger: 'manual' } }, headers());
    },
    /** Action.Submit (older clients): a message whose value is the card data, replying to the card's activity. */
    submit: (who: Who, value: Record<string, unknown>, replyToId: string) =>
      app.post(teamsFixture('message.personal', { ...PEOPLE[who], id: id(), text: undefined, value, replyToId }), headers()),
  };
}
