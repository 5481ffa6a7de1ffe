import { createHash } from 'node:crypto';
import { LIMITS } from './slack-limits';

/**
 * Input block ids. Slack returns input values keyed by block_id, so the block_id carries what is needed
 * to rebuild the Adaptive Card value: the input's kind, whether it is required, and its id:
 *
 *   aci<K><R>[.<n>]:<id>     the id itself, when it fits in 255 chars and is plain text
 *   aci<K><R>[.<n>]#<hash>   a stable hash; the id travels in the button payload's token table
 *
 * <K> is the kind letter, <R> 1 for required, .<n> tells apart a repeated id (an authoring error that
 * Slack would reject as a duplicate block_id). Hashes are deterministic, so a card renders identically
 * every time and an old message still maps back.
 */
export type InputKind = 'text' | 'number' | 'date' | 'time' | 'choice' | 'multiChoice' | 'toggle';

const KIND_CODE: Record<InputKind, string> = {
  text: 'T',
  number: 'N',
  date: 'D',
  time: 'H',
  choice: 'C',
  multiChoice: 'M',
  toggle: 'G',
};
const CODE_KIND = new Map(Object.entries(KIND_CODE).map(([k, c]) => [c, k as InputKind]));

export const TOKEN_PREFIX = '~';
const HASH_CHARS = 16;
const BLOCK_ID = /^aci([A-Z])([01])(?:\.(\d{1,4}))?([:#])([\s\S]*)$/;

/** A short, stable stand-in for a string too long or too odd to travel as itself. */
export function tokenFor(value: string): string {
  return TOKEN_PREFIX + createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, HASH_CHARS);
}

/** Whether a string can travel verbatim in an id or option value of at most `max` chars. */
export function isVerbatimSafe(value: string, max: number): boolean {
  return (
    value.length > 0 &&
    value.length <= max &&
    !value.startsWith(TOKEN_PREFIX) &&
    value.trim() === value &&
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    !/[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF]/.test(value)
  );
}

export interface EncodedBlockId {
  blockId: string;
  /** Set when the id was replaced by a hash: the token to record in the payload's table. */
  token?: string;
}

export function encodeInputBlockId(kind: InputKind, required: boolean, id: string, occurrence = 1): EncodedBlockId {
  const prefix = `aci${KIND_CODE[kind]}${required ? 1 : 0}${occurrence > 1 ? `.${occurrence}` : ''}`;
  const exact = `${prefix}:${id}`;
  if (exact.length <= LIMITS.blockId && isVerbatimSafe(id, LIMITS.blockId)) return { blockId: exact };
  const token = tokenFor(id);
  return { blockId: `${prefix}#${token.slice(TOKEN_PREFIX.length)}`, token };
}

export interface DecodedBlockId {
  kind: InputKind;
  required: boolean;
  /** The input id, when it travelled verbatim. */
  id?: string;
  /** The token to look up in the payload's table otherwise. */
  token?: string;
}

export function decodeInputBlockId(blockId: string): DecodedBlockId | undefined {
  const m = BLOCK_ID.exec(blockId);
  if (!m) return undefined;
  const kind = CODE_KIND.get(m[1]!);
  if (!kind) return undefined;
  const required = m[2] === '1';
  if (m[4] === ':') return m[5] ? { kind, required, id: m[5] } : undefined;
  return /^[A-Za-z0-9_-]{16}$/.test(m[5]!) ? { kind, required, token: TOKEN_PREFIX + m[5] } : undefined;
}
