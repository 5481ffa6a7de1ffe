import type { DialogContext } from 'botbuilder-dialogs';
import { myRequestsCard, refusalCard, requestDetailCard, type AdaptiveCard, type CardAction } from '../../cards';
import { isAdmin, isClosed, orgsFor, refusal, requestView, statusLabel, subjectOrgIds, type PartnerRequest, type Person, type RequestSubject } from '../../domain';
import { currentRequestCard, mayDecide, withOrgNames } from '../actions/request-cards';
import type { DialogDeps } from '../dialog-deps';
import type { Recognition } from '../recognition';
import { sendCard } from '../replies';
import type { RequestDialogOptions } from '../request/request.dialog';
import type { Slots } from '../request/slot-spec';
import { cardContext, turnInfo, type TurnInfo } from '../turn-info';
import { describeRequest, workText } from './work.text';
import { requestIdIn } from '../recognition/request-id';

export { detailAskedFor } from '../recognition/detail-cue';

/**
 * Issue 15, the approval work: change a pending request (a new version), file a closed one again,
 * hand a request over to another admin, add a note. Clicks and typed requests both end here; whether
 * anything may happen is the domain's decision (PartnerLinkService), this turns it into replies.
 */
export const WORK_VERBS = ['add_note', 'handover', 'change_request', 'resubmit'] as const;
export type WorkAction = Extract<CardAction, { verb: (typeof WORK_VERBS)[number] }>;
export const isWorkAction = (a: CardAction | undefined): a is WorkAction => !!a && (WORK_VERBS as readonly string[]).includes(a.verb);

export const WORK_INTENTS = ['change_request', 'resubmit_request', 'add_note', 'handover_request'] as const;
export type WorkIntent = (typeof WORK_INTENTS)[number];
export const isWorkIntent = (x: string): x is WorkIntent => (WORK_INTENTS as readonly string[]).includes(x);

/** Opens the detail card of a request the reader may see (otherwise: not found, nothing else said). */
export async function showDetail(dc: DialogContext, deps: DialogDeps, requestId: string): Promise<void> {
  const info = turnInfo(dc.context);
  const r = await load(deps, requestId, info.person!);
  await sendCard(dc.context, r ? await detailCardFor(deps, r, info.person, info) : notFound(requestId, info));
}

/** The slots a request dialog starts from to ask for this subject again. */
export function slotsOf(subject: RequestSubject): Slots {
  switch (subject.kind) {
    case 'link_distributor':
      return { providerId: subject.providerId };
    case 'add_partner':
      return { workload: subject.workload, partnerId: subject.partnerId };
    case 'multichannel_support':
      return { subscriptionId: subject.subscriptionId, partnerId: subject.partnerId };
  }
}

const opts = (info: TurnInfo) => ({ platform: info.platform, ...(info.activityId ? { commandId: info.activityId } : {}) });

/** The detail card for this reader, with the hand-over choices when they may decide it now. */
export async function detailCardFor(deps: DialogDeps, request: PartnerRequest, person: Person | undefined, info: TurnInfo): Promise<AdaptiveCard> {
  const view = await requestView(deps.directory, request);
  const handoverCandidates = person && mayDecide(request, person) ? await deps.service.handOverCandidates(request, person) : [];
  const awaitingJoin = await deps.reach.awaitingJoin(request);
  return requestDetailCard({ ...view, ...(awaitingJoin ? { awaitingJoin } : {}), ...(person ? { viewer: person } : {}), handoverCandidates }, cardContext(info));
}

/** People of the organizations a request names may see it (the same rule as the other clicks). */
function maySee(request: PartnerRequest, person: Person): boolean {
  return request.requester.personId === person.id || subjectOrgIds(request.subject).includes(person.orgId);
}

async function load(deps: DialogDeps, requestId: string, person: Person): Promise<PartnerRequest | undefined> {
  const r = await deps.service.get(requestId);
  return r && maySee(r, person) ? r : undefined;
}

const notFound = (requestId: string, info: TurnInfo) => refusalCard({ refusals: [refusal('REQUEST_NOT_FOUND', { requestId })] }, cardContext(info));

/** Add note and Hand over clicks are answered with a card (Teams: the invoke response replaces the clicked card). */
export const isCardWorkClick = (a: CardAction): a is Extract<WorkAction, { verb: 'add_note' | 'handover' }> => a.verb === 'add_note' || a.verb === 'handover';

