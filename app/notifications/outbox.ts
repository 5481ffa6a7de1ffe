import { postedCardKey, type OutboundMessage, type ProactiveSenderPort, type StorePort, type StoredReference } from '../../domain';
import type { LoggerPort } from '../ports';

/** The inbox source of notification records. */
export const NOTIFY_SOURCE = 'notify';
const SOURCE = NOTIFY_SOURCE;
/** After this many failed attempts a notification is given up (and logged as an error). */
export const MAX_NOTIFY_ATTEMPTS = 8;

export interface Notification {
  /** What it says about which request: `approval:v3:s0`, `decided:v4`. With the reference, it names the notification. */
  purpose: string;
  requestId: string;
  ref: StoredReference;
  message: OutboundMessage;
  /** For an approval card: the reader's locale, and remember the posted card so it can be updated later. */
  trackAs?: 'en' | 'ja';
}

const FIRST_SEND_GRACE_MS = 60_000;

/** Time after the notification was recorded before retry n (1, 2, …): 30 s doubling, at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);

/**
 * Notifications are never lost and never sent twice: each is recorded in the durable inbox under an ID
 * made of the request, its purpose and the recipient before it is sent (a second attempt to send the same
 * one, from this instance or another, finds it there), marked done once the platform took it, and
 * retried with backoff when the platform failed (429, 5xx, time-out) — also after a restart.
 */
export class NotificationOutbox {
  constructor(
    private readonly store: StorePort,
    private readonly senders: ReadonlyMap<string, ProactiveSenderPort>,
    private readonly logger: LoggerPort,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async deliver(n: Notification): Promise<void> {
    const id = `${SOURCE}:${n.requestId}:${n.purpose}:${n.ref.key}`;
    const now = this.now();
    // Due for a retry only after the grace: until then it may be this (or another) instance's send in progress.
    const claimed = await this.store.events.claim({ id, source: SOURCE, payload: { body: JSON.stringify(n) } }, now, { dueAt: new Date(now.getTime() + FIRST_SEND_GRACE_MS) });
    if (claimed === 'duplicate') return;
    await this.attempt(id, n);
  }

  /** Sends the notifications still pending whose next attempt is due. Returns how many went out. */
  async retryPending(limit = 50): Promise<number> {
    const now = this.now();
    // Filtered by source and due time in the store: other sources' backlogs cannot hide these.
    const pending = await this.store.events.listDue(SOURCE, now, limit);
    let sent = 0;
    for (const e of pending) {
      // Never tried yet: it may be another instance's send in progress, so give it a minute first.
      const wait = e.attempts === 0 ? FIRST_SEND_GRACE_MS : retryDelayMs(e.attempts);
      if (now.getTime() - e.receivedAt.getTime() < wait) continue;
      if (e.attempts >= MAX_NOTIFY_ATTEMPTS) {
        this.logger.error({ id: e.id, attempts: e.attempts }, 'notification given up after repeated failures');
        await this.store.events.complete(e.id, now);
        continue;
      }
      const n = revive(JSON.parse(String(e.payload.body)) as Notification);
      if (await this.attempt(e.id, n)) sent++;
    }
    return sent;
  }

  private async attempt(id: string, n: Notification): Promise<boolean> {
    const sender = this.senders.get(n.ref.platform);
    if (!sender) return false;
    try {
      const { messageId } = await sender.send(n.ref, n.message);
      if (messageId && n.trackAs) {
        await this.store.references.save({
          key: postedCardKey(n.requestId, `${n.ref.key}:${messageId}`),
          platform: n.ref.platform,
          requestId: n.requestId,
          reference: { ...n.ref.reference, activityId: messageId, locale: n.trackAs },
          updatedAt: this.now(),
        });
      }
      await this.store.events.complete(id, this.now());
      return true;
    } catch (err) {
      const attempts = await this.store.events.recordAttempt(id);
      await this.store.events.reschedule(id, new Date(this.now().getTime() + retryDelayMs(attempts))).catch(() => undefined);
      this.logger.warn({ err, id, attempts, retryInMs: retryDelayMs(attempts) }, 'notification not delivered yet; kept for a retry');
      return false;
    }
  }
}

/** Dates come back from JSON as strings. */
function revive(n: Notification): Notification {
  return { ...n, ref: { ...n.ref, updatedAt: new Date(n.ref.updatedAt) } };
}
