/**
 * Jest runs TypeScript through ts-jest in transpile-only mode (type checking is `npm run typecheck`'s job).
 * Not @swc/jest, and Jest 29 rather than 30: both pull platform binaries (@swc/core-*, @unrs/resolver-binding-*)
 * that this machine's registry mirror does not serve for other platforms, which leaves a lock file `npm ci` refuses.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  // One MongoDB-wire server for the whole run (MONGODB_URI, else FerretDB from .ci/bin, else
  // mongodb-memory-server); the MongoDB contract suite fails under CI=true when there is none.
  globalSetup: '<rootDir>/test/support/mongo.global-setup.ts',
  globalTeardown: '<rootDir>/test/support/mongo.global-teardown.ts',
  // Two cores: the suites that start servers are heavy, keep one worker free for them.
  maxWorkers: 2,
};
