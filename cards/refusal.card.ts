import { button } from './click';
import { adaptiveCard, container, heading, note, textBlock } from './elements';
import type { CardContext, CardOptions, RefusalModel } from './models';
import type { AdaptiveCard, CardActionElement } from './schema';
import { stringsFor } from './strings';

/**
 * A domain "no": the first refusal's reason (which says what to do instead) and how many more follow,
 * with a way back: change the draft, or start over.
 */
export function refusalCard(model: RefusalModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const [first, ...rest] = model.refusals;
  const actions: CardActionElement[] = [];
  if (model.draftId) actions.push(button(s.button.edit, { verb: 'edit', draftId: model.draftId }, { ...options, style: 'positive' }));
  actions.push(button(s.button.startOver, model.draftId ? { verb: 'start_over', draftId: model.draftId } : { verb: 'start_over' }, options));
  actions.push(button(s.button.help, { verb: 'menu', intent: 'help' }, options));
  return adaptiveCard(
    [
      heading(s.refusal.title),
      textBlock(s.refusal.intro),
      ...(first ? [container([textBlock(first.message[ctx.locale])], { style: 'attention', spacing: 'medium' })] : []),
      ...(rest.length > 0 ? [note(s.refusal.more(rest.length), { spacing: 'small' })] : []),
    ],
    { locale: ctx.locale, fallbackText: first ? first.message[ctx.locale] : s.refusal.title, actions },
  );
}
