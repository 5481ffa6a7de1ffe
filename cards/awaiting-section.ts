import type { RequestKind } from '../domain';
import { button } from './click';
import { actionSet, container, subheading, textBlock } from './elements';
import type { CardOptions } from './models';
import type { CardElement } from './schema';
import type { CardStrings, HelpAudience } from './strings';

/**
 * Issue 18: what awaits an admin: how many requests wait for their approval, and a button that lists
 * them (shown on the welcome and help cards; nothing for a person who approves nothing).
 */
export function awaitingSection(count: number | undefined, s: CardStrings, options: CardOptions): CardElement[] {
  if (count === undefined) return [];
  const items: CardElement[] = [subheading(s.awaiting.title), textBlock(count > 0 ? s.awaiting.count(count) : s.awaiting.none, { spacing: 'small' })];
  if (count > 0) items.push(actionSet([button(s.awaiting.show, { verb: 'menu', intent: 'awaiting_me' }, options)], { spacing: 'small' }));
  return [container(items, { spacing: 'medium', ...(count > 0 ? { style: 'emphasis' as const } : {}) })];
}

/** Whose examples fit a reader who can file these kinds: a reseller links, a customer adds partners, the rest approve. */
export function audienceOf(offer: readonly RequestKind[]): HelpAudience {
  if (offer.includes('add_partner') || offer.includes('multichannel_support')) return 'customer';
  return offer.includes('link_distributor') ? 'reseller' : 'partner';
}
