import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { CodedError, type OutboundMessage, type ProactiveSenderPort, type StoredReference } from '../../domain';
import { serviceUrlProblem } from './service-urls';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** A domain message as a Bot Framework activity: the card as an attachment, the summary for notifications. */
export function toActivity(message: OutboundMessage): Partial<Activity> {
  return {
    type: 'message',
    summary: message.summary,
    ...(message.card ? { attachments: [{ contentType: CARD, content: message.card }] } : { text: message.text ?? message.summary }),
  };
}

/**
 * Proactive messages through the Bot Connector: continue a conversation the bot has seen (its stored
 * reference) as this app, then post or replace an activity there.
 */
export class TeamsProactiveSender implements ProactiveSenderPort {
  readonly platform = 'teams' as const;

  /** `appId` is empty in anonymous local development (the Playground needs no token). */
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** A reference stored before serviceUrls were checked may name any host: never post there. */
  private check(ref: StoredReference): void {
    const problem = serviceUrlProblem(ref.reference.serviceUrl, this.appId === '');
    if (problem) throw new ServiceUrlRefusedError(ref.key, problem);
  }

  async send(ref: StoredReference, message: OutboundMessage): Promise<{ messageId?: string }> {
    this.check(ref);
    let messageId: string | undefined;
    await this.adapter.continueConversationAsync(this.appId, conversationReference(ref), async (context) => {
      // The continuation activity has a made-up ID; without it the message is posted to the conversation
      // (a new message, a new thread in a channel) rather than as a reply to an activity that never was.
      context.activity.id = undefined;
      messageId = (await context.sendActivity({ ...toActivity(message), ...tenantOf(ref) }))?.id;
    });
    return messageId ? { messageId } : {};
  }

  async update(posted: StoredReference, message: OutboundMessage): Promise<void> {
    const activityId = posted.reference.activityId;
    if (typeof activityId !== 'string' || !activityId) throw new Error(`posted card ${posted.key} has no activityId`);
    this.check(posted);
    await this.adapter.continueConversationAsync(this.appId, conversationReference(posted), async (context) => {
      await context.updateActivity({ ...toActivity(message), ...tenantOf(posted), id: activityId });
    });
  }
}

/**
 * The Entra tenant of the conversation a proactive message goes to, as Teams' channelData names it. The
 * reference's conversation carries it already (`conversation.tenantId`); saying it in channelData too
 * is what Teams documents for proactive messages, and keeps a message for a conversation in another
 * tenant (a person of another organization) from being taken for one of the bot's own tenant.
 */
function tenantOf(ref: StoredReference): { channelData?: { tenant: { id: string } } } {
  const tenantId = (ref.reference.conversation as { tenantId?: unknown } | undefined)?.tenantId;
  return typeof tenantId === 'string' && tenantId ? { channelData: { tenant: { id: tenantId } } } : {};
}

/** The stored botbuilder reference without what the notifier added to it (activityId, locale). */
function conversationReference(ref: StoredReference): Partial<ConversationReference> {
  const { activityId: _activityId, locale: _locale, ...reference } = ref.reference;
  return reference as Partial<ConversationReference>;
}

/** A stored reference whose serviceUrl the bot may not post to (see service-urls.ts). */
export class ServiceUrlRefusedError extends CodedError<'SERVICE_URL_REFUSED'> {
  constructor(key: string, problem: string) {
    super('SERVICE_URL_REFUSED', `Not posting to reference ${key}: ${problem}`);
  }
}
