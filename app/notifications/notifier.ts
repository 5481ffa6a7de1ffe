import {
  awaitingOrganizationToJoin,
  channelReferenceKey,
  isAdmin,
  organizationReachable,
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
    let reachable = 0;
    for (const person of approvers) {
      for (const ref of await this.store.references.listForPerson(person.id)) {
        const locale = referenceLocale(ref) ?? person.locale ?? 'en';
        await this.deliver(ref, card(locale, person.timeZone), request, `approval:v${request.version}`, locale);
        if (this.senders.has(ref.platform)) reachable++;
      }
    }
    if (reachable === 0) await this.nobodyToReach(request, orgId);
  }

  /**
   * Nobody who decides for the current step can be reached: no approval channel, and none of the
   * organization's admins has talked with the bot (or there are none). It is logged (IDs only), and the
   * requester is told which organization must act when the request reached this step after they
   * filed it (at filing, the submitted card says so). The cards follow when an admin first talks with
   * the bot (personReachable).
   */
  private async nobodyToReach(request: PartnerRequest, orgId: string): Promise<void> {
    this.logger.warn({ requestId: request.id, orgId, stage: request.stage }, 'approval waits: nobody who decides for this organization can be reached yet');
    if (request.stage === 0) return;
    const requester = await this.store.directory.getPerson(request.requester.personId);
    if (!requester) return;
    const view = { ...(await requestView(this.store.directory, request)), awaitingJoin: orgId };
    for (const ref of await this.store.references.listForPerson(requester.id)) {
      const locale = referenceLocale(ref) ?? requester.locale ?? 'en';
      const reader = { locale, ...(requester.timeZone ? { timeZone: requester.timeZone } : {}), now: new Date() };
      await this.deliver(ref, this.cards.waitingToJoin(view, reader), request, `waiting:v${request.version}`);
    }
  }

  /** An admin the bot could not reach before: the approval cards waiting for their organization go to them now. */
  async personReachable(person: Person): Promise<void> {
    if (!isAdmin(person)) return;
    const waiting = await this.store.requests.listAwaitingOrg(person.orgId);
    if (!waiting.length) return;
    // approvalRequested reaches every approver it can; the outbox sends each card once per recipient.
    for (const request of waiting) await this.approvalRequested(request);
    this.logger.info({ orgId: person.orgId, requests: waiting.length }, 'waiting approval cards handed to a newly reachable admin');
  }

  async requestUpdated(request: PartnerRequest, previous: PartnerRequest): Promise<void> {
    await this.updatePostedCards(request);
    if (request.status === 'pending_approval' && request.stage !== previous.stage) {
      await this.approvalRequested(request);
      return;
    }
    if (!isClosed(request.status) || request.status === 'cancelled') return;
    const requester = await this.store.directory.getPerson(request.requester.personId);
    if (!requester) return;
    const view = await requestView(this.store.directory, request);
    for (const ref of await this.store.references.listForPerson(requester.id)) {
      const locale = referenceLocale(ref) ?? requester.locale ?? 'en';
      await this.deliver(ref, this.cards.decided(view, { locale, ...(requester.timeZone ? { timeZone: requester.timeZone } : {}) }), request, `decided:v${request.version}`);
    }
  }

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
  constructor(private readonly store: Pick<StorePort, 'references' | 'directory'>) {}

  async unreachableOrgIds(orgIds: readonly string[]): Promise<string[]> {
    const deps = { directory: this.store.directory, references: this.store.references };
    const unique = [...new Set(orgIds)];
    const reachable = await Promise.all(unique.map((id) => organizationReachable(id, deps)));
    return unique.filter((_, i) => !reachable[i]);
  }

  awaitingJoin(request: PartnerRequest): Promise<string | undefined> {
    return awaitingOrganizationToJoin(request, { directory: this.store.directory, references: this.store.references });
  }

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

