import type { AdaptiveCard } from './schema';

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