export async function answerWorkClick(deps: DialogDeps, action: Extract<WorkAction, { verb: 'add_note' | 'handover' }>, info: TurnInfo): Promise<AdaptiveCard> {
  const person = info.person!;
  if (action.verb === 'add_note') return addNote(deps, action.requestId, action.note, person, info);
  if (!action.handoverTo) {
    const r = await load(deps, action.requestId, person);
    return r ? detailCardFor(deps, r, person, info) : notFound(action.requestId, info);
  }
  return handOver(deps, action.requestId, action.handoverTo, person, info, action.version);
}

/** A click on Change request, File again, Add note or Hand over. */
export async function handleWorkAction(dc: DialogContext, deps: DialogDeps, action: WorkAction): Promise<void> {
  const info = turnInfo(dc.context);
  switch (action.verb) {
    case 'change_request':
      return startChange(dc, deps, action.requestId);
    case 'resubmit':
      return startResubmit(dc, deps, action.requestId);
    case 'add_note':
    case 'handover':
      return sendCard(dc.context, await answerWorkClick(deps, action, info));
  }
}

/** A typed request: "change PL-…", "file PL-… again", "add a note to PL-…: …", "hand PL-… over to Emily". */
export async function handleWorkIntent(dc: DialogContext, deps: DialogDeps, intent: WorkIntent, rec: Recognition): Promise<void> {
  const info = turnInfo(dc.context);
  const person = info.person!;
  const t = workText(info.locale);
  const named = requestIdIn(rec.text);
  if (intent === 'change_request') return startChange(dc, deps, named, rec);
  if (intent === 'resubmit_request') {
    const id = named ?? (await lastClosedMine(deps, person));
    if (!id) {
      await dc.context.sendActivity(t.whichRequest);
      return;
    }
    return startResubmit(dc, deps, id);
  }
  const id = named ?? (await onlyOpen(deps, person))?.id;
  if (!id) {
    await dc.context.sendActivity(intent === 'add_note' ? t.noteWhich : t.whichRequest);
    return;
  }
  if (intent === 'add_note') {
    const text = noteTextOf(rec.text, named);
    if (!text) {
      const r = await load(deps, id, person);
      if (!r) return sendCard(dc.context, notFound(id, info));
      await dc.context.sendActivity(t.noteEmpty(id));
      return sendCard(dc.context, await detailCardFor(deps, r, person, info));
    }
    await sendCard(dc.context, await addNote(deps, id, text, person, info));
    return;
  }
  const r = await load(deps, id, person);
  if (!r) return sendCard(dc.context, notFound(id, info));
  const candidates = mayDecide(r, person) ? await deps.service.handOverCandidates(r, person) : [];
  const to = candidates.find((p) => mentions(rec.text, p));
  if (!to) {
    await dc.context.sendActivity(t.handoverWho(id));
    return sendCard(dc.context, await detailCardFor(deps, r, person, info));
  }
  await sendCard(dc.context, await handOver(deps, id, to.id, person, info));
}

/** Does the text name this person (full name, or the first or last name on its own)? */
function mentions(text: string, p: Person): boolean {
  const folded = text.toLowerCase();
  const parts = p.name.toLowerCase().split(/\s+/).filter((w) => w.length >= 2);
  return folded.includes(p.name.toLowerCase()) || parts.some((w) => new RegExp(`(^|[^a-z])${w.replace(/[^a-z]/g, '')}($|[^a-z])`).test(folded));
}

/** The note is what follows the request ID (or a colon): "add a note to PL-…: please hurry". */
export function noteTextOf(text: string, named: string | undefined): string {
  const after = named ? text.slice(text.toUpperCase().indexOf(named) + named.length) : text.includes(':') || text.includes('：') ? text.slice(Math.max(text.indexOf(':'), text.indexOf('：')) + 1) : '';
  return after.replace(/^[\s:：、,。にへのメモを]+/u, '').trim();
}

async function onlyOpen(deps: DialogDeps, person: Person): Promise<PartnerRequest | undefined> {
  const open = (await deps.service.listMine(person.id)).filter((r) => !isClosed(r.status));
  if (open.length === 1) return open[0];
  if (open.length === 0 && isAdmin(person)) {
    const awaiting = await deps.service.listAwaiting(person.orgId);
    return awaiting.length === 1 ? awaiting[0] : undefined;
  }
  return undefined;
}

