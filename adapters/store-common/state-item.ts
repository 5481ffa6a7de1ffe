import { randomUUID } from 'node:crypto';
import type { StoreItem } from '../../domain';

/**
 * Conversation state is kept as a JSON string, never as a document: botbuilder's state may hold keys
 * that start with `$` or contain `.`, and as a string nothing in it can ever be read as a query operator.
 */
export function encodeStateItem(item: StoreItem): string {
  const { eTag: _eTag, ...data } = item;
  return JSON.stringify(data);
}

export function decodeStateItem(json: string, eTag: string): StoreItem {
  const data = JSON.parse(json) as Record<string, unknown>;
  return { ...data, eTag };
}

/** Every write gets a fresh, unguessable eTag, so a stale writer can never match by accident. */
export const newETag = (): string => randomUUID();

/** An item written on condition of its eTag ('*' and none mean unconditional). */
export function conditionalETag(item: StoreItem): string | undefined {
  return typeof item.eTag === 'string' && item.eTag !== '*' ? item.eTag : undefined;
}
