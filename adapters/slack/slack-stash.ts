import { createHash } from 'node:crypto';
import type { KeyValuePort, ProcessedEventPort } from '../../domain';

/** Where the stash kept its values before the key-value store: done inbox records `slack-kv:<key>`. */
export const LEGACY_KV_SOURCE = 'slack-kv';
/**
 * How long a stashed payload lives: longer than a request stays open (REQUEST_EXPIRY_DAYS, 90 by
 * default), so any card a person can still act on has its buttons. Stashing it again renews it.
 */
export const STASH_TTL_MS = 180 * 24 * 60 * 60 * 1000;
const PREFIX = 'slack-stash:';

/**
 * Button payloads too long for a Slack button value (2000 chars), kept in the key-value store under
 * a hash of their content, with a time to live; the same payload stashed twice is one entry.
 */
export class SlackStash {
  private queued = new Map<string, string>();

  constructor(
    private readonly kv: KeyValuePort,
    /** Read when the key-value store does not have a key: values stashed before it existed. */
    private readonly legacy?: Pick<ProcessedEventPort, 'get'>,
  ) {}

  /** For RenderOptions.stash: rendering is synchronous, so the write is queued until flush(). */
  readonly stash = (json: string): string => {
    const key = `st1.${createHash('sha256').update(json).digest('base64url').slice(0, 32)}`;
    this.queued.set(key, json);
    return key;
  };

  async flush(now = new Date()): Promise<void> {
    const pending = [...this.queued];
    this.queued = new Map();
    for (const [key, json] of pending) await this.put(key, json, now);
  }

  async put(key: string, json: string, now = new Date()): Promise<void> {
    await this.kv.set(PREFIX + key, json, STASH_TTL_MS, now);
  }

  async load(key: string, now = new Date()): Promise<string | undefined> {
    const value = await this.kv.get(PREFIX + key, now);
    if (value !== undefined || !this.legacy) return value;
    const found = await this.legacy.get(`${LEGACY_KV_SOURCE}:${key}`);
    return typeof found?.payload.json === 'string' ? found.payload.json : undefined;
  }
}
