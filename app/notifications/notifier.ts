import {
  awaitingOrganizationToJoin,
  type AuditEntry,
  noteNoticeKey,
  channelReferenceKey,
  isAdmin,
  isClosed,
  localeFromTag,
  readerLocale,
  requestView,
  type PartnerLinkService,
  type PartnerRequest,
  type Person,
  type Notice,
  type StorePort,
  type OutboundMessage,
  type ProactiveSenderPort,
  type StoredReference,
  type ClockPort,
  type RecordedReminder,
  daysWaiting,
  daysCompleting,
  postedCardKey,
  addressedApprovalNotice,
  unreachableOrganizations,
} from '../../domain';
import type { LoggerPort, NotificationCardsPort, NotificationPort, ReachPort, ReaderContext, ReaderFactsPort, RequestUpdatedOptions } from '../ports';
import { StoredReaderFacts } from '../people/reader-facts';
import { NotificationOutbox, type Notification } from './outbox';
import { ApproverNotices } from './approver-notices';
import type { ApproverChange } from '../ports/approvers.port';

export interface NotifierDeps {
  store: StorePort;
  service: PartnerLinkService;
  cards: NotificationCardsPort;
  logger: LoggerPort;
  /** Issue 15: the time cards and the outbox read (the schedules' clock; real time by default). */
  clock?: ClockPort;
  /** Issue 18: what the bot learned about each reader (chosen and written language, time zone); the store's by default. */
  readers?: ReaderFactsPort;
}

/**
 * Tells people about requests outside the conversation they are in. Approval cards go to the
 * organization's approval channel when one is set, otherwise to each approver's personal chat, on
 * every platform where the bot has talked with them; decisions go to the requester.
 */
export class Notifier implements NotificationPort {
  private readonly senders = new Map<string, ProactiveSenderPort>();
  private readonly outbox: NotificationOutbox;
  private readonly approverNotices: ApproverNotices;

  private readonly store: StorePort;
  private readonly service: PartnerLinkService;
  private readonly cards: NotificationCardsPort;
  private readonly logger: LoggerPort;
  private readonly reach: StoredReach;
  private readonly clock: ClockPort;
  private readonly readers: ReaderFactsPort;
  /** For the immediate attempt only: the posted message the deciding turn replaces itself (requestId -> platform:messageId). */
  private readonly replacedByTurn = new Map<string, string>();

  constructor(deps: NotifierDeps) {
    this.store = deps.store;
    this.readers = deps.readers ?? new StoredReaderFacts(deps.store.keyValues, () => (deps.clock ?? { now: () => new Date() }).now());
    this.reach = new StoredReach(deps.store);
    this.service = deps.service;
    this.cards = deps.cards;
    this.logger = deps.logger;
    const clock = deps.clock ?? { now: () => new Date() };
    this.clock = clock;
    this.outbox = new NotificationOutbox(deps.store, this.senders, deps.logger, (request, notice) => this.resolve(request, notice), () => clock.now());
    this.approverNotices = new ApproverNotices(deps.store, this.senders, deps.cards, deps.logger, clock);
  }

  register(sender: ProactiveSenderPort): void {
    this.senders.set(sender.platform, sender);
  }

  /**
   * The request's outbox is sent now: right after a change (filing, a step approved, a decision) the
   * dialogs call this for the immediate attempt; what it cannot send waits for `retryPending`. What to
   * send was stored with the change itself (domain/notices.ts), so calling this twice, or on two
   * instances, sends each notification once.
   */
  async approvalRequested(request: PartnerRequest): Promise<void> {
    await this.sendNow(request.id);
  }

  /** The request moved on (a step approved, or closed): its stored notices are sent now (see approvalRequested). */
  async requestUpdated(request: PartnerRequest, _previous?: PartnerRequest, options: RequestUpdatedOptions = {}): Promise<void> {
    const replaced = options.replaced ? `${options.replaced.platform}:${options.replaced.messageId}` : undefined;
    if (replaced) this.replacedByTurn.set(request.id, replaced);
    try {
      await this.sendNow(request.id);
    } finally {
      if (replaced && this.replacedByTurn.get(request.id) === replaced) this.replacedByTurn.delete(request.id);
    }
  }

