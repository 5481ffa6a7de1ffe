import type { StorePort } from '../../domain';
import type { LoggerPort, OrganizationNames } from '../ports';
import type { ScheduledJob } from '../schedules/schedules';

/** How the recognizer's organization-name index is made, written out and read back (dialogs/recognition's OrganizationIndex). */
export interface OrganizationIndexCodec<T> {
  build(organizations: readonly OrganizationNames[]): T | Promise<T>;
  toBytes(index: T): Uint8Array;
  /** undefined when the bytes are not an index this code can use (another version's, damaged). */
  fromBytes(bytes: Uint8Array): T | undefined;
}

export interface OrganizationIndexRefresherDeps<T> {
  store: Pick<StorePort, 'organizationIndex'>;
  codec: OrganizationIndexCodec<T>;
  /** Puts a new index in use (one assignment: a turn matches against the old index or the new one, whole). */
  use: (index: T) => void;
  logger?: LoggerPort;
}

/** What a look at the store did. */
export type RefreshOutcome = 'unchanged' | 'read' | 'built' | 'failed';

/** The directory's organizations as the recognizer matches them by name. */
export async function organizationNames(store: Pick<StorePort, 'organizationIndex'>): Promise<OrganizationNames[]> {
  return (await store.organizationIndex.organizationNames()).map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));
}

/**
 * Keeps the recognizer's organization-name index the directory's in a running process, whatever wrote the
 * names (a Partner Center sync, `seed`, another instance on the same MongoDB, this one). `load` makes the
 * first index at start; `refresh` (the scheduled job, every ORGANIZATION_INDEX_REFRESH_SECONDS) reads the
 * store's names generation, one small read, and only when it changed reads the index saved for that
 * generation, else builds it from the directory and saves it, so that of N instances typically one
 * builds and the others read its bytes. Turns never wait for it: the job runs beside them and the new
 * index replaces the old in one assignment. One refresh at a time; a failed one logs a warning and keeps
 * the index in use, and the next tick tries again.
 */
export class OrganizationIndexRefresher<T> {
  /** The names generation of the index in use (undefined before `load`). */
  private generation: number | undefined;
  private running: Promise<RefreshOutcome> | undefined;

  constructor(private readonly deps: OrganizationIndexRefresherDeps<T>) {}

  /** The index of the names now, read back or built (and saved); a failure is thrown (start-up stops). */
  async load(): Promise<T> {
    const { index, generation } = await this.readOrBuild();
    this.generation = generation;
    return index;
  }

  /** Looks at the names generation and, when it changed, puts the index of the new names in use. */
  refresh(): Promise<RefreshOutcome> {
    this.running ??= this.check().finally(() => (this.running = undefined));
    return this.running;
  }

  job(everyMs: number): ScheduledJob {
    return { name: 'organization-index-refresh', everyMs, run: () => this.refresh() };
  }

  private async check(): Promise<RefreshOutcome> {
    try {
      if ((await this.deps.store.organizationIndex.namesGeneration()) === this.generation) return 'unchanged';
      const { index, generation, how } = await this.readOrBuild();
      this.deps.use(index);
      this.generation = generation;
      return how;
    } catch (err) {
      this.deps.logger?.warn({ err: safeError(err) }, 'organization-name index not refreshed; the one in use is kept and the next check tries again');
      return 'failed';
    }
  }

  private async readOrBuild(): Promise<{ index: T; generation: number; how: 'read' | 'built' }> {
    const { codec, store, logger } = this.deps;
    const t0 = performance.now();
    const { bytes, generation } = await store.organizationIndex.savedOrganizationIndex();
    const read = bytes ? codec.fromBytes(bytes) : undefined;
    if (read) {
      logger?.info({ generation, bytes: bytes!.length, ms: Math.round(performance.now() - t0) }, 'organization-name index read back from the store');
      return { index: read, generation, how: 'read' };
    }
    const built = await codec.build(await organizationNames(store));
    const out = codec.toBytes(built);
    // Refused when names changed meanwhile: this index is then used with the older generation, and the next check builds again.
    const saved = await store.organizationIndex.saveOrganizationIndex(out, generation);
    logger?.info({ generation, bytes: out.length, ms: Math.round(performance.now() - t0), saved }, bytes ? 'organization-name index saved by other rules: built again' : 'organization-name index built from the directory');
    return { index: built, generation, how: 'built' };
  }
}

/** An error's name, code and message, with any credentials in a URI taken out. */
function safeError(err: unknown): { name: string; code?: unknown; message: string } {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  return { name: e.name, ...(code !== undefined ? { code } : {}), message: e.message.replace(/\/\/[^/@\s]*@/g, '//[redacted]@') };
}
