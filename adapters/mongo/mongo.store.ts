import mongoose, { type Connection } from 'mongoose';
import type { StorePort } from '../../domain';
import { redactUri, StoreOpenError, uriHosts } from '../store-common';
import { createModels, ensureIndexes, type MongoModels } from './models';
import { MongoConversationState } from './mongo-conversation-state';
import { MongoDirectory } from './mongo-directory.repository';
import { isMongoUnavailable } from './mongo-errors';
import { MongoEvents } from './mongo-event.inbox';
import { MongoKeyValues } from './mongo-key-value';
import { MongoNamesGeneration, MongoOrganizationIndex } from './mongo-organization-index';
import { MongoSlackInstallations } from './mongo-slack-installation';
import { MongoReferences } from './mongo-reference.repository';
import { MongoRequests } from './mongo-request.repository';
import { WriteLocks, type WriteLockOptions } from './write-locks';

export interface MongoStoreOptions {
  uri: string;
  /** Database name; when absent, the one in the URI (or MongoDB's default). */
  dbName?: string;
  /** How long to look for a server before giving up (default 5 s, so a wrong URI fails fast). */
  serverSelectionTimeoutMS?: number;
  locks?: Partial<WriteLockOptions>;
}

/**
 * The scale-out store: any number of instances share one MongoDB (or FerretDB). Each store has its own
 * mongoose Connection (never the global one), so several stores can live in one process, and that
 * connection sanitizes every filter: an object with `$` keys coming from outside is compared as a
 * value, never run as an operator (the few operators we build are marked with `trusted`).
 */
export class MongoStore implements StorePort {
  readonly kind = 'mongodb' as const;
  readonly directory: MongoDirectory;
  readonly requests: MongoRequests;
  readonly conversationState: MongoConversationState;
  readonly references: MongoReferences;
  readonly events: MongoEvents;
  readonly keyValues: MongoKeyValues;
  readonly slackInstallations: MongoSlackInstallations;
  readonly organizationIndex: MongoOrganizationIndex;

  private constructor(
    readonly location: string,
    private readonly conn: Connection,
    models: MongoModels,
    lockOptions: Partial<WriteLockOptions> | undefined,
  ) {
    const locks = new WriteLocks(models.locks, lockOptions);
    const names = new MongoNamesGeneration(models.directoryMeta);
    this.directory = new MongoDirectory(models, locks, names);
    this.organizationIndex = new MongoOrganizationIndex(models, names);
    this.requests = new MongoRequests(models.requests, locks);
    this.conversationState = new MongoConversationState(models.state, locks);
    this.references = new MongoReferences(models.references);
    this.events = new MongoEvents(models.events, locks);
    this.keyValues = new MongoKeyValues(models.keyValues, locks);
    this.slackInstallations = new MongoSlackInstallations(models.slackInstallations);
  }

  static async open(opts: MongoStoreOptions): Promise<MongoStore> {
    const redacted = redactUri(opts.uri);
    let conn: Connection | undefined;
    try {
      conn = mongoose.createConnection(opts.uri, {
        ...(opts.dbName ? { dbName: opts.dbName } : {}),
        serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 5000,
        sanitizeFilter: true,
        // Fail at once when the server is gone rather than queueing writes in memory.
        bufferCommands: false,
        autoIndex: false,
        autoCreate: false,
      });
      await conn.asPromise();
    } catch (err) {
      await conn?.close().catch(() => undefined);
      const reason = (err as Error).message.trim().replace(/\.+$/, '');
      throw new StoreOpenError(
        `Cannot connect to MongoDB at ${uriHosts(opts.uri) || redacted} (MONGODB_URI=${redacted}): ${reason}. ` +
          'Check MONGODB_URI, or leave it unset to use the embedded store.',
        'MONGODB_URI',
        { cause: err },
      );
    }
    const location = `${redacted}${opts.dbName ? ` (database ${opts.dbName})` : ''}`;
    const models = createModels(conn);
    try {
      await ensureIndexes(models);
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw new StoreOpenError(`MongoDB at ${redacted} refused to create the indexes the store relies on: ${(err as Error).message}`, 'MONGODB_URI', { cause: err });
    }
    return new MongoStore(location, conn, models, opts.locks);
  }

  async ping(): Promise<boolean> {
    try {
      const db = this.conn.db;
      if (!db) return false;
      await db.admin().ping();
      return true;
    } catch {
      return false;
    }
  }

  isUnavailable(err: unknown): boolean {
    return isMongoUnavailable(err);
  }

  async close(): Promise<void> {
    await this.conn.close();
  }
}