  /** The immediate attempt. Its failure is not the turn's: the change is saved, and so are its notices. */
  private async sendNow(requestId: string): Promise<void> {
    try {
      await this.outbox.drain(requestId);
    } catch (err) {
      this.logger.warn({ err, requestId }, 'notifications not sent right away; the retry loop sends them');
    }
  }

  /**
   * One notification for each chat the bot has with this person, drawn for the reader: the language
   * the one rule gives (readerLocale: their choice, the directory's, the one they last wrote in, then
   * the chat client's), their time zone, the clock's now. `track` remembers a posted approval card (and
   * whose it is) so it can be redrawn later for the same reader; `skip` leaves out chats that should
   * not get it.
   */
  private async toPerson(
    person: Person,
    request: PartnerRequest,
    purpose: string,
    draw: (reader: ReaderContext & { now: Date }) => OutboundMessage,
    opts: { track?: boolean; skip?: (ref: StoredReference) => boolean } = {},
  ): Promise<Notification[]> {
    const out: Notification[] = [];
    for (const ref of await this.store.references.listForPerson(person.id)) {
      if (opts.skip?.(ref)) continue;
      const reader = await this.readerOf(person, referenceLocale(ref));
      const message = draw({ ...reader, now: this.clock.now() });
      out.push({ purpose, requestId: request.id, ref, message, ...(opts.track ? { trackAs: reader.locale, readerId: person.id } : {}) });
    }
    return out;
  }

  /** The language and time zone to draw a card in for this person (issue 18: one rule everywhere). */
  private async readerOf(person: Person, client: 'en' | 'ja' | undefined): Promise<ReaderContext> {
    const facts = await this.readers.of(person.id);
    const locale = readerLocale({ chosen: facts.chosen, directory: person.locale, written: facts.written, client });
    const timeZone = person.timeZone ?? facts.timeZone;
    return { locale, ...(timeZone ? { timeZone } : {}) };
  }

  /** The organization's approval channels on the platforms this bot runs (none: each approver's chats). */
  private async approvalChannels(orgId: string): Promise<StoredReference[]> {
    const refs = await Promise.all([...this.senders.keys()].map((p) => this.store.references.get(channelReferenceKey(orgId, p as 'teams' | 'slack'))));
    return refs.filter((r): r is StoredReference => r !== undefined);
  }

  /** Who gets what for one stored notice, drawn from the request as it is now. */
  private async resolve(request: PartnerRequest, notice: Notice): Promise<Notification[]> {
    if (notice.kind === 'cards') {
      await this.updatePostedCards(request);
      return [];
    }
    if (notice.kind === 'approval') {
      // Moved past this step already (approved, closed): its approval card would be stale.
      if (request.version !== notice.version) return [];
      return this.approvalNotifications(request, notice);
    }
    // Issue 17: a reminder recorded while completing in Partner Center goes to those who must act there.
    if (notice.kind === 'reminder' && request.status === 'completing') return this.completionReminderNotifications(request, notice);
    if (notice.kind === 'reminder') return this.reminderNotifications(request, notice);
    if (notice.kind === 'term_end') return this.completionReminderNotifications(request, notice);
    // Issue 15 (approval work).
    if (notice.kind === 'step') return this.stepNotifications(request, notice);
    if (notice.kind === 'handover') return this.handoverNotifications(request, notice);
    if (notice.kind === 'note') return this.noteNotifications(request, notice);
    return this.decidedNotifications(request, notice.key);
  }

