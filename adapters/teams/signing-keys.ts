import { CodedError } from '../../domain';

/**
 * The Bot Framework's signing-key metadata, fetched once for everyone: an OpenID configuration, then
 * the keys at its `jwks_uri`. botframework-connector fetches it without a time-out, once per waiting
 * request, so an unreachable login.botframework.com made every request hang. Here each fetch has a
 * time-out, concurrent callers share the one in flight, keys are kept for a day, and after a failure
 * callers are refused at once (SigningKeysUnavailableError, with a Retry-After) until the next try.
 */
export interface SigningKeysOptions {
  /** Per HTTP request of the fetch (the configuration, then the keys). */
  timeoutMs?: number;
  /** After a failed fetch, callers are refused for this long before the next fetch. */
  retryAfterMs?: number;
  /** Keys are refetched after this long, or sooner for an unknown key ID (at most every `unknownKeyRefreshMs`). */
  maxAgeMs?: number;
  unknownKeyRefreshMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
  /** Told of every failed fetch (once per fetch, not per caller). */
  onFailure?: (url: string, reason: string, retryAfterSeconds: number) => void;
}

export class SigningKeysUnavailableError extends CodedError<'SIGNING_KEYS_UNAVAILABLE'> {
  constructor(
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super('SIGNING_KEYS_UNAVAILABLE', `Microsoft's signing keys could not be fetched; try again in ${retryAfterSeconds} s.`, options);
  }
}

interface Entry {
  kids: Set<string>;
  fetchedAt: number;
}

export class SigningKeys {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  private readonly failedUntil = new Map<string, number>();
  private readonly o: Required<Omit<SigningKeysOptions, 'onFailure'>> & Pick<SigningKeysOptions, 'onFailure'>;

  constructor(options: SigningKeysOptions = {}) {
    this.o = {
      timeoutMs: options.timeoutMs ?? 5_000,
      retryAfterMs: options.retryAfterMs ?? 30_000,
      maxAgeMs: options.maxAgeMs ?? 24 * 60 * 60 * 1000,
      unknownKeyRefreshMs: options.unknownKeyRefreshMs ?? 5 * 60 * 1000,
      now: options.now ?? Date.now,
      fetch: options.fetch ?? fetch,
      ...(options.onFailure ? { onFailure: options.onFailure } : {}),
    };
  }

  /**
   * Whether the metadata at `url` has a key `kid` (fetching it first if needed). Throws
   * SigningKeysUnavailableError when the metadata cannot be had now.
   */
  async hasKey(url: string, kid: string): Promise<boolean> {
    const now = this.o.now();
    let entry = this.entries.get(url);
    const stale = !entry || now - entry.fetchedAt > this.o.maxAgeMs;
    const unknown = entry !== undefined && !entry.kids.has(kid) && now - entry.fetchedAt > this.o.unknownKeyRefreshMs;
    if (stale || unknown) {
      try {
        entry = await this.refresh(url);
      } catch (err) {
        // Stale keys still check tokens signed with them; only a cold cache refuses.
        if (!entry || now - entry.fetchedAt > this.o.maxAgeMs) throw err;
      }
    }
    return entry!.kids.has(kid);
  }

  private refresh(url: string): Promise<Entry> {
    const running = this.inFlight.get(url);
    if (running) return running;
    const until = this.failedUntil.get(url) ?? 0;
    const now = this.o.now();
    if (now < until) return Promise.reject(new SigningKeysUnavailableError(Math.ceil((until - now) / 1000)));
    const work = this.fetchKeys(url)
      .then((kids) => {
        const entry = { kids, fetchedAt: this.o.now() };
        this.entries.set(url, entry);
        this.failedUntil.delete(url);
        return entry;
      })
      .catch((err: unknown) => {
        const seconds = Math.ceil(this.o.retryAfterMs / 1000);
        this.failedUntil.set(url, this.o.now() + this.o.retryAfterMs);
        this.o.onFailure?.(url, err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200), seconds);
        throw new SigningKeysUnavailableError(seconds, { cause: err });
      })
      .finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, work);
    return work;
  }

  private async fetchKeys(url: string): Promise<Set<string>> {
    const config = (await this.getJson(url)) as { jwks_uri?: unknown };
    if (typeof config.jwks_uri !== 'string' || !/^https:\/\//.test(config.jwks_uri)) throw new Error('the OpenID configuration has no https jwks_uri');
    const jwks = (await this.getJson(config.jwks_uri)) as { keys?: unknown };
    if (!Array.isArray(jwks.keys)) throw new Error('the key set has no keys');
    return new Set(jwks.keys.map((k) => (k as { kid?: unknown }).kid).filter((kid): kid is string => typeof kid === 'string'));
  }

  /** One GET with a hard deadline (the abort signal, and a race in case the transport ignores it). */
  private async getJson(url: string): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from ${new URL(url).host} in ${this.o.timeoutMs} ms`)), this.o.timeoutMs);
    });
    try {
      return await Promise.race([
        (async () => {
          const res = await this.o.fetch(url, { signal: AbortSignal.timeout(this.o.timeoutMs) });
          if (!res.ok) throw new Error(`${new URL(url).host} answered ${res.status}`);
          return (await res.json()) as unknown;
        })(),
        deadline,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
