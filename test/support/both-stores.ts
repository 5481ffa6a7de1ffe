import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { ENV, HOW_TO_RUN } from './mongo-server';

/** One store a test runs on: the embedded store, or MongoDB (FerretDB) in a database of its own. */
export interface StoreUnderTest {
  name: 'embedded' | 'mongodb';
  /** Options for createBotHarness / createSlackHarness. */
  options(): { mongodbUri?: string; dbName?: string };
  /** Drops what the test wrote (the MongoDB database); nothing for the embedded store (its folder goes with the harness). */
  cleanUp(): Promise<void>;
}

const uri = process.env.MONGODB_URI || process.env[ENV.uri];

/**
 * Both stores, for tests that must hold on each. Without a MongoDB-wire server the MongoDB case is
 * left out with a warning, except under CI=true, where it runs and fails.
 */
export function bothStores(): StoreUnderTest[] {
  const embedded: StoreUnderTest = { name: 'embedded', options: () => ({}), cleanUp: async () => undefined };
  if (!uri && process.env.CI !== 'true') {
    console.warn(`MongoDB case skipped: no MongoDB-wire server. ${HOW_TO_RUN}`);
    return [embedded];
  }
  let dbName = '';
  const mongo: StoreUnderTest = {
    name: 'mongodb',
    options() {
      if (!uri) throw new Error(`No MongoDB-wire server under CI=true. ${HOW_TO_RUN}`);
      dbName = `pl_t_${randomBytes(4).toString('hex')}`;
      return { mongodbUri: uri, dbName };
    },
    async cleanUp() {
      if (!uri || !dbName) return;
      const admin = await mongoose.createConnection(uri, { dbName }).asPromise();
      await admin.dropDatabase();
      await admin.close();
    },
  };
  return [embedded, mongo];
}