  private async approvalNotifications(request: PartnerRequest, notice: Notice): Promise<Notification[]> {
    const purpose = notice.key;
    const orgId = request.steps[request.stage]?.orgId;
    if (!orgId || request.status !== 'pending_approval') return [];
    const approvers = await this.service.approversFor(request);
    const view = await requestView(this.store.directory, request);
    const userIds = await this.reach.platformUserIds(approvers);
    const card = (reader: ReaderContext) => this.cards.approval(view, userIds, reader);
    if (notice.to) {
      // An admin who became reachable after the request reached this step: their own card, once (not
      // to the chats that already have a card about this request).
      const person = approvers.find((a) => a.id === notice.to);
      if (!person) return [];
      const posted = (await this.store.references.listForRequest(request.id)).map((r) => r.key);
      const hasCard = (ref: StoredReference) => posted.some((k) => k.startsWith(`${postedCardKey(request.id, ref.key)}:`));
      return this.toPerson(person, request, purpose, card, { track: true, skip: hasCard });
    }
    const channels = await this.approvalChannels(orgId);
    if (channels.length) {
      // A channel has many readers: its card's times are drawn by each reader's client (perReader).
      const locale = approvers[0]?.locale ?? 'en';
      return channels.map((ref) => ({ purpose, requestId: request.id, ref, message: card({ locale, perReader: true, now: this.clock.now() }), trackAs: locale }));
    }
    const out: Notification[] = [];
    for (const person of approvers) out.push(...(await this.toPerson(person, request, purpose, card, { track: true })));
    if (!out.some((n) => this.senders.has(n.ref.platform))) out.push(...(await this.nobodyToReach(request, orgId, purpose)));
    return out;
  }

  /**
   * Nobody who decides for the current step can be reached: no approval channel, and none of the
   * organization's admins has talked with the bot (or there are none). It is logged (IDs only), and the
   * requester is told which organization must act when the request reached this step after they
   * filed it (at filing, the submitted card says so). The cards follow when an admin first talks with
   * the bot (personReachable).
   */
  private async nobodyToReach(request: PartnerRequest, orgId: string, purpose: string): Promise<Notification[]> {
    this.logger.warn({ requestId: request.id, orgId, stage: request.stage }, 'approval waits: nobody who decides for this organization can be reached yet');
    if (request.stage === 0) return [];
    const requester = await this.store.directory.getPerson(request.requester.personId);
    if (!requester) return [];
    const view = { ...(await requestView(this.store.directory, request)), awaitingJoin: orgId };
    return this.toPerson(requester, request, `${purpose}:waiting`, (reader) => this.cards.waitingToJoin(view, reader));
  }

  /**
   * An admin the bot could not reach before (their first conversation with it, or an install): the
   * approval cards waiting for their organization go to them now. Each is a notice of its own in the
   * request's outbox, addressed to them, so it survives a failure and is sent once.
   */
  async personReachable(person: Person): Promise<void> {
    if (!isAdmin(person)) return;
    const waiting = await this.store.requests.listAwaitingOrg(person.orgId);
    if (!waiting.length) return;
    for (const request of waiting) {
      await this.outbox.enqueue(request.id, addressedApprovalNotice(person.id, request.version, this.clock.now()));
      await this.sendNow(request.id);
    }
    this.logger.info({ orgId: person.orgId, requests: waiting.length }, 'waiting approval cards handed to a newly reachable admin');
  }

  private async decidedNotifications(request: PartnerRequest, purpose: string): Promise<Notification[]> {
    if (!isClosed(request.status) || request.status === 'cancelled') return [];
    const requester = await this.store.directory.getPerson(request.requester.personId);
    if (!requester) return [];
    const view = await requestView(this.store.directory, request);
    const out = await this.toPerson(requester, request, purpose, (reader) => this.cards.decided(view, reader, { forRequester: true }));
    // Issue 17: after the last approval with Partner Center on, the approvers must act there too, and hear when it is done; a request closed by a failed Partner Center check is news to them too.
    if (request.status === 'expired' || request.status === 'completing' || request.status === 'completed' || (request.status === 'rejected' && request.partnerCheck?.state === 'failed')) {
      // Issue 15: the approvers of the step it was waiting for are told too (the expiry keeps the stage).
      // Issue 17: when completing in Partner Center, every step's approvers (the partner and the customer of an add_partner).
      const stages = request.status === 'expired' ? [request.stage] : request.steps.map((_, i) => i);
      const seen = new Set<string>();
      const waitedFor = (await Promise.all(stages.map((stage) => this.service.approversFor({ ...request, status: 'pending_approval', stage })))).flat().filter((p) => !seen.has(p.id) && seen.add(p.id));
      // Issue 17: multi-channel support has one step (the partner's), but the customer's admins act too (accept the
      // partner, end the old subscription): they get the completing card and hear when it is done, as their reminders assume.
      if ((request.status === 'completing' || request.status === 'completed') && request.subject.kind === 'multichannel_support') {
        waitedFor.push(...(await this.store.directory.listPeople(request.subject.customerId)).filter((p) => isAdmin(p) && !seen.has(p.id) && seen.add(p.id)));
      }
      for (const person of waitedFor.filter((p) => p.id !== requester.id)) out.push(...(await this.toPerson(person, request, purpose, (reader) => this.cards.decided(view, reader))));
    }
    return out;
  }

