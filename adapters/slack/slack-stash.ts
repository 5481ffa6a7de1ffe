import { createHash } from 'node:crypto';
import type { ProcessedEventPort } from '../../domain';

export const KV_SOURCE = 'slack-kv';

/**
 * Button payloads too long for a Slack button value (2000 chars), kept durably under a hash of their
 * content. It reuses the event inbox as an insert-only table: each value is an already-completed
 * event, so crash recovery never picks it up; the same payload stashed twice is stored once.
 */
export class SlackStash {
  private queued = new Map<string, string>();

  constructor(private readonly events: ProcessedEventPort) {}

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
    const id = `${KV_SOURCE}:${key}`;
    if ((await this.events.claim({ id, source: KV_SOURCE, payload: { json } }, now)) === 'new') await this.events.complete(id, now);
  }

  async load(key: string): Promise<string | undefined> {
    const found = await this.events.get(`${KV_SOURCE}:${key}`);
    return typeof found?.payload.json === 'string' ? found.payload.json : undefined;
  }
}
