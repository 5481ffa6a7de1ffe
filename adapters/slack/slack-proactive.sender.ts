import type { OutboundMessage, ProactiveSenderPort, StoredReference } from '../../domain';
import type { SlackMessagePoster } from './slack-message.poster';

function channelOf(ref: StoredReference): string {
  const id = (ref.reference as { conversation?: { id?: string } }).conversation?.id;
  if (!id) throw new Error(`Stored reference ${ref.key} has no Slack channel`);
  return id;
}

/** The notifier's way into Slack: post to the stored DM or channel; the message ID is the ts. */
export class SlackProactiveSender implements ProactiveSenderPort {
  readonly platform = 'slack' as const;

  constructor(private readonly poster: SlackMessagePoster) {}

  async send(ref: StoredReference, message: OutboundMessage): Promise<{ messageId?: string }> {
    const ts = await this.poster.post(channelOf(ref), { ...message });
    return ts ? { messageId: ts } : {};
  }

  async update(posted: StoredReference, message: OutboundMessage): Promise<void> {
    const ts = (posted.reference as { activityId?: string }).activityId;
    if (!ts) return;
    await this.poster.update(channelOf(posted), ts, { ...(message.card ? { card: message.card } : {}), summary: message.summary, ...(message.text ? { text: message.text } : {}) });
  }
}
