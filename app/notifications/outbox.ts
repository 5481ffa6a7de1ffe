import {
  postedCardKey,
  type Notice,
  type OutboundMessage,
  type PartnerRequest,
  type ProactiveSenderPort,
  type StorePort,
  type StoredReference,
} from '../../domain';
import type { LoggerPort } from '../ports';

/** After this many failed attempts a notification is given up (and logged as an error). */
export const MAX_NOTIFY_ATTEMPTS = 8;
/** How many times a compare-and-set on a request's outbox that lost to another write is tried again. */
const MAX_OUTBOX_CAS = 8;

export interface Notification {
  /** What it says about which request: `approval:v3`, `decided:v4` (the notice's key). With the reference, it names the notification. */
  purpose: string;
  requestId: string;
  ref: StoredReference;
  message: OutboundMessage;
  /** For an approval card: the reader's locale, and remember the posted card so it can be updated later. */
  trackAs?: 'en' | 'ja';
  /** Issue 18: whose chat the tracked card went to, so that it is redrawn for them (language, time zone). */
  readerId?: string;
}

/**
 * Who gets what for one notice, from the request as it is now (the notifier draws the cards). A notice
 * with nothing to send (posted cards redrawn, an approval the request has moved past) resolves to [].
 */
export type NoticeResolver = (request: PartnerRequest, notice: Notice) => Promise<Notification[]>;

/** Time after an attempt before the next one (n = attempts so far, 1, 2, …): 30 s doubling, at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);

/**
 * Notifications are never lost and never sent twice. What a change must tell people is stored in the
 * request's own document by the same compare-and-set as the change (domain/notices.ts), so there is no
 * moment when the change is saved and its notifications are not. Sending them:
 *
 * 1. take the due notices: one compare-and-set on the outbox's revision counts the attempt and sets
 *    the next try a backoff away, which is also the lease: another instance (or the retry loop) sees
 *    the notice as not due and leaves it alone, so exactly one sender works on each attempt;
 * 2. send to every recipient not yet in the notice's `sent` list;
 * 3. write the outcome with a compare-and-set on the revision (re-read and re-applied when a
 *    transition added notices meanwhile, so none is lost): a notice every recipient has is removed,
 *    otherwise the recipients reached are added to `sent` and it waits for its retry.
 *
 * Right after the change the request's notices are sent at once (`drain`); the retry loop
 * (`retryPending`, a scheduled job, also at start) sends whatever a failure or a crash left behind.
 * A crash between a send and step 3 means that one recipient is sent it again at the retry.
 */
