import { isClosed, type AuditEntry } from '../domain';
import { button } from './click';
import { adaptiveCard, container, factSet, heading, note, subheading, textBlock } from './elements';
import { clip, formatDateTime, orgNamer } from './format';
import type { CardContext, CardOptions, RequestDetailModel } from './models';
import { requestFacts } from './request-facts';
import type { AdaptiveCard, CardActionElement, CardElement } from './schema';
import { stringsFor, type CardStrings } from './strings';
import { awaitingJoinNotice } from './waiting-to-join.card';

/** How many of the newest entries are shown (oldest first); earlier ones are counted. */
export const MAX_AUDIT_ENTRIES = 12;
/** Long reasons and names are cut in the trail (the full text is in the store), to stay under 28 KB. */
const REASON_CHARS = 200;
const NAME_CHARS = 80;

function entry(e: AuditEntry, s: CardStrings, ctx: CardContext): CardElement {
  const transition = e.from && e.from !== e.to ? s.detail.fromTo(s.status[e.from], s.status[e.to]) : s.status[e.to];
  const lines: CardElement[] = [
    textBlock(formatDateTime(e.at, ctx), { isSubtle: true, size: 'small' }),
    textBlock(s.detail.entry(s.auditAction[e.action], clip(e.actor.name, NAME_CHARS), e.actor.type === 'person' ? s.platform[e.platform] : undefined), {
      weight: 'bolder',
      spacing: 'none',
    }),
    textBlock(transition, { spacing: 'none' }),
  ];
  if (e.code) lines.push(note(s.check[e.code], { spacing: 'none' }));
  if (e.reason && e.action !== 'refused') lines.push(textBlock(s.labelled(s.fact.reason, clip(e.reason, REASON_CHARS)), { spacing: 'none' }));
  return container(lines, { separator: true, spacing: 'small' });
}

/** One request in full: its facts, the decision if any, and its audit trail (who, when, where, why). */
export function requestDetailCard(model: RequestDetailModel, ctx: CardContext, options: CardOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const r = model.request;
  const names = orgNamer(model.organizations, ctx.locale);
  // The trail is appended in order; entries at the same instant keep that order.
  const trail = r.audit;
  const shown = trail.slice(-MAX_AUDIT_ENTRIES);
  const d = r.decision;
  const body: CardElement[] = [
    heading(s.detail.title(r.id)),
    factSet(
      [
        ...requestFacts(model, names, s, ctx),
        [s.fact.decidedBy, d ? d.actor.name : undefined],
        [s.fact.decidedAt, d ? formatDateTime(d.at, ctx) : undefined],
        [s.fact.reason, d?.reason ? clip(d.reason, 1000) : undefined],
      ],
      { spacing: 'medium' },
    ),
    ...awaitingJoinNotice(model, names, s),
    subheading(s.detail.historyTitle),
    ...(trail.length > shown.length ? [note(s.detail.earlierNotShown(trail.length - shown.length), { spacing: 'small' })] : []),
    ...shown.map((e) => entry(e, s, ctx)),
  ];
  const actions: CardActionElement[] = [];
  if (!isClosed(r.status) && model.viewer?.id === r.requester.personId) {
    actions.push(button(s.button.cancelRequest, { verb: 'cancel_request', requestId: r.id, version: r.version }, { ...options, style: 'destructive' }));
  }
  actions.push(button(s.button.myRequests, { verb: 'menu', intent: 'my_requests' }, options));
  return adaptiveCard(body, { locale: ctx.locale, fallbackText: s.detail.title(r.id), actions });
}
