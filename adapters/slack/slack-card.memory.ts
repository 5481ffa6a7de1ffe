import type { ConversationStatePort, KeyValuePort } from '../../domain';
import { STASH_TTL_MS } from './slack-stash';

const keyOf = (channel: string, ts: string) => `slack-card/${channel}/${ts}`;

/**
 * The Adaptive Card behind a posted Slack message, kept only while it has an Action.ShowCard: a
 * ShowCard click carries just the action's path, and Slack's copy of the message is blocks, not the card.
 * Kept in the key-value store with the stash's time to live; a replaced message forgets its old card.
 */
export class SlackCardMemory {
  constructor(
    private readonly kv: KeyValuePort,
    /** Where cards were kept before the key-value store (the conversation state), read on a miss. */
    private readonly legacy?: Pick<ConversationStatePort, 'read' | 'delete'>,
  ) {}

  /** `replacing`: the message had a card before (chat.update), which is forgotten if the new one has no ShowCard. */
  async remember(channel: string, ts: string, card: Record<string, unknown>, replacing: boolean): Promise<void> {
    const key = keyOf(channel, ts);
    if (hasShowCard(card)) await this.kv.set(key, JSON.stringify(card), STASH_TTL_MS);
    else if (replacing) await this.kv.delete(key);
    // A message's card from before the key-value store is never read again once it was replaced.
    if (replacing) await this.legacy?.delete([key]);
  }

  async cardOf(channel: string, ts: string): Promise<Record<string, unknown> | undefined> {
    const key = keyOf(channel, ts);
    let json = await this.kv.get(key);
    if (json === undefined && this.legacy) {
      const item = (await this.legacy.read([key]))[key];
      json = typeof item?.json === 'string' ? item.json : undefined;
    }
    return json === undefined ? undefined : (JSON.parse(json) as Record<string, unknown>);
  }
}

/** Whether an Action.ShowCard is anywhere in the card (looked for without writing the card out). */
function hasShowCard(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasShowCard);
  if (value === null || typeof value !== 'object') return false;
  for (const v of Object.values(value)) {
    if (v === 'Action.ShowCard' || (typeof v === 'object' && hasShowCard(v))) return true;
  }
  return false;
}
