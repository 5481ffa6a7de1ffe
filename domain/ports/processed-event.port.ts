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
  complete(id: string, now: Date): Promise<void>;
  get(id: string): Promise<InboxEvent | undefined>;
  /** Events claimed but never completed (for recovery after a crash), oldest first. */
  listPending(olderThan: Date, limit?: number): Promise<InboxEvent[]>;
  /** Counts an attempt at processing; returns the new count. */
  recordAttempt(id: string): Promise<number>;
}
