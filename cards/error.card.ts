import { button } from './click';
import { adaptiveCard, heading, note, textBlock } from './elements';
import type { CardContext, CardOptions, ErrorModel } from './models';
import type { AdaptiveCard } from './schema';
import { stringsFor } from './strings';

/** Something failed that is not the person's doing: say so kindly, give a reference for support. */
export function errorCard(model: ErrorModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const ref = model.correlationId ? model.correlationId.slice(0, 100) : undefined;
  return adaptiveCard(
    [heading(s.error.title), textBlock(s.error.body), ...(ref ? [note(s.error.reference(ref), { spacing: 'medium' })] : [])],
    {
      locale: ctx.locale,
      fallbackText: `${s.error.title}${ref ? ` (${s.error.reference(ref)})` : ''}`,
      actions: [button(s.button.menu, { verb: 'start_over' }, options)],
    },
  );
}
