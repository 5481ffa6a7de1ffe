import { ENV, resolveMongoServer, type MongoServer } from './mongo-server';

/**
 * jest globalSetup: one MongoDB-compatible server for the whole run (see mongo-server.ts). The test
 * files run in workers started after this, so they inherit the variables set here.
 */
declare global {
  var __partnerLinkMongoServer: MongoServer | undefined;
}

export default async function mongoGlobalSetup(): Promise<void> {
  const found = await resolveMongoServer();
  if ('unavailable' in found) {
    process.env[ENV.unavailable] = found.unavailable;
    return;
  }
  process.env[ENV.uri] = found.uri;
  process.env[ENV.source] = found.source;
  globalThis.__partnerLinkMongoServer = found;
}