  /**
   * Issue 15: the request expired (by the schedule, or at a late click). What it must tell people was
   * stored with the expiry (domain/notices.ts): every posted card is replaced, and the requester and the
   * approvers of the step it was waiting for get the expired card (see decidedNotifications).
   */
  async requestExpired(request: PartnerRequest, _previous: PartnerRequest): Promise<void> {
    await this.sendNow(request.id);
  }

  /**
   * Issue 17: a request filed "not yet verified" failed its Partner Center check and was closed; the
   * requester and the approvers of the step it waited for get the closed card with the reason and what
   * to do (stored with the closing; see decidedNotifications), and posted cards are replaced.
   */
  async partnerCheckFailed(request: PartnerRequest): Promise<void> {
    await this.sendNow(request.id);
  }

  /**
   * Issue 15: a reminder was recorded on the request (by the schedule or at the requester's word), with
   * its notice in the same write; this sends it now (the retry loop does what this cannot).
   */
  async remind(reminded: RecordedReminder): Promise<void> {
    await this.sendNow(reminded.request.id);
  }

  /**
   * Issue 15: the reminder goes to the approvers of the current step, where their approval cards go (the
   * organization's approval channel, or each approver's chats), in each reader's language and time zone:
   * how long it had waited when it was recorded, when it expires, and the buttons. A reminder the request
   * has moved past (decided, or another step) is not sent.
   */
  private async reminderNotifications(request: PartnerRequest, notice: Notice): Promise<Notification[]> {
    const orgId = request.steps[request.stage]?.orgId;
    if (!orgId || request.status !== 'pending_approval' || request.version !== notice.version) return [];
    const waitedDays = daysWaiting(request, notice.createdAt);
    const approvers = await this.service.approversFor(request);
    const view = await requestView(this.store.directory, request);
    const userIds = await this.reach.platformUserIds(approvers);
    const card = (reader: ReaderContext) => this.cards.reminder(view, userIds, reader, { waitedDays });
    const channels = await this.approvalChannels(orgId);
    if (channels.length) {
      const locale = approvers[0]?.locale ?? 'en';
      return channels.map((ref) => ({ purpose: notice.key, requestId: request.id, ref, message: card({ locale, perReader: true, now: this.clock.now() }), trackAs: locale }));
    }
    const out: Notification[] = [];
    for (const person of approvers) out.push(...(await this.toPerson(person, request, notice.key, card, { track: true })));
    return out;
  }

