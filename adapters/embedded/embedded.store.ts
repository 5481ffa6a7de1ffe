import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unwrap, type SavedOrganizationIndexPort, type StorePort } from '../../domain';
import { StoreOpenError } from '../store-common';
import { lockDataDir } from './data-dir-lock';
import { EmbeddedConversationState } from './embedded-conversation-state';
import { EmbeddedEvents } from './embedded-event.inbox';
import { EmbeddedKeyValues } from './embedded-key-value';
import { EmbeddedSlackInstallations } from './embedded-slack-installation';
import { EmbeddedReferences } from './embedded-reference.repository';
import { EmbeddedRequests } from './embedded-request.repository';
import { LevelDirectory } from './level-directory.repository';
import { CachedDirectory } from './cached-directory';
import type { LevelKv } from './level-kv';
import { openDirectoryKv } from './level-migrate';
import { closeDataFiles, compactChanged, openCollections, type Collections } from './nedb-collections';

export interface EmbeddedStoreOptions {
  /** Folder for the data files (one per collection); created if missing. */
  dataDir: string;
  /** How often to rewrite the append-only files compactly (default hourly). */
  compactEveryMs?: number;
}

const HOUR = 3_600_000;
/** Node's codes for a disk that is full, read-only or failing. */
const DISK_UNAVAILABLE = new Set<unknown>(['ENOSPC', 'EROFS', 'EIO']);

/**
 * The default store: no server, files in a folder. It is for ONE instance: a dev machine or a small
 * install. Only this process writes the folder, so a second instance on it is refused at start-up (a
 * lock file). To run several instances behind a load balancer, use MongoDB (MONGODB_URI).
 *
 * Issue 19: the directory (organizations, people, links, relationships, subscriptions) is a LevelDB in
 * `directory/`: on disk, read on demand, so memory does not grow with it. The operational collections
 * (requests, conversation state, references, inbox, key-values, Slack installations) are nedb files, held
 * in memory; every write is awaited until nedb has appended it to the file (nedb does not fsync each
 * append: a power cut may lose the last writes).
 */
export class EmbeddedStore implements StorePort {
  readonly kind = 'embedded' as const;
  /** The LevelDB directory behind a bounded cache of recent answers (issue 19; see CachedDirectory). */
  readonly directory: CachedDirectory;
  readonly requests: EmbeddedRequests;
  readonly conversationState: EmbeddedConversationState;
  readonly references: EmbeddedReferences;
  readonly events: EmbeddedEvents;
  readonly keyValues: EmbeddedKeyValues;
  readonly slackInstallations: EmbeddedSlackInstallations;
  /** Issue 19: the recognizer's organization-name index, saved beside the directory (app/recognition/organization-index.refresher.ts). */
  readonly organizationIndex: SavedOrganizationIndexPort;
  private closed = false;
  private readonly compactTimer: NodeJS.Timeout;

  private constructor(
    readonly location: string,
    private readonly collections: Collections,
    private readonly directoryKv: LevelKv,
    private readonly unlock: () => Promise<void>,
    compactEveryMs: number,
  ) {
    const level = new LevelDirectory(directoryKv);
    this.directory = new CachedDirectory(level);
    this.organizationIndex = level;
    this.requests = new EmbeddedRequests(collections.requests);
    this.conversationState = new EmbeddedConversationState(collections['conversation-state']);
    this.references = new EmbeddedReferences(collections['conversation-references']);
    this.events = new EmbeddedEvents(collections['inbox-events']);
    this.keyValues = new EmbeddedKeyValues(collections['key-values']);
    this.slackInstallations = new EmbeddedSlackInstallations(collections['slack-installations']);
    // nedb's own autocompaction timer would keep the process alive; ours does not.
    this.compactTimer = setInterval(() => void this.compact().catch(() => undefined), compactEveryMs);
    this.compactTimer.unref();
  }

  static async open(opts: EmbeddedStoreOptions): Promise<EmbeddedStore> {
    const dir = resolve(opts.dataDir);
    try {
      await mkdir(dir, { recursive: true });
      await access(dir, constants.W_OK);
    } catch (err) {
      throw new StoreOpenError(`DATA_DIR "${dir}" is not a writable folder (${(err as Error).message}). Set DATA_DIR to a folder this process may write.`, 'DATA_DIR', { cause: err });
    }
    const unlock = await lockDataDir(dir);
    try {
      const directoryKv = await openDirectoryKv(dir);
      try {
        const collections = await openCollections(dir);
        return new EmbeddedStore(dir, collections, directoryKv, unlock, opts.compactEveryMs ?? HOUR);
      } catch (err) {
        await directoryKv.close();
        throw err;
      }
    } catch (err) {
      await unlock();
      throw new StoreOpenError(`Cannot open the data files in DATA_DIR "${dir}": ${(err as Error).message}`, 'DATA_DIR', { cause: err });
    }
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  /**
   * The data files are local: only a full or unwritable disk makes them unavailable, also when that
   * error reaches us wrapped (botbuilder-dialogs' DialogContextError, a `cause`).
   */
  isUnavailable(err: unknown): boolean {
    return unwrap(err).some((e) => DISK_UNAVAILABLE.has((e as { code?: unknown } | null)?.code));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.compactTimer);
    // Compaction is queued behind every pending operation, so this also waits for them to finish.
    await this.compact();
    await closeDataFiles(this.collections);
    await this.directoryKv.close();
    await this.unlock();
  }

  private async compact(): Promise<void> {
    await compactChanged(this.collections);
  }
}
