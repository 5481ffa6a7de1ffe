import type { RequestKind } from '../domain';
import type { ClarifyIntent } from './actions';
import { button } from './click';
import { adaptiveCard, heading, note, textBlock } from './elements';
import type { CardContext, CardOptions } from './models';
import type { AdaptiveCard } from './schema';
import { clarifyStrings } from './strings/clarify';

/** How much of the person's message the card quotes back. */
export const MAX_QUOTED = 120;

/**
 * Issue 18: the bot is unsure which of two things a message asks for, so it asks. Each meaning is a
 * button (Action.Submit by default: the choice is posted in the conversation, like an answer typed);
 * the dialogs carry on with the original words as if that intent had been recognised.
 */
export function clarifyCard(
  /** `owner`: the person asked (directory ID); in a shared conversation nobody else's click counts. */
  model: { said: string; choices: readonly ClarifyIntent[]; because?: RequestKind; owner?: string; /** The question's ID: a second click on it is refused. */ question?: string },
  ctx: CardContext,
  options: CardOptions = { universalActions: false },
): AdaptiveCard {
  const s = clarifyStrings(ctx.locale);
  const said = model.said.length > MAX_QUOTED ? `${model.said.slice(0, MAX_QUOTED - 1)}…` : model.said;
  // Read as a request the person's organization does not make: say who makes it, then what is near.
  const intro = model.because ? s.notYours[model.because] : s.intro(said);
  return adaptiveCard([heading(s.title), textBlock(intro), note(s.neitherHint, { spacing: 'medium' })], {
    locale: ctx.locale,
    fallbackText: `${s.title} ${model.choices.map((c) => s.intent[c]).join(' / ')}`,
    actions: [
      ...model.choices.map((intent) => button(s.intent[intent], { verb: 'choose_intent', intent, ...(model.owner ? { owner: model.owner } : {}), ...(model.question ? { question: model.question } : {}) }, options)),
      button(s.menu, { verb: 'start_over' }, options),
    ],
  });
}