async function lastClosedMine(deps: DialogDeps, person: Person): Promise<string | undefined> {
  const mine = await deps.service.listMine(person.id);
  return [...mine].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()).find((r) => ['rejected', 'cancelled', 'expired'].includes(r.status))?.id;
}

async function addNote(deps: DialogDeps, requestId: string, text: string, person: Person, info: TurnInfo): Promise<AdaptiveCard> {
  const r = await load(deps, requestId, person);
  if (!r) return notFound(requestId, info);
  const out = await deps.service.addNote(requestId, text, person, opts(info));
  if (out.kind === 'appended') {
    await deps.notifier.noteAdded(out.request, out.entry);
    return detailCardFor(deps, out.request, person, info);
  }
  if (out.kind === 'refused') return refusalCard({ refusals: [await withOrgNames(deps.directory, out.refusal)] }, cardContext(info));
  return detailCardFor(deps, out.request, person, info);
}

async function handOver(deps: DialogDeps, requestId: string, toId: string, person: Person, info: TurnInfo, version?: number): Promise<AdaptiveCard> {
  const r = await load(deps, requestId, person);
  if (!r) return notFound(requestId, info);
  const out = await deps.service.handOver(requestId, toId, person, { ...opts(info), ...(version !== undefined ? { expectedVersion: version } : {}) });
  if (out.kind === 'appended') {
    await deps.notifier.handedOver(out.request, out.entry);
    return currentRequestCard(deps, out.request, person, cardContext(info));
  }
  if (out.kind === 'refused') {
    if (out.refusal.code === 'STALE_CARD' && out.request) return currentRequestCard(deps, out.request, person, cardContext(info));
    return refusalCard({ refusals: [await withOrgNames(deps.directory, out.refusal)] }, cardContext(info));
  }
  return currentRequestCard(deps, out.request, person, cardContext(info));
}

/** Changing names the open request, then runs that kind's dialog in change mode from its current values. */
async function startChange(dc: DialogContext, deps: DialogDeps, requestId: string | undefined, rec?: Recognition): Promise<void> {
  const info = turnInfo(dc.context);
  const person = info.person!;
  const t = workText(info.locale);
  const open = (await deps.service.listMine(person.id)).filter((r) => !isClosed(r.status));
  const target = requestId ? await load(deps, requestId, person) : open.length === 1 ? open[0] : undefined;
  if (!requestId && open.length > 1) {
    const organizations = await orgsFor(deps.directory, open.flatMap((r) => subjectOrgIds(r.subject)));
    await dc.context.sendActivity(t.whichToChange);
    return sendCard(dc.context, myRequestsCard({ requests: open, organizations, viewer: person }, cardContext(info)));
  }
  if (!target) {
    if (requestId) return sendCard(dc.context, notFound(requestId, info));
    await dc.context.sendActivity(t.nothingToChange);
    return;
  }
  if (target.requester.personId !== person.id || isClosed(target.status)) {
    const why = isClosed(target.status) ? refusal('REQUEST_ALREADY_CLOSED', { status: statusLabel(target.status) }) : refusal('ONLY_REQUESTER_CHANGES');
    return sendCard(dc.context, refusalCard({ refusals: [why] }, cardContext(info)));
  }
  const organizations = await orgsFor(deps.directory, subjectOrgIds(target.subject));
  await dc.context.sendActivity(t.changing(describeRequest(target, organizations, info.locale)));
  await dc.cancelAllDialogs();
  await dc.beginDialog(target.subject.kind, { prefill: slotsOf(target.subject), change: { requestId: target.id }, ...(rec ? { recognition: rec } : {}) } satisfies RequestDialogOptions);
}

/** Filing a closed request again: its details prefilled, checked against the rules again, confirmed. */
async function startResubmit(dc: DialogContext, deps: DialogDeps, requestId: string): Promise<void> {
  const info = turnInfo(dc.context);
  const person = info.person!;
  const ok = await deps.service.resubmittable(requestId, person);
  if (ok.kind === 'refused') return sendCard(dc.context, refusalCard({ refusals: [ok.refusal] }, cardContext(info)));
  await dc.context.sendActivity(workText(info.locale).resubmitting(requestId));
  await dc.cancelAllDialogs();
  await dc.beginDialog(ok.request.subject.kind, { prefill: slotsOf(ok.request.subject) } satisfies RequestDialogOptions);
}
