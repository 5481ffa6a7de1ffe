/**
 * A durable inbox of incoming events (Slack event IDs, button clicks, Teams activity IDs): an event is
 * recorded before it is acknowledged, processed once, and found again after a crash if it was not
 * completed. `claim` is atomic (a unique key in the store), so two deliveries of one event, on one
 * instance or two, see exactly one 'new'.
 */
export interface InboxEvent {
  id: string;
  source: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'done';
  receivedAt: Date;
  completedAt?: Date;
  attempts: number;
}

export interface ProcessedEventPort {
  /** 'new' the first time an ID is seen, 'duplicate' afterwards (whatever its status). */
  claim(event: { id: string; source: string; payload: Record<string, unknown> }, now: Date): Promise<'new' | 'duplicate'>;
  /**
   * Marks it done. `dropPayload`: the payload is not needed any more (a processed delivery: only its ID
   * is, to recognise a duplicate), so the store need not keep it.
   */
  complete(id: string, now: Date, opts?: { dropPayload?: boolean }): Promise<void>;
  /**
   * Forgets done events of one source completed before `before` (no duplicate of them is expected any
   * more). Pending events and other sources are kept. Returns how many were removed.
   */
  pruneDone(source: string, before: Date): Promise<number>;
  get(id: string): Promise<InboxEvent | undefined>;
  /** Events claimed but never completed (for recovery after a crash), oldest first. */
  listPending(olderThan: Date, limit?: number): Promise<InboxEvent[]>;
  /**
   * Recovery's claim on a pending event: true for exactly one caller until `until` (a lease), false if
   * it is done or someone else holds an unexpired lease. Two instances recovering at once cannot both
   * process the same event.
   */
  takeOver(id: string, now: Date, until: Date): Promise<boolean>;
  /** Counts an attempt at processing; returns the new count. */
  recordAttempt(id: string): Promise<number>;
}
