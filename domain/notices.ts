import { z } from 'zod';
import { isClosed, subjectKey, type AuditEntry, type PartnerRequest } from './request';

/**
 * What people must be told after a request changed, kept in the request's own document and written by
 * the same compare-and-set as the change, so a notification can never be lost between the two (the
 * request's outbox). Sending is the application layer's job (app/notifications/outbox.ts): it takes a
 * notice (a compare-and-set on its attempt count), sends it, and removes it once every recipient has it.
 *
 * - `approval`: the request now awaits the admins of its current step (an approval card each).
 * - `decided`: the request was approved, rejected or expired (the requester is told).
 * - `cards`: every approval card already posted about the request is redrawn (best effort).
 * - `reminder`: the approvers of the current step are reminded (issue 15; written by the same
 *   compare-and-set that records the reminder on the request, so each reminder is sent exactly once).
 * - Issue 15 (approval work): `step`: a step of a two-step request was approved (the requester hears
 *   who approved and who decides next; written with the transition); `handover`: the approval card for
 *   the admin the request was handed over to (`to`); `note`: a note was added (the current deciders,
 *   and the requester when an approver wrote it). Hand-overs and notes are appended to the trail
 *   without a new version, so their notices are added to the outbox right after (keyed by the entry's
 *   time and writer, so each is sent once).
 * - Issue 17: a `reminder` recorded while the request is completing in Partner Center goes to the admins
 *   of each organization that must act there; `term_end`: the partner and the customer of a multi-channel
 *   request for a licence are reminded that its term ends soon (once per term end date).
 */
export const NOTICE_KINDS = ['approval', 'decided', 'cards', 'reminder', 'step', 'handover', 'note', 'term_end'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NoticeSchema = z.object({
  /** `<kind>:v<version>` (`reminder:n<count>`): unique within its request (one transition writes each version once). */
  key: z.string().max(100),
  kind: z.enum(NOTICE_KINDS),
  /** The request version that asked for it. */
  version: z.number().int().min(1),
  createdAt: z.coerce.date(),
  /** Attempts taken so far (the first is the one right after the change). */
  attempts: z.number().int().min(0),
  /** When it may be taken next: at creation now; while an attempt is under way or failed, its lease/backoff. */
  nextAt: z.coerce.date(),
  /** Issue 15: an approval card for this one person only (an admin who became reachable later). */
  to: z.string().min(1).max(200).optional(),
  /** Recipients (conversation reference keys) that already got it. */
  sent: z.array(z.string().max(1000)).max(500),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** A request's pending notices and their revision (bumped by every write to them, so writes can compare-and-set). */
export interface RequestNotices {
  rev: number;
  notices: Notice[];
}

export function newNotice(kind: NoticeKind, version: number, now: Date): Notice {
  return { key: `${kind}:v${version}`, kind, version, createdAt: now, attempts: 0, nextAt: now, sent: [] };
}

/** What the change from `previous` to `next` must tell people (written with the transition). */
export function noticesFor(next: PartnerRequest, previous: PartnerRequest, now: Date): Notice[] {
  const out: Notice[] = [];
  if (previous.status === 'pending_approval') out.push(newNotice('cards', next.version, now));
  // Issue 15: a change is a new version of the request: the approvers of its (new) first step get a new card.
  const changed = previous.status === 'pending_approval' && subjectKey(next.subject) !== subjectKey(previous.subject);
  if (next.status === 'pending_approval' && (previous.status !== 'pending_approval' || next.stage !== previous.stage || changed)) {
    out.push(newNotice('approval', next.version, now));
    if (!changed && previous.status === 'pending_approval' && next.stage > previous.stage) out.push(newNotice('step', next.version, now));
  } else if (isClosed(next.status) && next.status !== 'cancelled') out.push(newNotice('decided', next.version, now));
  return out;
}

/** Issue 15: the notice for the request's reminder number `count`, recorded while it is at `version`. */
export function reminderNotice(count: number, version: number, now: Date): Notice {
  return { ...newNotice('reminder', version, now), key: `reminder:n${count}` };
}

/** Issue 15: the approval card of the request's current step for one admin who can be reached only now. */
export function addressedApprovalNotice(personId: string, version: number, now: Date): Notice {
  return { ...newNotice('approval', version, now), key: `approval:v${version}:to:${personId}`.slice(0, 100), to: personId };
}

// --- Issue 15 (approval work): hand-over and note notices (audit-only writes, no new version). ---

/** The approval card for the admin a request was handed over to (the entry's `handedTo`), once per hand-over. */
export function handoverNotice(entry: AuditEntry, version: number): Notice | undefined {
  if (entry.action !== 'handover' || !entry.handedTo) return undefined;
  return { ...newNotice('handover', version, entry.at), key: `handover:v${version}:${entry.at.getTime()}`.slice(0, 100), to: entry.handedTo.personId };
}

/** The notice key of a note entry: its time and writer (unique within the request). */
export function noteNoticeKey(entry: AuditEntry): string {
  return `note:${entry.at.getTime()}:${entry.actor.type === 'person' ? entry.actor.personId : 'system'}`.slice(0, 100);
}

/** Telling the request's parties about a note (resolved from the entry with the notice's time and key). */
export function noteNotice(entry: AuditEntry, version: number): Notice | undefined {
  if (entry.action !== 'note') return undefined;
  return { ...newNotice('note', version, entry.at), key: noteNoticeKey(entry) };
}

/** Issue 17: the notice of the term-end reminder recorded as the request's reminder number `count`. */
export function termEndNotice(count: number, version: number, now: Date): Notice {
  return { ...newNotice('term_end', version, now), key: `term_end:n${count}` };
}
