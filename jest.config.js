/** Jest runs TypeScript through swc (type checking is `npm run typecheck`'s job). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testTimeout: 30000,
  // One MongoDB-wire server for the whole run (MONGODB_URI, else FerretDB from .ci/bin, else
  // mongodb-memory-server); the MongoDB contract suite fails under CI=true when there is none.
  globalSetup: '<rootDir>/test/support/mongo.global-setup.ts',
  globalTeardown: '<rootDir>/test/support/mongo.global-teardown.ts',
  // Two cores: the suites that start servers are heavy, keep one worker free for them.
  maxWorkers: 2,
};
