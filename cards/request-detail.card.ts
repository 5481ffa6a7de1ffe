import { isAdmin, isClosed, NOTE_MAX_LENGTH, type AuditEntry } from '../domain';
import { INPUT_IDS } from './actions';
import { button } from './click';
import { adaptiveCard, choiceInput, container, factSet, heading, nestedCard, note, showCard, subheading, textBlock, textInput } from './elements';
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
  if (e.note) lines.push(textBlock(s.labelled(s.work.noteLabel, clip(e.note, REASON_CHARS)), { spacing: 'none' }));
  if (e.handedTo) lines.push(textBlock(s.labelled(s.work.handoverLabel, clip(e.handedTo.name, NAME_CHARS)), { spacing: 'none' }));
  if (e.reason && e.action !== 'refused') lines.push(textBlock(s.labelled(s.fact.reason, clip(e.reason, REASON_CHARS)), { spacing: 'none' }));
  return container(lines, { separator: true, spacing: 'small' });
}

/** How many of the newest notes the detail card shows in full (all are in the history too). */
export const MAX_NOTES_SHOWN = 5;

/** Issue 15: the request's notes, newest last. */
function notesSection(trail: readonly AuditEntry[], s: CardStrings, ctx: CardContext): CardElement[] {
  const notes = trail.filter((e) => e.action === 'note' && e.note).slice(-MAX_NOTES_SHOWN);
  if (!notes.length) return [];
  return [
    subheading(s.work.notesTitle),
    ...notes.map((e) =>
      container([textBlock(s.work.noteBy(clip(e.actor.name, NAME_CHARS), formatDateTime(e.at, ctx)), { isSubtle: true, size: 'small' }), textBlock(e.note!, { spacing: 'none' })], { spacing: 'small' }),
    ),
  ];
}

/** Issue 15: Change and File again for the requester, Add a note for the parties, Hand over for approvers. */
function workActions(model: RequestDetailModel, s: CardStrings, options: CardOptions): CardActionElement[] {
  const r = model.request;
  const viewer = model.viewer;
  if (!viewer) return [];
  const out: CardActionElement[] = [];
  const mine = viewer.id === r.requester.personId;
  const open = !isClosed(r.status);
  if (mine && open) out.push(button(s.work.button.change, { verb: 'change_request', requestId: r.id, version: r.version }, { ...options, inputs: 'none' }));
  if (mine && ['rejected', 'cancelled', 'expired'].includes(r.status)) out.push(button(s.work.button.resubmit, { verb: 'resubmit', requestId: r.id }, { ...options, inputs: 'none' }));
  const approver = isAdmin(viewer) && r.steps.some((st) => st.orgId === viewer.orgId);
  if (open && (mine || approver)) {
    const box = nestedCard(
      [textInput(INPUT_IDS.note, s.work.noteLabel, { isRequired: true, errorMessage: s.work.noteError(NOTE_MAX_LENGTH), placeholder: s.work.notePlaceholder, isMultiline: true, maxLength: NOTE_MAX_LENGTH })],
      [button(s.work.button.sendNote, { verb: 'add_note', requestId: r.id }, options)],
    );
    out.push(showCard(s.work.button.addNote, box));
  }
  const candidates = model.handoverCandidates ?? [];
  if (open && candidates.length) {
    const box = nestedCard(
      [
        choiceInput(
          INPUT_IDS.handoverTo,
          s.work.handoverLabel,
          candidates.map((p) => ({ title: p.name, value: p.id })),
          { isRequired: true, errorMessage: s.work.handoverError, placeholder: s.work.handoverPlaceholder },
        ),
      ],
      [button(s.work.button.sendHandover, { verb: 'handover', requestId: r.id, version: r.version }, options)],
    );
    out.push(showCard(s.work.button.handOver, box));
  }
  return out;
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
    ...notesSection(r.audit, s, ctx),
    subheading(s.detail.historyTitle),
    ...(trail.length > shown.length ? [note(s.detail.earlierNotShown(trail.length - shown.length), { spacing: 'small' })] : []),
    ...shown.map((e) => entry(e, s, ctx)),
  ];
  const actions: CardActionElement[] = [];
  if (!isClosed(r.status) && model.viewer?.id === r.requester.personId) {
    actions.push(button(s.button.cancelRequest, { verb: 'cancel_request', requestId: r.id, version: r.version }, { ...options, style: 'destructive' }));
  }
  actions.push(...workActions(model, s, options));
  actions.push(button(s.button.myRequests, { verb: 'menu', intent: 'my_requests' }, options));
  return adaptiveCard(body, { locale: ctx.locale, fallbackText: s.detail.title(r.id), actions });
}
