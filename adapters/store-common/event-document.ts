import type { InboxEvent, InboxStatus } from '../../domain';

/** Inbox events: the payload (a platform's webhook body) is stored as a JSON string, like state. */
export function newEventDocument(event: { id: string; source: string; payload: Record<string, unknown> }, now: Date, dueAt?: Date) {
  return { _id: event.id, source: event.source, payload: JSON.stringify(event.payload), status: 'pending', receivedAt: now, dueAt: dueAt instanceof Date && !Number.isNaN(dueAt.getTime()) ? dueAt : now, attempts: 0 };
}

const STATUSES: readonly InboxStatus[] = ['pending', 'done', 'dead'];

export function eventFromDocument(doc: Record<string, unknown>): InboxEvent {
  const receivedAt = new Date(doc.receivedAt as string | number | Date);
  return {
    id: String(doc._id),
    source: String(doc.source),
    payload: JSON.parse(String(doc.payload)) as Record<string, unknown>,
    status: STATUSES.find((s) => s === doc.status) ?? 'pending',
    receivedAt,
    // Records written before due times existed are due from when they were received.
    dueAt: doc.dueAt ? new Date(doc.dueAt as string | number | Date) : receivedAt,
    ...(doc.completedAt ? { completedAt: new Date(doc.completedAt as string | number | Date) } : {}),
    attempts: typeof doc.attempts === 'number' ? doc.attempts : 0,
    ...(typeof doc.deadReason === 'string' ? { deadReason: doc.deadReason } : {}),
  };
}

export const DEFAULT_PENDING_LIMIT = 100;

/** The stored form of a dropped payload (see ProcessedEventPort.complete). */
export const DROPPED_PAYLOAD = JSON.stringify({});

/** A dead event's reason is for a person reading a list: one line, bounded. */
export const deadReasonOf = (reason: unknown): string => (typeof reason === 'string' ? reason : 'unknown').replace(/\s+/g, ' ').slice(0, 500);

/** A valid Date, or undefined. */
export const asDate = (value: unknown): Date | undefined => (value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined);
