import { adaptiveCard, textBlock } from './elements';
import type { CardContext } from './models';
import type { AdaptiveCard } from './schema';

/**
 * Plain messages as a card, for a host that must answer a click with a card (an Action.Execute invoke
 * response replaces the clicked card): the texts the dialogs said, one block each, already localized.
 */
export function noticeCard(model: { lines: readonly string[] }, ctx: CardContext): AdaptiveCard {
  const lines = model.lines.length > 0 ? model.lines : [''];
  return adaptiveCard(
    lines.map((line, i) => textBlock(line, i === 0 ? {} : { spacing: 'small' })),
    { locale: ctx.locale, fallbackText: lines[0] ?? '' },
  );
}
