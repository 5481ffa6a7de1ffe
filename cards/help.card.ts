import { REQUEST_KINDS } from '../domain';
import { button } from './click';
import { adaptiveCard, bullets, container, heading, note, subheading, textBlock } from './elements';
import type { CardContext, CardOptions, HelpModel } from './models';
import type { AdaptiveCard } from './schema';
import { stringsFor } from './strings';

/** What the bot does, the request kinds, example phrases in the reader's language, and a word for approvers. */
export function helpCard(model: HelpModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const offer = model.offer ?? REQUEST_KINDS;
  return adaptiveCard(
    [
      heading(s.help.title),
      textBlock(s.help.intro),
      // A distributor's admin files nothing: no request-types heading with nothing under it (issue 18).
      ...(offer.length > 0 ? [subheading(s.help.whatTitle)] : []),
      ...offer.map((kind, i) =>
        container([textBlock(s.kind[kind], { weight: 'bolder' }), note(s.kindHint[kind], { spacing: 'none' })], {
          spacing: i === 0 ? 'small' : 'medium',
        }),
      ),
      subheading(s.help.examplesTitle),
      bullets(s.help.examples.map((e) => (ctx.locale === 'ja' ? `「${e}」` : `“${e}”`)), { spacing: 'small' }),
      subheading(s.help.approversTitle),
      textBlock(s.help.approvers, { spacing: 'small' }),
    ],
    {
      locale: ctx.locale,
      fallbackText: s.help.title,
      actions: [button(s.button.menu, { verb: 'start_over' }, options), button(s.button.myRequests, { verb: 'menu', intent: 'my_requests' }, options)],
    },
  );
}
