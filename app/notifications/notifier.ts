import {
  subjectKey,
  type AuditEntry,
  channelReferenceKey,
  isClosed,
  localeFromTag,
  requestView,
  type PartnerLinkService,
  type PartnerRequest,
  type Person,
  type StorePort,
  type OutboundMessage,
  type ProactiveSenderPort,
  type StoredReference,
} from '../../domain';
import type { LoggerPort, NotificationCardsPort, NotificationPort, ReachPort } from '../ports';
import { NotificationOutbox } from './outbox';

export interface NotifierDeps {
  store: StorePort;
  service: PartnerLinkService;
  cards: NotificationCardsPort;
  logger: LoggerPort;
}

/**
 * Tells people about requests outside the conversation they are in. Approval cards go to the
 * organization's approval channel when one is set, otherwise to each approver's personal chat, on
 * every platform where the bot has talked with them; decisions go to the requester.
 */
export class Notifier implements NotificationPort {
  private readonly senders = new Map<string, ProactiveSenderPort>();
  private readonly outbox: NotificationOutbox;

  private readonly store: StorePort;
  private readonly service: PartnerLinkService;
  private readonly cards: NotificationCardsPort;
  private readonly logger: LoggerPort;
  private readonly reach: StoredReach;

  constructor(deps: NotifierDeps) {
    this.store = deps.store;
    this.reach = new StoredReach(deps.store);
    this.service = deps.service;
    this.cards = deps.cards;
    this.logger = deps.logger;
    this.outbox = new NotificationOutbox(deps.store, this.senders, deps.logger);
  }

  register(sender: ProactiveSenderPort): void {
    this.senders.set(sender.platform, sender);
  }

  async approvalRequested(request: PartnerRequest): Promise<void> {
    const orgId = request.steps[request.stage]?.orgId;
    if (!orgId || request.status !== 'pending_approval') return;
    const approvers = await this.service.approversFor(request);
    const view = await requestView(this.store.directory, request);
    const userIds = await this.reach.platformUserIds(approvers);
    const channels = (await Promise.all([...this.senders.keys()].map((p) => this.store.references.get(channelReferenceKey(orgId, p as 'teams' | 'slack'))))).filter(
      (r): r is StoredReference => r !== undefined,
    );
    const card = (locale: 'en' | 'ja', timeZone?: string) => this.cards.approval(view, userIds, { locale, ...(timeZone ? { timeZone } : {}), now: new Date() });
    if (channels.length) {
      const locale = approvers[0]?.locale ?? 'en';
      for (const ref of channels) await this.deliver(ref, card(locale), request, `approval:v${request.version}`, locale);
      return;
    }
    for (const person of approvers) {
      for (const ref of await this.store.references.listForPerson(person.id)) {
        const locale = referenceLocale(ref) ?? person.locale ?? 'en';
        await this.deliver(ref, card(locale, person.timeZone), request, `approval:v${request.version}`, locale);
      }
    }
  }

  async requestUpdated(request: PartnerRequest, previous: PartnerRequest): Promise<void> {
    await this.updatePostedCards(request);
    // Issue 15: a changed request is a new version: every approver of its (new) first step gets a new card.
    if (request.status === 'pending_approval' && subjectKey(request.subject) !== subjectKey(previous.subject)) {
      await this.approvalRequested(request);
      return;
    }
    if (request.status === 'pending_approval' && request.stage !== previous.stage) {
      await this.approvalRequested(request);
      await this.tellRequesterStepDone(request);
      return;
    }
    if (!isClosed(request.status) || request.status === 'cancelled') return;
    const requester = await this.store.directory.getPerson(request.requester.personId);
    if (!requester) return;
    const view = await requestView(this.store.directory, request);
    for (const ref of await this.store.references.listForPerson(requester.id)) {
      const locale = referenceLocale(ref) ?? requester.locale ?? 'en';
      await this.deliver(ref, this.cards.decided(view, { locale, ...(requester.timeZone ? { timeZone: requester.timeZone } : {}) }, { forRequester: true }), request, `decided:v${request.version}`);
    }
  }

  // --- Issue 15 (approval work): step done, hand-over, notes. ---

