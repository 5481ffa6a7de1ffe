/** jest globalTeardown: stops the server mongo.global-setup.ts started (never one given by MONGODB_URI). */
export default async function mongoGlobalTeardown(): Promise<void> {
  await globalThis.__partnerLinkMongoServer?.stop();
  globalThis.__partnerLinkMongoServer = undefined;
}
