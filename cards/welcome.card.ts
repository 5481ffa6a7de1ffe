import { REQUEST_KINDS } from '../domain';
import { awaitingSection } from './awaiting-section';
import { button } from './click';
import { actionSet, adaptiveCard, column, columnSet, heading, note, textBlock } from './elements';
import type { CardContext, CardOptions, WelcomeModel } from './models';
import type { AdaptiveCard, CardElement } from './schema';
import { stringsFor } from './strings';

/** The menu: one row per request kind the person can file, then My requests and Help. */
export function welcomeCard(model: WelcomeModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const offer = model.offer ?? REQUEST_KINDS;
  const rows: CardElement[] = offer.map((kind) =>
    columnSet(
      [
        column([textBlock(s.kind[kind], { weight: 'bolder' }), note(s.kindHint[kind], { spacing: 'none' })], {
          width: 'stretch',
          verticalContentAlignment: 'center',
        }),
        column([actionSet([button(s.button.start, { verb: 'menu', intent: kind }, options)])], {
          width: 'auto',
          verticalContentAlignment: 'center',
        }),
      ],
      { spacing: 'medium', separator: true },
    ),
  );
  const open = model.openRequests ? [textBlock(s.welcome.openRequests(model.openRequests), { weight: 'bolder', spacing: 'medium' })] : [];
  return adaptiveCard(
    [
      heading(s.welcome.title(model.person?.name)),
      textBlock(s.welcome.intro),
      ...open,
      ...awaitingSection(model.awaiting, s, options),
      // Issue 18: a distributor's admin files nothing: no "what would you like to do?" with nothing under it.
      ...(rows.length > 0 ? [textBlock(s.welcome.choose, { weight: 'bolder', spacing: 'medium' })] : []),
      ...rows,
    ],
    {
      locale: ctx.locale,
      fallbackText: rows.length > 0 ? `${s.welcome.title(model.person?.name)}. ${s.welcome.choose}` : s.welcome.title(model.person?.name),
      actions: [
        button(s.button.myRequests, { verb: 'menu', intent: 'my_requests' }, options),
        button(s.button.help, { verb: 'menu', intent: 'help' }, options),
      ],
    },
  );
}