  /** After a step of a two-step request: the requester hears who approved and who decides next. */
  private async tellRequesterStepDone(request: PartnerRequest): Promise<void> {
    const requester = await this.store.directory.getPerson(request.requester.personId);
    if (!requester) return;
    const view = await requestView(this.store.directory, request);
    for (const ref of await this.store.references.listForPerson(requester.id)) {
      const locale = referenceLocale(ref) ?? requester.locale ?? 'en';
      await this.deliver(ref, this.cards.decided(view, { locale, ...(requester.timeZone ? { timeZone: requester.timeZone } : {}) }), request, `step:v${request.version}`);
    }
  }

  async handedOver(request: PartnerRequest, entry: AuditEntry): Promise<void> {
    const to = entry.handedTo && (await this.store.directory.getPerson(entry.handedTo.personId));
    if (!to || request.status !== 'pending_approval') return;
    const view = await requestView(this.store.directory, request);
    const userIds = await this.reach.platformUserIds(await this.service.approversFor(request));
    const at = entry.at.getTime();
    for (const ref of await this.store.references.listForPerson(to.id)) {
      const locale = referenceLocale(ref) ?? to.locale ?? 'en';
      const card = this.cards.approval(view, userIds, { locale, ...(to.timeZone ? { timeZone: to.timeZone } : {}), now: new Date() });
      await this.deliver(ref, card, request, `handover:v${request.version}:${at}`, locale);
    }
  }

  async noteAdded(request: PartnerRequest, entry: AuditEntry): Promise<void> {
    if (entry.actor.type !== 'person') return;
    const writer = entry.actor.personId;
    const deciders = await this.service.whoMustAct(request);
    const byApprover = writer !== request.requester.personId;
    const requester = byApprover ? await this.store.directory.getPerson(request.requester.personId) : undefined;
    const readers = [...deciders, ...(requester ? [requester] : [])].filter((p, i, all) => p.id !== writer && all.findIndex((q) => q.id === p.id) === i);
    if (!readers.length) return;
    const view = await requestView(this.store.directory, request);
    for (const person of readers) {
      for (const ref of await this.store.references.listForPerson(person.id)) {
        const locale = referenceLocale(ref) ?? person.locale ?? 'en';
        const card = this.cards.note(view, entry, { locale, ...(person.timeZone ? { timeZone: person.timeZone } : {}) });
        await this.deliver(ref, card, request, `note:${entry.at.getTime()}:${writer}`);
      }
    }
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
    const drawn = new Map<'en' | 'ja', OutboundMessage>();
    const cardFor = (locale: 'en' | 'ja') => {
      let card = drawn.get(locale);
      if (!card) drawn.set(locale, (card = closed ? this.cards.decided(view, { locale }) : this.cards.approval(view, userIds, { locale }, { buttons: false })));
      return card;
    };
    for (const ref of posted) {
      const locale = ref.reference.locale === 'ja' ? 'ja' : 'en';
      try {
        await this.senders.get(ref.platform)?.update(ref, cardFor(locale));
      } catch (err) {
        this.logger.error({ err, requestId: request.id, reference: ref.key }, 'posted card could not be updated');
      }
    }
  }

  /** Hands the notification to the outbox: recorded first, sent, retried until the platform takes it. */
  private async deliver(ref: StoredReference, message: OutboundMessage, request: PartnerRequest, purpose: string, trackAs?: 'en' | 'ja'): Promise<void> {
    await this.outbox.deliver({ purpose, requestId: request.id, ref, message, ...(trackAs ? { trackAs } : {}) });
  }

  /** Retries notifications a platform did not take yet (call periodically and at start). */
  retryPending(): Promise<number> {
    return this.outbox.retryPending();
  }
}

/** The language the person's client reported when the reference was saved (ConversationReference.locale). */
function referenceLocale(ref: StoredReference): 'en' | 'ja' | undefined {
  return localeFromTag(typeof ref.reference.locale === 'string' ? ref.reference.locale : undefined);
}

/** Where people can be reached, from the conversation references the bot stored. */
export class StoredReach implements ReachPort {
  constructor(private readonly store: Pick<StorePort, 'references'>) {}

  /** Teams user IDs (the IDs their activities arrive with) of these people, from stored references. */
  async platformUserIds(people: readonly Person[]): Promise<string[]> {
    const ids: string[] = [];
    for (const p of people) {
      for (const ref of await this.store.references.listForPerson(p.id)) {
        const user = (ref.reference as { user?: { id?: string } }).user?.id;
        if (ref.platform === 'teams' && user) ids.push(user);
      }
    }
    return ids;
  }
}

