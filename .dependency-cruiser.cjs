/* global module -- a CommonJS file; the lint configuration declares no Node globals for it */
/**
 * The layers of Partner Link and what each may import, checked by dependency-cruiser over the resolved
 * module graph: type-only imports (tsPreCompilationDeps), re-exports, dynamic import() and require() all
 * count, whatever the quotes. Run it with `npm run depcruise`; CI runs it right after lint, and
 * test/architecture.test.ts proves every rule below fires on a deliberate violation.
 *
 * Paths are relative to the repository root: `domain/x.ts`, `node_modules/zod/...`; a Node builtin has
 * dependency type `core`. The product graph is domain, cards, app, dialogs, adapters and bot; test/,
 * bench/ and scripts/ sit outside it (they are not cruised as sources and not followed).
 *
 * The folder rules are allow-lists written as "anything else is forbidden". Each leaves out test/,
 * bench/ and scripts/ so that an import of test code is reported once, by product-imports-no-test-code,
 * not twice.
 */

/** The product's top-level folders (the ones `npm run depcruise` cruises). */
const PRODUCT = '^(domain|cards|app|dialogs|adapters|bot)/';
/** Reported by their own rule (product-imports-no-test-code), so the folder rules leave them out. */
const TEST_CODE = '^(test|bench|scripts)/';
/** An npm package, by its resolved path: `pkg('zod')` matches `node_modules/zod/...`. */
const pkg = (...names) => `^node_modules/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain-and-zod',
      comment:
        'The domain core is pure TypeScript and zod: the rules, the lifecycle and the ports. No Node builtin ' +
        '(it runs anywhere and tests without I/O), no platform or storage package, no other layer.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { pathNot: ['^domain/', pkg('zod'), TEST_CODE] },
    },
    {
      name: 'cards-import-only-cards-domain-and-zod',
      comment:
        'Cards are plain Adaptive Card JSON built from domain values (zod checks their schema). Both Teams and ' +
        'the Slack renderer consume them, so they know no bot framework, platform, store or HTTP server.',
      severity: 'error',
      from: { path: '^cards/' },
      to: { pathNot: ['^(cards|domain)/', pkg('zod'), TEST_CODE] },
    },
    {
      name: 'app-imports-only-app-domain-and-zod',
      comment:
        'The application layer (notifications, outbox, schedules, approval channels, recognizer port, the ' +
        'neutral turn context) is platform-neutral: it defines ports and the adapters fill them in. Node ' +
        'builtins are allowed (timers, crypto); npm packages other than zod are not.',
      severity: 'error',
      from: { path: '^app/' },
      to: { pathNot: ['^(app|domain)/', pkg('zod'), TEST_CODE], dependencyTypesNot: ['core'] },
    },
    {
      name: 'dialogs-import-only-dialogs-cards-domain-app-ports-and-botbuilder',
      comment:
        'Conversations run on botbuilder-dialogs and show cards; they reach the rest of the application only ' +
        'through the ports app/ defines (app/ports/), never bot/, an adapter, Slack, MongoDB, nedb or express.',
      severity: 'error',
      from: { path: '^dialogs/' },
      to: {
        pathNot: ['^(dialogs|cards|domain|app/ports)/', pkg('botbuilder', 'botbuilder-core', 'botbuilder-dialogs'), TEST_CODE],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'adapters-import-only-adapters-domain-app-ports-and-packages',
      comment:
        'An adapter implements domain and app ports with a platform or storage package; it never reaches up into ' +
        'the layers that use it (app/ outside its ports, dialogs/, cards/, bot/). Which adapter may import which ' +
        'is the next three rules; which packages stay in which adapter, the *-only-in-* rules.',
      severity: 'error',
      from: { path: '^adapters/' },
      to: { pathNot: ['^(adapters|domain|app/ports)/', '^node_modules/', TEST_CODE], dependencyTypesNot: ['core'] },
    },
    {
      name: 'adapter-stays-in-its-folder',
      comment:
        'Adapters are independent of one another (teams, slack, nlpjs, system, store-common, ...): each can be ' +
        'replaced or dropped alone. Only bot/ composes them.',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/', pathNot: '^adapters/(embedded|mongo)/' },
      to: { path: '^adapters/', pathNot: '^adapters/$1/' },
    },
    {
      name: 'store-adapter-uses-only-store-common',
      comment: 'The two stores share their mapping and compare-and-set helpers through adapters/store-common, and nothing else.',
      severity: 'error',
      from: { path: '^adapters/(embedded|mongo)/' },
      to: { path: '^adapters/', pathNot: '^adapters/($1|store-common)/' },
    },
    {
      name: 'open-store-opens-only-stores',
      comment: 'adapters/open-store.ts picks the embedded or the MongoDB store from configuration; it knows no other adapter.',
      severity: 'error',
      from: { path: '^adapters/[^/]+$' },
      to: { path: '^adapters/', pathNot: '^adapters/(embedded|mongo|store-common)/' },
    },
    // Platform packages stay in their adapter. domain/, cards/, app/ and dialogs/ are already held off every
    // package outside their allow-list above, so these rules watch bot/ and the other adapters. botbuilder
    // needs no rule of its own: the allow-lists keep it to bot/, adapters/ and dialogs/.
    {
      name: 'slack-sdk-only-in-adapters-slack',
      comment: 'Everything Slack-specific (Bolt, the Web API, Block Kit) lives in adapters/slack; bot/ wires it through that adapter.',
      severity: 'error',
      from: { path: '^(bot|adapters)/', pathNot: '^adapters/slack/' },
      to: { path: '^node_modules/@slack/' },
    },
    {
      name: 'mongodb-only-in-adapters-mongo',
      comment: 'mongoose and the MongoDB driver are the MongoDB store adapter; nothing else depends on them.',
      severity: 'error',
      from: { path: '^(bot|adapters)/', pathNot: '^adapters/mongo/' },
      to: { path: pkg('mongoose', 'mongodb', 'bson') },
    },
    {
      name: 'nedb-only-in-adapters-embedded',
      comment: '@seald-io/nedb is the embedded store adapter; nothing else depends on it.',
      severity: 'error',
      from: { path: '^(bot|adapters)/', pathNot: '^adapters/embedded/' },
      to: { path: pkg('@seald-io/nedb') },
    },
    {
      name: 'product-imports-no-test-code',
      comment: 'Tests, benchmarks and scripts use the product, never the other way round: they are not shipped.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { path: TEST_CODE },
    },
    {
      name: 'no-circular',
      comment:
        'A cycle means two modules are really one (and CommonJS may hand one of them a half-loaded module). ' +
        'Type-only imports count too: a type cycle still ties the layers together.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { circular: true },
    },
    {
      name: 'product-imports-resolve',
      comment:
        'An import that cannot be resolved escapes every path rule above (and fails at run time): a missing ' +
        'package, a typo, or a path alias the rules do not know.',
      severity: 'error',
      from: { path: PRODUCT },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Not followed: packages (only which package is imported matters) and code outside the product graph.
    doNotFollow: { path: ['node_modules', TEST_CODE] },
    // Count `import type` and type-only re-exports, which the compiled JavaScript no longer shows.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve packages the way Node and TypeScript do, including package.json "exports".
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
