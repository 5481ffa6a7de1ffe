import type { AuditEntry, OutboundMessage, RequestView } from '../domain';
import { noteCard } from './note.card';
import { approvalCard } from './approval.card';
import { decidedCard, type CompletionReminder } from './decided.card';
import type { AdaptiveCard } from './schema';
import type { CardContext } from './models';
import { cardSummary } from './summary';
import { waitingToJoinCard } from './waiting-to-join.card';
import { approverChangedCard } from './approvers.card';

function outbound(card: AdaptiveCard): OutboundMessage {
  return { card: card as unknown as Record<string, unknown>, summary: cardSummary(card) };
}

/**
 * The cards that notifications carry, as messages ready for any platform. The application layer
 * decides who is told, in which language and time zone; this only draws the card.
 */
export const notificationCards = {
  approval(view: RequestView, approverUserIds: readonly string[], ctx: CardContext, options: { buttons?: boolean } = {}): OutboundMessage {
    return outbound(approvalCard({ view, approverUserIds }, ctx, options));
  },
  reminder(view: RequestView, approverUserIds: readonly string[], ctx: CardContext, reminder: { waitedDays: number }): OutboundMessage {
    return outbound(approvalCard({ view, approverUserIds }, ctx, { reminder }));
  },
  decided(view: RequestView, ctx: CardContext, options: { forRequester?: boolean } = {}): OutboundMessage {
    return outbound(decidedCard({ view }, ctx, options));
  },
  completionReminder(view: RequestView, ctx: CardContext, reminder: CompletionReminder): OutboundMessage {
    return outbound(decidedCard({ view }, ctx, { completionReminder: reminder }));
  },
  note(view: RequestView, entry: AuditEntry, ctx: CardContext): OutboundMessage {
    return outbound(noteCard({ view, entry }, ctx));
  },
  waitingToJoin(view: RequestView, ctx: CardContext): OutboundMessage {
    return outbound(waitingToJoinCard({ view }, ctx));
  },
  approverChanged(change: { op: 'add' | 'remove'; organizationName: string; byName: string; at: Date }, ctx: CardContext): OutboundMessage {
    return outbound(approverChangedCard(change, ctx));
  },
};
