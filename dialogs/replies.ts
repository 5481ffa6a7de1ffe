import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards';

interface TextElement {
  type?: string;
  text?: string;
  items?: TextElement[];
  columns?: TextElement[];
}

/** The first text on a card: what notifications and screen readers show when the card cannot be. */
export function cardSummary(card: AdaptiveCard): string {
  if (card.fallbackText) return card.fallbackText;
  const stack: TextElement[] = [...(card.body as TextElement[])];
  while (stack.length) {
    const el = stack.shift()!;
    if (el.type === 'TextBlock' && el.text) return el.text.slice(0, 300);
    stack.unshift(...(el.items ?? []), ...(el.columns ?? []));
  }
  return 'Partner Link';
}

/** A message carrying one Adaptive Card, with a plain-text summary for notifications. */
export function cardMessage(card: AdaptiveCard) {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(card));
  activity.summary = cardSummary(card);
  return activity;
}

export async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(cardMessage(card));
}

export async function sendText(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity(MessageFactory.text(text));
}
