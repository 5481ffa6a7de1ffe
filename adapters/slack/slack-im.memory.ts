import type { KeyValuePort } from '../../domain';

const keyOf = (teamId: string, userId: string) => `slack-im/${teamId}/${userId}`;
/** Channels remembered in memory at most (the store keeps them all). */
const MAX_IN_MEMORY = 10_000;
/** How long the store keeps a DM after it was last learnt (learnt again whenever the person writes there). */
export const SLACK_IM_TTL_MS = 180 * 24 * 60 * 60 * 1000;

/**
 * Each person's DM with the bot (its D… channel), learnt from the message.im events Slack sends only for
 * the bot's own DMs and from answers the bot could post. A slash command's payload says
 * `channel_name: directmessage` in any DM, also one between two people where the bot cannot post:
 * such a DM is never taken for the person's DM with the bot. Kept in the key-value store.
 */
export class SlackImMemory {
  private readonly known = new Map<string, string>();

  constructor(private readonly kv: KeyValuePort) {}

  async learn(teamId: string, userId: string, channel: string): Promise<void> {
    const key = keyOf(teamId, userId);
    if (this.known.get(key) === channel) return;
    await this.kv.set(key, channel, SLACK_IM_TTL_MS);
    this.keep(key, channel);
  }

  /** Whether `channel` is known as the bot's DM with this person. */
  async isBotDm(teamId: string, userId: string, channel: string): Promise<boolean> {
    const key = keyOf(teamId, userId);
    let known = this.known.get(key);
    if (known === undefined) {
      const stored = await this.kv.get(key);
      if (typeof stored === 'string') this.keep(key, (known = stored));
    }
    return known === channel;
  }

  private keep(key: string, channel: string): void {
    this.known.delete(key);
    if (this.known.size >= MAX_IN_MEMORY) this.known.delete(this.known.keys().next().value as string);
    this.known.set(key, channel);
  }
}
