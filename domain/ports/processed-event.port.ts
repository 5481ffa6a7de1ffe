/**
 * A durable inbox of incoming platform deliveries (Slack event IDs, button clicks, commands; the
 * notification outbox also keeps its records here until it moves into the request document): an
 * event is recorded before it is acknowledged, processed once, and found again after a crash if it
 * was not completed. `claim` is atomic (a unique key in the store), so two deliveries of one event,
 * on one instance or two, see exactly one 'new'.
 *
 * Every query names its source and is filtered in the store: one source's backlog never hides
 * another's. A delivery that keeps failing is moved aside as `dead` (kept with its body and reason,
 * never retried, listed for an operator); key-value data lives in its own port (KeyValuePort).
 */
export type InboxStatus = 'pending' | 'done' | 'dead';

export interface InboxEvent {
  id: string;
  source: string;
  payload: Record<string, unknown>;
  status: InboxStatus;
  receivedAt: Date;
  /** When it is next due (listDue): the time it was received unless rescheduled. */
  dueAt: Date;
  /** When it was marked done or dead. */
  completedAt?: Date;
  attempts: number;
  /** Why it was moved aside (dead only). */
  deadReason?: string;
}

export interface ProcessedEventPort {
  /**
   * 'new' the first time an ID is seen, 'duplicate' afterwards (whatever its status). `dueAt`: when
   * listDue first returns it (default `now`).
   */
  claim(event: { id: string; source: string; payload: Record<string, unknown> }, now: Date, opts?: { dueAt?: Date }): Promise<'new' | 'duplicate'>;
  /**
   * Marks it done. `dropPayload`: the payload is not needed any more (a processed delivery: only its ID
   * is, to recognise a duplicate), so the store need not keep it.
   */
  complete(id: string, now: Date, opts?: { dropPayload?: boolean }): Promise<void>;
  /** Moves a pending event aside: never due again, a duplicate is still a duplicate, the payload is kept. */
  markDead(id: string, now: Date, reason: string): Promise<void>;
  /**
   * Forgets done events of one source completed before `before` (no duplicate of them is expected any
   * more). Pending and dead events and other sources are kept. Returns how many were removed.
   */
  pruneDone(source: string, before: Date): Promise<number>;
  /** Forgets dead events of one source moved aside before `before`. Returns how many were removed. */
  pruneDead(source: string, before: Date): Promise<number>;
  get(id: string): Promise<InboxEvent | undefined>;
  /** Pending events of one source due at `now` or before (dueAt), soonest first, up to `limit`. */
  listDue(source: string, now: Date, limit?: number): Promise<InboxEvent[]>;
  /** Dead events (of one source, or all), oldest first, up to `limit`. */
  listDead(source?: string, limit?: number): Promise<InboxEvent[]>;
  /** Moves a pending event's due time (a retry with backoff). */
  reschedule(id: string, dueAt: Date): Promise<void>;
  /**
   * Recovery's claim on a pending event: true for exactly one caller until `until` (a lease), false if
   * it is done or someone else holds an unexpired lease. Two instances recovering at once cannot both
   * process the same event.
   */
  takeOver(id: string, now: Date, until: Date): Promise<boolean>;
  /** Counts an attempt at processing; returns the new count. */
  recordAttempt(id: string): Promise<number>;
}
