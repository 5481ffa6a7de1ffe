import type { OutboundMessage, ProactiveSenderPort, StoredReference } from '../../domain';
import type { SlackMessagePoster } from './slack-message.poster';
import { workspaceOfConversation } from './slack-tokens';

const workspaceOf = (ref: StoredReference) => workspaceOfConversation((ref.reference as { conversation?: unknown }).conversation);

function channelOf(ref: StoredReference): string {
  const id = (ref.reference as { conversation?: { id?: string } }).conversation?.id;
  if (!id) throw new Error(`Stored reference ${ref.key} has no Slack channel`);
  return id;
}

/**
 * The notifier's way into Slack: post to the stored DM or channel, with the token of the workspace
 * the reference was saved in; the message ID is the ts. A workspace without an installation rejects
 * (nothing sent), so the outbox keeps the notice for a retry.
 */
export class SlackProactiveSender implements ProactiveSenderPort {
  readonly platform = 'slack' as const;

  constructor(private readonly poster: SlackMessagePoster) {}

  async send(ref: StoredReference, message: OutboundMessage): Promise<{ messageId?: string }> {
    const ts = await this.poster.post(workspaceOf(ref), channelOf(ref), { ...message });
    return ts ? { messageId: ts } : {};
  }

  async update(posted: StoredReference, message: OutboundMessage): Promise<void> {
    const ts = (posted.reference as { activityId?: string }).activityId;
    if (!ts) return;
    await this.poster.update(workspaceOf(posted), channelOf(posted), ts, { ...(message.card ? { card: message.card } : {}), summary: message.summary, ...(message.text ? { text: message.text } : {}) });
  }
}
