import { openStore } from '../adapters/open-store';
import { randomRequestIds } from '../adapters/system/request-ids';
import { PartnerLinkService, systemClock, type ClockPort, type ImportProgress, type PartnerRegistryPort, type StorePort } from '../domain';
import type { Config } from './config';
import { readDirectoryFile } from './directory-file';
import type { Logger } from './logger';

export async function openConfiguredStore(config: Config): Promise<StorePort> {
  return openStore({
    dataDir: config.dataDir,
    ...(config.MONGODB_URI ? { mongodbUri: config.MONGODB_URI } : {}),
    ...(config.MONGODB_DB ? { dbName: config.MONGODB_DB } : {}),
  });
}

export function createService(store: StorePort, config: Pick<Config, 'policy'>, clock: ClockPort = systemClock, partnerRegistry?: PartnerRegistryPort): PartnerLinkService {
  return new PartnerLinkService({
    directory: store.directory,
    requests: store.requests,
    clock,
    ids: randomRequestIds,
    policy: config.policy,
    ...(partnerRegistry ? { partnerRegistry } : {}),
  });
}

/**
 * On a fresh store, loads the configured directory file (the sample by default) so that a first
 * `npm start` has people and organizations to talk to. A store with data is never touched.
 */
export async function seedIfEmpty(store: StorePort, config: Config, logger: Logger, hooks: { onSeeding?: () => void; onProgress?: (p: ImportProgress) => void } = {}): Promise<void> {
  if (!config.seedDirectory || !(await store.directory.isEmpty())) return;
  hooks.onSeeding?.();
  const file = await readDirectoryFile(config.seedDirectory);
  if (!file.ok) {
    throw new Error(`The seed directory ${config.seedDirectory} is invalid:\n${file.errors.join('\n')}\nFix it, or set SEED_DIRECTORY=none.`);
  }
  const counts = await store.directory.importDirectory(file.data, hooks.onProgress ? { onProgress: hooks.onProgress } : {});
  logger.info({ file: config.seedDirectory, ...counts }, 'empty store: loaded the seed directory');
}
