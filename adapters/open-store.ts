import type { StorePort } from '../domain';
import { EmbeddedStore } from './embedded';

export interface OpenStoreOptions {
  /** MONGODB_URI: when set, MongoDB (any number of instances); else the embedded store. */
  mongodbUri?: string;
  /** DATA_DIR: the embedded store's folder (one instance). */
  dataDir: string;
  dbName?: string;
}

/**
 * Opens the configured store. Failures are StoreOpenErrors that name the setting to fix: an
 * unreachable MongoDB fails within about five seconds naming MONGODB_URI (password redacted), an
 * unwritable folder names DATA_DIR.
 */
export async function openStore(opts: OpenStoreOptions): Promise<StorePort> {
  if (opts.mongodbUri) {
    // Loaded only when used: mongoose and the driver are ~30 MB and a tenth of a second at start-up.
    const { MongoStore } = await import('./mongo');
    return MongoStore.open({ uri: opts.mongodbUri, ...(opts.dbName ? { dbName: opts.dbName } : {}) });
  }
  return EmbeddedStore.open({ dataDir: opts.dataDir });
}

export { StoreOpenError } from './store-common';