export class NotificationOutbox {
  constructor(
    private readonly store: Pick<StorePort, 'requests' | 'references'>,
    private readonly senders: ReadonlyMap<string, ProactiveSenderPort>,
    private readonly logger: LoggerPort,
    private readonly resolve: NoticeResolver,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Sends the request's notices that are due now. Returns how many messages went out. */
  async drain(requestId: string): Promise<number> {
    const taken = await this.take(requestId);
    if (!taken.length) return 0;
    const request = await this.store.requests.get(requestId);
    const outcomes = new Map<string, { attempts: number; sent: string[]; done: boolean }>();
    let count = 0;
    for (const notice of taken) {
      const outcome = { attempts: notice.attempts, sent: [] as string[], done: true };
      outcomes.set(notice.key, outcome);
      try {
        const already = new Set(notice.sent);
        for (const n of request ? await this.resolve(request, notice) : []) {
          if (already.has(n.ref.key)) continue;
          already.add(n.ref.key);
          if (await this.attempt(n, notice.attempts)) {
            outcome.sent.push(n.ref.key);
            count++;
          } else outcome.done = false;
        }
      } catch (err) {
        outcome.done = false;
        this.logger.warn({ err, requestId, notice: notice.key, attempts: notice.attempts }, 'notification not delivered yet; kept for a retry');
      }
    }
    await this.record(requestId, outcomes);
    return count;
  }

  /** Adds a notice to the request's outbox unless one with its key is already waiting (compare-and-set). */
  async enqueue(requestId: string, notice: Notice): Promise<boolean> {
    for (let i = 0; i < MAX_OUTBOX_CAS; i++) {
      const box = await this.store.requests.getNotices(requestId);
      if (!box) return false;
      if (box.notices.some((n) => n.key === notice.key)) return false;
      if (await this.store.requests.setNotices(requestId, box.rev, [...box.notices, notice])) return true;
    }
    this.logger.warn({ requestId, notice: notice.key }, 'notice not added (outbox contended)');
    return false;
  }

  /** Sends the notifications still pending whose next attempt is due. Returns how many messages went out. */
  async retryPending(limit = 50): Promise<number> {
    let sent = 0;
    for (const id of await this.store.requests.listNoticesDue(this.now(), limit)) sent += await this.drain(id);
    return sent;
  }

  /** Step 1: counts an attempt on each due notice and leases it (gives up those out of attempts). */
  private async take(requestId: string): Promise<Notice[]> {
    for (let i = 0; i < MAX_OUTBOX_CAS; i++) {
      const box = await this.store.requests.getNotices(requestId);
      const now = this.now();
      const due = box?.notices.filter((n) => n.nextAt.getTime() <= now.getTime()) ?? [];
      if (!box || !due.length) return [];
      const dueKeys = new Set(due.map((n) => n.key));
      const givenUp = due.filter((n) => n.attempts >= MAX_NOTIFY_ATTEMPTS);
      const next = box.notices
        .filter((n) => !givenUp.includes(n))
        .map((n) => (dueKeys.has(n.key) ? { ...n, attempts: n.attempts + 1, nextAt: new Date(now.getTime() + retryDelayMs(n.attempts + 1)) } : n));
      if (await this.store.requests.setNotices(requestId, box.rev, next)) {
        for (const n of givenUp) this.logger.error({ requestId, notice: n.key, attempts: n.attempts }, 'notification given up after repeated failures');
        return next.filter((n) => dueKeys.has(n.key));
      }
    }
    return []; // the outbox kept changing under us: another instance is at it; the retry loop comes back
  }

  /** Step 3: removes the notices done, remembers who has the others (only for the attempt we took). */
  private async record(requestId: string, outcomes: ReadonlyMap<string, { attempts: number; sent: string[]; done: boolean }>): Promise<void> {
    for (let i = 0; i < MAX_OUTBOX_CAS; i++) {
      const box = await this.store.requests.getNotices(requestId);
      if (!box) return;
      const next = box.notices.flatMap((n) => {
        const o = outcomes.get(n.key);
        if (!o || o.attempts !== n.attempts) return [n]; // not ours, or taken again after our lease ran out
        return o.done ? [] : [{ ...n, sent: [...new Set([...n.sent, ...o.sent])] }];
      });
      if (await this.store.requests.setNotices(requestId, box.rev, next)) return;
    }
    this.logger.warn({ requestId }, 'notification outcome not recorded (outbox contended); those sent may be sent again at the retry');
  }

  private async attempt(n: Notification, attempts: number): Promise<boolean> {
    const sender = this.senders.get(n.ref.platform);
    if (!sender) return false;
    let messageId: string | undefined;
    try {
      ({ messageId } = await sender.send(n.ref, n.message));
    } catch (err) {
      this.logger.warn(
        { err, requestId: n.requestId, notice: n.purpose, reference: n.ref.key, attempts, retryInMs: retryDelayMs(attempts) },
        'notification not delivered yet; kept for a retry',
      );
      return false;
    }
    // Sent: a failure to remember the posted card must not send it again (the card is then not redrawn later).
    if (messageId && n.trackAs) {
      await this.store.references
        .save({
          key: postedCardKey(n.requestId, `${n.ref.key}:${messageId}`),
          platform: n.ref.platform,
          requestId: n.requestId,
          reference: {
            ...n.ref.reference,
            activityId: messageId,
            locale: n.trackAs,
            ...(n.readerId ? { readerId: n.readerId, clientLocale: n.ref.reference.locale } : {}),
          },
          updatedAt: this.now(),
        })
        .catch((err: unknown) => this.logger.error({ err, requestId: n.requestId, reference: n.ref.key }, 'posted card not remembered; it will not be redrawn'));
    }
    return true;
  }
}
