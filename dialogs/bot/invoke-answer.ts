import type { Activity, Attachment, TurnContext } from 'botbuilder';
import { noticeCard, type AdaptiveCard } from '../../cards';
import type { Locale } from '../../domain';

const CARD = 'application/vnd.microsoft.card.adaptive';

function cardOf(activity: Partial<Activity>): AdaptiveCard | undefined {
  const att: Attachment | undefined = activity.attachments?.find((a) => a.contentType === CARD);
  return att?.content as AdaptiveCard | undefined;
}

/**
 * Collects what the dialogs say during an Action.Execute turn, so that the click can be answered with
 * a card, as Universal Actions intend (the invoke response replaces the clicked card): the first card
 * the dialogs send is the answer; messages before and after it are still sent, in order, once the
 * dialogs are done. When they sent only text, the text becomes the card. Nothing is held back once
 * the turn fails (the error path sends its own answer).
 */
export class InvokeAnswer {
  private held: Partial<Activity>[] = [];
  private capturing = true;

  constructor(private readonly context: TurnContext) {
    context.onSendActivities(async (_ctx, activities, next) => {
      if (!this.capturing) return next();
      const pass: Partial<Activity>[] = [];
      for (const a of activities) (a.type === 'message' ? this.held : pass).push(a);
      if (pass.length === 0) return activities.map(() => ({ id: '' }));
      // Only what is not held goes out now (invoke responses, typing).
      activities.splice(0, activities.length, ...pass);
      return next();
    });
  }

  /** Stops collecting; sends what is not the answer; returns the card that answers the click (none if nothing was said). */
  async finish(locale: Locale): Promise<AdaptiveCard | undefined> {
    this.capturing = false;
    const held = this.held;
    this.held = [];
    const index = held.findIndex((a) => cardOf(a) !== undefined);
    if (index < 0) {
      const lines = held.map((a) => a.text).filter((t): t is string => typeof t === 'string' && t.length > 0);
      if (lines.length < held.length) await this.context.sendActivities(held.filter((a) => !a.text));
      return lines.length ? noticeCard({ lines }, { locale }) : undefined;
    }
    const rest = held.filter((_, i) => i !== index);
    if (rest.length) await this.context.sendActivities(rest);
    return cardOf(held[index]!)!;
  }

  /** After a failure: send what the dialogs said before it, as they said it. */
  async abandon(): Promise<void> {
    this.capturing = false;
    const held = this.held;
    this.held = [];
    if (held.length) await this.context.sendActivities(held);
  }
}
