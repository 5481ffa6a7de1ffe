import type { AuditEntry } from '../domain';
import { button } from './click';
import { adaptiveCard, factSet, heading, textBlock } from './elements';
import { clip, formatDateTime, orgNamer } from './format';
import type { CardContext, CardOptions, RequestView } from './models';
import { counterpartId } from './request-facts';
import { stringsFor } from './strings';

export interface NoteModel {
  view: RequestView;
  /** The `note` audit entry. */
  entry: AuditEntry;
}

/** Issue 15: tells the approvers (or the requester) that someone added a note to a request. */
export function noteCard(model: NoteModel, ctx: CardContext, options: CardOptions = {}) {
  const s = stringsFor(ctx.locale);
  const r = model.view.request;
  const names = orgNamer(model.view.organizations, ctx.locale);
  return adaptiveCard(
    [
      heading(s.work.newNoteTitle),
      textBlock(s.work.newNoteIntro(clip(model.entry.actor.name, 80), r.id)),
      textBlock(model.entry.note ?? '', { weight: 'bolder', spacing: 'small' }),
      factSet(
        [
          [s.fact.request, s.myRequests.line(s.kind[r.subject.kind], names.name(counterpartId(r.subject)))],
          [s.fact.status, s.status[r.status]],
          [s.fact.submitted, formatDateTime(model.entry.at, ctx)],
        ],
        { spacing: 'medium' },
      ),
    ],
    {
      locale: ctx.locale,
      fallbackText: `${s.work.newNoteTitle}: ${r.id}`,
      actions: [button(s.button.details, { verb: 'show_request', requestId: r.id }, { ...options, inputs: 'none' })],
    },
  );
}