  /**
   * Issue 17: a request still completing in Partner Center: the admins of each organization with a step
   * left there (a link: the distributor, which requests the partnership, and the reseller, which accepts;
   * adding a partner or multi-channel: the partner and the customer) get the completing card as a
   * reminder with their own step first, in each one's chats and language. For `term_end`, the partner and
   * the customer are told the licence's term ends on the date recorded with the reminder. Nothing is sent
   * once the request has moved on (completed).
   */
  private async completionReminderNotifications(request: PartnerRequest, notice: Notice): Promise<Notification[]> {
    if (request.status !== 'completing' || request.version !== notice.version) return [];
    const s = request.subject;
    const sides: { orgId: string; side: 'provider' | 'reseller' | 'partner' | 'customer' }[] =
      s.kind === 'link_distributor'
        ? [
            { orgId: s.providerId, side: 'provider' },
            { orgId: s.resellerId, side: 'reseller' },
          ]
        : [
            { orgId: s.partnerId, side: 'partner' },
            { orgId: s.customerId, side: 'customer' },
          ];
    const termEndsOn = notice.kind === 'term_end' ? request.reminders?.termEndFor : undefined;
    if (notice.kind === 'term_end' && !termEndsOn) return [];
    const view = await requestView(this.store.directory, request);
    const waitedDays = daysCompleting(request, notice.createdAt);
    const out: Notification[] = [];
    const seen = new Set<string>();
    for (const { orgId, side } of sides) {
      const admins = (await this.store.directory.listPeople(orgId)).filter((p) => isAdmin(p) && !seen.has(p.id) && seen.add(p.id));
      for (const person of admins) {
        out.push(...(await this.toPerson(person, request, notice.key, (reader) => this.cards.completionReminder(view, reader, { side, waitedDays, ...(termEndsOn ? { termEndsOn } : {}) }))));
      }
    }
    if (!out.length) this.logger.warn({ requestId: request.id, kind: notice.kind }, 'completion reminder: nobody who must act in Partner Center can be reached yet');
    return out;
  }

  // --- Issue 15 (approval work): step done, hand-over, notes. ---

  /**
   * After a step of a two-step request (the `step` notice, written with the approval): the requester
   * hears who approved and who decides next.
   */
  private async stepNotifications(request: PartnerRequest, notice: Notice): Promise<Notification[]> {
    if (request.status !== 'pending_approval' || request.version !== notice.version) return [];
    const requester = await this.store.directory.getPerson(request.requester.personId);
    if (!requester) return [];
    // Issue 18: a requester who also decides the next step gets that step's approval card, which says
    // who approved; a second, near-identical card would only repeat it.
    if ((await this.service.approversFor(request)).some((a) => a.id === requester.id)) return [];
    const view = await requestView(this.store.directory, request);
    return this.toPerson(requester, request, notice.key, (reader) => this.cards.decided(view, reader));
  }

  /** The request was handed over: its notice was stored with the entry (the request's outbox); sent now. */
  async handedOver(request: PartnerRequest, _entry: AuditEntry): Promise<void> {
    await this.sendNow(request.id);
  }

  /** The admin the request was handed over to gets the approval card (while the request is at that version). */
  private async handoverNotifications(request: PartnerRequest, notice: Notice): Promise<Notification[]> {
    const to = notice.to ? await this.store.directory.getPerson(notice.to) : undefined;
    if (!to || request.status !== 'pending_approval' || request.version !== notice.version) return [];
    const view = await requestView(this.store.directory, request);
    const userIds = await this.reach.platformUserIds(await this.service.approversFor(request));
    return this.toPerson(to, request, notice.key, (reader) => this.cards.approval(view, userIds, reader), { track: true });
  }

  /** A note was added: its notice was stored with the entry (the request's outbox); sent now. */
  async noteAdded(request: PartnerRequest, _entry: AuditEntry): Promise<void> {
    await this.sendNow(request.id);
  }

  /** The current deciders, and the requester when an approver wrote it, hear of a note (never the writer). */
  private async noteNotifications(request: PartnerRequest, notice: Notice): Promise<Notification[]> {
    const entry = request.audit.find((e) => e.action === 'note' && e.at.getTime() === notice.createdAt.getTime() && noteNoticeKey(e) === notice.key);
    if (!entry || entry.actor.type !== 'person') return [];
    const writer = entry.actor.personId;
    const deciders = await this.service.whoMustAct(request);
    const byApprover = writer !== request.requester.personId;
    const requester = byApprover ? await this.store.directory.getPerson(request.requester.personId) : undefined;
    const readers = [...deciders, ...(requester ? [requester] : [])].filter((p, i, all) => p.id !== writer && all.findIndex((q) => q.id === p.id) === i);
    if (!readers.length) return [];
    const view = await requestView(this.store.directory, request);
    const out: Notification[] = [];
    for (const person of readers) out.push(...(await this.toPerson(person, request, notice.key, (reader) => this.cards.note(view, entry, reader))));
    return out;
  }

  // --- end of issue 15 ---

