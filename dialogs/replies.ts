import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { cardSummary, type AdaptiveCard } from '../cards';

/** A message carrying one Adaptive Card, with a plain-text summary for notifications. */
export function cardMessage(card: AdaptiveCard) {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = cardSummary(card);
  return activity;
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(cardMessage(card));
}
