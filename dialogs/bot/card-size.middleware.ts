import type { Activity, Middleware, TurnContext } from 'botbuilder';
import type { LoggerPort } from '../../app/ports';
import { fitCard, type AdaptiveCard } from '../../cards';
import type { Locale } from '../../domain';
import { turnInfo } from '../turn-info';

const CARD = 'application/vnd.microsoft.card.adaptive';
/** Kana and CJK ideographs: a card whose fallback text has them was written in Japanese. */
const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** The reader's language: the turn's, or (proactive messages) the language the card itself is in. */
function localeOf(context: TurnContext, card: AdaptiveCard): Locale {
  try {
    return turnInfo(context).locale;
  } catch {
    return JAPANESE.test(card.fallbackText ?? '') ? 'ja' : 'en';
  }
}

/**
 * Issue 19: the one place every outgoing Adaptive Card is checked against Teams' 28 KB message limit
 * (see cards/card-fit.ts): replies, updates of a posted card, the card an Action.Execute answers with,
 * and proactive messages (the adapter runs its middleware for those too). A card over the budget is
 * cut down, with a note in the reader's language, and the cut is logged (sizes only).
 */
export class CardSizeLimit implements Middleware {
  constructor(private readonly logger?: LoggerPort) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.onSendActivities(async (_ctx, activities, send) => {
      for (const a of activities) this.fit(context, a);
      return send();
    });
    context.onUpdateActivity(async (_ctx, activity, update) => {
      this.fit(context, activity);
      return update();
    });
    await next();
  }

  private fit(context: TurnContext, activity: Partial<Activity>): void {
    for (const att of activity.attachments ?? []) {
      if (att.contentType === CARD && att.content) att.content = this.fitted(context, att.content as AdaptiveCard);
    }
    if (activity.type === 'invokeResponse') {
      const body = (activity.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
      if (body?.type === CARD && body.value) body.value = this.fitted(context, body.value as AdaptiveCard);
    }
  }

  private fitted(context: TurnContext, card: AdaptiveCard): AdaptiveCard {
    const fitted = fitCard(card, localeOf(context, card));
    if (fitted.shortened) this.logger?.warn({ bytes: fitted.bytes, droppedChoices: fitted.droppedChoices }, 'card over the Teams size limit cut down before sending');
    return fitted.card;
  }
}
