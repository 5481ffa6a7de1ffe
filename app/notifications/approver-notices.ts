import { localeFromTag, type ClockPort, type Organization, type Person, type ProactiveSenderPort, type StorePort, type StoredReference } from '../../domain';
import type { ApproverChange } from '../ports/approvers.port';
import type { LoggerPort } from '../ports/logger.port';
import type { NotificationCardsPort } from '../ports/notification-cards.port';
import { MAX_NOTIFY_ATTEMPTS, retryDelayMs } from './outbox';

/** Inbox source of the notices telling a person their approver role changed (one per chat of theirs). */
export const APPROVER_NOTICE_SOURCE = 'approver-notice';
/** How long one sender holds a notice it is sending (another instance leaves it alone meanwhile). */
const LEASE_MS = 20_000;

interface NoticePayload {
  change: Omit<ApproverChange, 'at'> & { at: string };
  refKey: string;
}

/**
 * Tells a person that an admin made them an approver, or stopped them being one. A change is not a
 * request, so its notices cannot live in a request's outbox; they are kept the way the outbox kept
 * them before it moved into request documents: one durable inbox record per chat of the person's
 * (claimed once, so a notice is written once), sent right away, leased while it is sent (two
 * instances never send the same one), and retried with the outbox's backoff until delivered or given
 * up after the same number of attempts. Each reader gets it in their chat's language, else theirs.
 */
export class ApproverNotices {
  constructor(
    private readonly store: Pick<StorePort, 'events' | 'references' | 'directory'>,
    private readonly senders: ReadonlyMap<string, ProactiveSenderPort>,
    private readonly cards: NotificationCardsPort,
    private readonly logger: LoggerPort,
    private readonly clock: ClockPort = { now: () => new Date() },
  ) {}

  /** Stores one notice per chat the bot has with the person, then sends them. */
  async changed(change: ApproverChange): Promise<number> {
    const refs = await this.store.references.listForPerson(change.personId);
    const now = this.clock.now();
    const ids: string[] = [];
    for (const ref of refs) {
      const id = `${APPROVER_NOTICE_SOURCE}:${change.id}:${ref.key}`;
      const payload: NoticePayload = { change: { ...change, at: change.at.toISOString() }, refKey: ref.key };
      if ((await this.store.events.claim({ id, source: APPROVER_NOTICE_SOURCE, payload: payload as unknown as Record<string, unknown> }, now)) === 'new') ids.push(id);
    }
    if (!refs.length) this.logger.info({ changeId: change.id, personId: change.personId }, 'approver change: the person has no chat with the bot yet; their role shows in the approver list');
    for (const id of ids) await this.attempt(id);
    return refs.length;
  }

  /** Sends the notices whose retry is due (the notification-retry job). Returns how many went out. */
  async retryPending(limit = 50): Promise<number> {
    let sent = 0;
    for (const event of await this.store.events.listDue(APPROVER_NOTICE_SOURCE, this.clock.now(), limit)) if (await this.attempt(event.id)) sent++;
    return sent;
  }

  private async attempt(id: string): Promise<boolean> {
    const now = this.clock.now();
    if (!(await this.store.events.takeOver(id, now, new Date(now.getTime() + LEASE_MS)))) return false;
    const event = await this.store.events.get(id);
    const payload = event?.payload as unknown as NoticePayload | undefined;
    const ref = payload ? await this.store.references.get(payload.refKey) : undefined;
    const person = payload ? await this.store.directory.getPerson(payload.change.personId) : undefined;
    if (!payload || !ref || !person) {
      // The chat or the person is gone: nothing to tell any more.
      await this.store.events.complete(id, now, { dropPayload: true });
      return false;
    }
    const sender = this.senders.get(ref.platform);
    try {
      if (!sender) throw new Error(`no sender for ${ref.platform}`);
      const organization = await this.store.directory.getOrganization(payload.change.orgId);
      await sender.send(ref, this.draw(payload, ref, person, organization));
      await this.store.events.complete(id, this.clock.now(), { dropPayload: true });
      return true;
    } catch (err) {
      const attempts = await this.store.events.recordAttempt(id);
      if (attempts >= MAX_NOTIFY_ATTEMPTS) {
        await this.store.events.markDead(id, this.clock.now(), 'not delivered after repeated failures');
        this.logger.error({ changeId: payload.change.id, reference: ref.key, attempts }, 'approver change notice given up after repeated failures');
      } else {
        await this.store.events.reschedule(id, new Date(this.clock.now().getTime() + retryDelayMs(attempts)));
        this.logger.warn({ err, changeId: payload.change.id, reference: ref.key, attempts }, 'approver change notice not delivered yet; kept for a retry');
      }
      return false;
    }
  }

  private draw(payload: NoticePayload, ref: StoredReference, person: Person, organization: Organization | undefined) {
    const locale = localeFromTag(typeof ref.reference.locale === 'string' ? ref.reference.locale : undefined) ?? person.locale ?? 'en';
    const orgName = organization ? (locale === 'ja' && organization.nameJa ? organization.nameJa : organization.name) : payload.change.orgId;
    return this.cards.approverChanged(
      { op: payload.change.op, organizationName: orgName, byName: payload.change.byName, at: new Date(payload.change.at) },
      { locale, ...(person.timeZone ? { timeZone: person.timeZone } : {}), now: this.clock.now() },
    );
  }
}