  /**
   * Every approval card posted about this request now shows its current state, for everyone who can
   * see it (the approvers' own clients also refresh it through Universal Actions).
   */
  private async updatePostedCards(request: PartnerRequest): Promise<void> {
    const posted = await this.store.references.listForRequest(request.id);
    if (!posted.length) return;
    const view = await requestView(this.store.directory, request);
    const approvers = await this.service.approversFor(request);
    const userIds = await this.reach.platformUserIds(approvers);
    const closed = isClosed(request.status);
    const drawn = new Map<string, OutboundMessage>();
    const cardFor = (reader: ReaderContext) => {
      const k = `${reader.locale}|${reader.perReader ? '*' : (reader.timeZone ?? '')}`;
      let card = drawn.get(k);
      const at = { ...reader, now: this.clock.now() };
      if (!card) drawn.set(k, (card = closed ? this.cards.decided(view, at) : this.cards.approval(view, userIds, at, { buttons: false })));
      return card;
    };
    const replacedByTurn = this.replacedByTurn.get(request.id);
    for (const ref of posted) {
      if (replacedByTurn && `${ref.platform}:${String(ref.reference.activityId)}` === replacedByTurn) continue;
      try {
        // The card is redrawn for whoever it was posted to, by the same rule (a channel's card keeps the
        // language it was posted in, and its times stay drawn by each reader's client).
        const readerId = typeof ref.reference.readerId === 'string' ? ref.reference.readerId : undefined;
        const person = readerId ? await this.store.directory.getPerson(readerId) : undefined;
        const tracked: 'en' | 'ja' = ref.reference.locale === 'ja' ? 'ja' : 'en';
        const reader = person ? await this.readerOf(person, localeFromTag(typeof ref.reference.clientLocale === 'string' ? ref.reference.clientLocale : undefined)) : { locale: tracked, perReader: true };
        await this.senders.get(ref.platform)?.update(ref, cardFor(reader));
      } catch (err) {
        this.logger.error({ err, requestId: request.id, reference: ref.key }, 'posted card could not be updated');
      }
    }
  }

  /** Retries notifications a platform did not take yet (call periodically and at start). */
  async retryPending(): Promise<number> {
    return (await this.outbox.retryPending()) + (await this.approverNotices.retryPending());
  }

  /** Issue 16: the person an admin made an approver (or stopped being one) is told, in each of their chats. */
  approverChanged(change: ApproverChange): Promise<number> {
    return this.approverNotices.changed(change);
  }
}

/** The language the person's client reported when the reference was saved (ConversationReference.locale). */
function referenceLocale(ref: StoredReference): 'en' | 'ja' | undefined {
  return localeFromTag(typeof ref.reference.locale === 'string' ? ref.reference.locale : undefined);
}

/** Where people can be reached, from the conversation references the bot stored. */
export class StoredReach implements ReachPort {
  constructor(private readonly store: Pick<StorePort, 'references' | 'directory'>) {}

  async unreachableOrgIds(orgIds: readonly string[]): Promise<string[]> {
    // Issue 19: a fixed number of queries however many organizations are offered.
    return unreachableOrganizations(orgIds, { directory: this.store.directory, references: this.store.references });
  }

  awaitingJoin(request: PartnerRequest): Promise<string | undefined> {
    return awaitingOrganizationToJoin(request, { directory: this.store.directory, references: this.store.references });
  }

  /** Teams user IDs (the IDs their activities arrive with) of these people, from stored references. */
  async platformUserIds(people: readonly Person[]): Promise<string[]> {
    if (people.length === 0) return [];
    // One query for everyone (issue 19), then in the order the people were given.
    const byPerson = new Map<string, StoredReference[]>();
    for (const ref of await this.store.references.listForPeople(people.map((p) => p.id))) {
      if (ref.personId !== undefined) byPerson.set(ref.personId, [...(byPerson.get(ref.personId) ?? []), ref]);
    }
    const ids: string[] = [];
    for (const p of people) {
      for (const ref of byPerson.get(p.id) ?? []) {
        const user = (ref.reference as { user?: { id?: string } }).user?.id;
        if (ref.platform === 'teams' && user) ids.push(user);
      }
    }
    return ids;
  }
}

