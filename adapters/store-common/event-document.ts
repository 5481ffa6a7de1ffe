import type { InboxEvent } from '../../domain';

/** Inbox events: the payload (a platform's webhook body) is stored as a JSON string, like state. */
export function newEventDocument(event: { id: string; source: string; payload: Record<string, unknown> }, now: Date) {
  return { _id: event.id, source: event.source, payload: JSON.stringify(event.payload), status: 'pending', receivedAt: now, attempts: 0 };
}

export function eventFromDocument(doc: Record<string, unknown>): InboxEvent {
  return {
    id: String(doc._id),
    source: String(doc.source),
    payload: JSON.parse(String(doc.payload)) as Record<string, unknown>,
    status: doc.status === 'done' ? 'done' : 'pending',
    receivedAt: new Date(doc.receivedAt as string | number | Date),
    ...(doc.completedAt ? { completedAt: new Date(doc.completedAt as string | number | Date) } : {}),
    attempts: typeof doc.attempts === 'number' ? doc.attempts : 0,
  };
}

export const DEFAULT_PENDING_LIMIT = 100;

/** The stored form of a dropped payload (see ProcessedEventPort.complete). */
export const DROPPED_PAYLOAD = JSON.stringify({});
