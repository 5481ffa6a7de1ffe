import type { ConversationStatePort } from '../../domain';

const keyOf = (channel: string, ts: string) => `slack-card/${channel}/${ts}`;

/**
 * The Adaptive Card behind a posted Slack message, kept only while it has an Action.ShowCard: a
 * ShowCard click carries just the action's path, and Slack's copy of the message is blocks, not the card.
 * Kept in the key-value store the conversation state uses, so a replaced message forgets its old card.
 */
export class SlackCardMemory {
  constructor(private readonly kv: ConversationStatePort) {}

  /** `replacing`: the message had a card before (chat.update), which is forgotten if the new one has no ShowCard. */
  async remember(channel: string, ts: string, card: Record<string, unknown>, replacing: boolean): Promise<void> {
    if (hasShowCard(card)) await this.kv.write({ [keyOf(channel, ts)]: { eTag: '*', json: JSON.stringify(card) } });
    else if (replacing) await this.kv.delete([keyOf(channel, ts)]);
  }

  async cardOf(channel: string, ts: string): Promise<Record<string, unknown> | undefined> {
    const item = (await this.kv.read([keyOf(channel, ts)]))[keyOf(channel, ts)];
    return typeof item?.json === 'string' ? (JSON.parse(item.json) as Record<string, unknown>) : undefined;
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
