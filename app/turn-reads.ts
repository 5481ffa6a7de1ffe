import { AsyncLocalStorage } from 'node:async_hooks';
import type { DirectoryPort, KeyValuePort, StorePort } from '../domain';
import { deepFreeze } from '../domain/deep-freeze';

/** What one turn has read so far; `open` is false once the turn has ended (work it left behind reads the store again). */
interface TurnScope {
  open: boolean;
  reads: Map<string, Promise<unknown>>;
}

/** Directory reads kept for the rest of the turn (listOrganizations, the whole directory, never is). */
const DIRECTORY_READS: ReadonlySet<string> = new Set<keyof DirectoryPort>([
  'getOrganization',
  'getPerson',
  'findPersonByIdentity',
  'listPeople',
  'findPartnerByPartnerId',
  'findOrganizationByTenant',
  'findOrganizationBySlackWorkspace',
  'listLinks',
  'listRelationships',
  'getSubscription',
  'listSubscriptions',
  'findCandidates',
  'listLinksOfResellers',
  'getOrganizations',
  'listPeopleOfOrganizations',
]);

/**
 * Issue 19: a turn read the asker's organization three times, a language setting twice and, on Slack,
 * the customer's relationships twice; on MongoDB each read is a round trip. Inside `run`, the ports
 * this hands out answer a read they have already answered in the same turn from what they answered
 * then (frozen: no caller may change it), and forget everything the turn read from a port as soon as
 * the turn writes through that port. Nothing is kept across turns: a bot instance is stateless and
 * others may change the store between two turns, so each turn starts empty, and work a turn leaves
 * running after it ends reads the store again. Outside a turn (schedules, start-up) they pass through.
 */
export class TurnReads {
  private readonly scope = new AsyncLocalStorage<TurnScope>();

  /** Runs one turn with a read cache of its own. */
  async run<T>(turn: () => Promise<T>): Promise<T> {
    const scope: TurnScope = { open: true, reads: new Map() };
    try {
      return await this.scope.run(scope, turn);
    } finally {
      scope.open = false;
      scope.reads.clear();
    }
  }

  /** The reads of the turn running now, if one is. */
  private current(): TurnScope | undefined {
    const scope = this.scope.getStore();
    return scope?.open ? scope : undefined;
  }

  /** The answer this turn already has for `key`, else `load()`'s, kept (a failed read is not kept). */
  private read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const scope = this.current();
    if (!scope) return load();
    const kept = scope.reads.get(key);
    if (kept) return kept as Promise<T>;
    const loading = load().then(deepFreeze);
    scope.reads.set(key, loading);
    loading.catch(() => {
      if (scope.reads.get(key) === loading) scope.reads.delete(key);
    });
    return loading;
  }

  /** Forgets what this turn read whose key starts with `prefix`. */
  private forget(prefix: string): void {
    const scope = this.current();
    if (!scope) return;
    for (const key of [...scope.reads.keys()]) if (key.startsWith(prefix)) scope.reads.delete(key);
  }

  directory(inner: DirectoryPort): DirectoryPort {
    return new Proxy(inner, {
      get: (target, prop, receiver) => {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function' || typeof prop !== 'string') return value;
        const method = value as (...args: unknown[]) => Promise<unknown>;
        if (DIRECTORY_READS.has(prop)) return (...args: unknown[]) => this.read(`dir\u0000${prop}\u0000${JSON.stringify(args)}`, () => method.apply(target, args));
        if (prop === 'listOrganizations' || prop === 'isEmpty') return (...args: unknown[]) => method.apply(target, args);
        // A write (or anything else): what this turn read from the directory may no longer hold.
        return async (...args: unknown[]) => {
          this.forget('dir\u0000');
          try {
            return await method.apply(target, args);
          } finally {
            this.forget('dir\u0000');
          }
        };
      },
    });
  }

  keyValues(inner: KeyValuePort): KeyValuePort {
    const forgetKey = (key: string) => this.forget(`kv\u0000${key}\u0000`);
    const around = async <T>(key: string | undefined, write: () => Promise<T>): Promise<T> => {
      if (key === undefined) this.forget('kv\u0000');
      else forgetKey(key);
      try {
        return await write();
      } finally {
        if (key === undefined) this.forget('kv\u0000');
        else forgetKey(key);
      }
    };
    return {
      // Within a turn an entry read once is taken as it was (a turn lasts milliseconds; a TTL is minutes or more).
      get: (key, now) => this.read(`kv\u0000${key}\u0000`, () => inner.get(key, now)),
      set: (key, value, ttlMs, now) => around(key, () => inner.set(key, value, ttlMs, now)),
      delete: (key) => around(key, () => inner.delete(key)),
      pruneExpired: (now) => around(undefined, () => inner.pruneExpired(now)),
      lease: (key, holder, ttlMs, now) => around(key, () => inner.lease(key, holder, ttlMs, now)),
      releaseLease: (key, holder) => around(key, () => inner.releaseLease(key, holder)),
    };
  }

  /** The store with its directory and key-value ports read through this turn cache; everything else as it is. */
  store(inner: StorePort): StorePort {
    const directory = this.directory(inner.directory);
    const keyValues = this.keyValues(inner.keyValues);
    return new Proxy(inner, {
      get: (target, prop, receiver) => {
        if (prop === 'directory') return directory;
        if (prop === 'keyValues') return keyValues;
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}
