import { REQUEST_KINDS } from '../domain';
import { audienceOf, awaitingSection } from './awaiting-section';
import { button } from './click';
import { adaptiveCard, bullets, container, heading, note, subheading, textBlock } from './elements';
import type { CardContext, CardOptions, HelpModel } from './models';
import type { AdaptiveCard } from './schema';
import { stringsFor } from './strings';

/** What the bot does, the request kinds, what awaits an admin, example phrases that fit the reader, and a word for approvers. */
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
      // Issue 18: an admin sees first what awaits them; everyone sees examples that fit their organization.
      ...awaitingSection(model.awaiting, s, options),
      subheading(s.help.examplesTitle),
      bullets(s.help.examples[model.audience ?? audienceOf(offer)].map((e) => (ctx.locale === 'ja' ? `「${e}」` : `“${e}”`)), { spacing: 'small' }),
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
