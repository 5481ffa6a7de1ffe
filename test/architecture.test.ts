/**
 * The layer rules in .dependency-cruiser.cjs (the same ones `npm run depcruise` and CI check):
 * the real tree must break none of them, and every rule must fire on a deliberate violation in a
 * throw-away tree laid out like the repository, so that no rule can silently stop biting.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, cruiseTrees, describeViolation, writeTree, type CruiseResult } from './support/depcruise';

interface Case {
  /** The rule that must fire, and no other. */
  rule: string;
  /** What the deliberate violation is (the table in the issue note uses these). */
  violation: string;
  /** The violating file and what it imports; every imported file is part of the tree, so it resolves. */
  files: Record<string, string>;
  /** The file the violation must be reported from. */
  from: string;
}

const empty = 'export const x = 1;\n';

const CASES: Case[] = [
  {
    rule: 'domain-imports-only-domain-and-zod',
    violation: "domain/ imports a Node builtin: import { readFileSync } from 'node:fs'",
    files: { 'domain/load.ts': "import { readFileSync } from 'node:fs';\nexport const load = readFileSync;\n" },
    from: 'domain/load.ts',
  },
  {
    rule: 'domain-imports-only-domain-and-zod',
    violation: "domain/ imports mongoose for a type only: import type { Anything } from 'mongoose'",
    files: { 'domain/request.ts': "import type { Anything } from 'mongoose';\nexport type Row = Anything;\n" },
    from: 'domain/request.ts',
  },
  {
    rule: 'domain-imports-only-domain-and-zod',
    violation: "domain/ loads an adapter with a dynamic import(): await import('../adapters/mongo/db')",
    files: {
      'domain/service.ts': "export const open = async () => (await import('../adapters/mongo/db')).x;\n",
      'adapters/mongo/db.ts': empty,
    },
    from: 'domain/service.ts',
  },
  {
    rule: 'domain-imports-only-domain-and-zod',
    violation: 'domain/ re-exports a card type: export type { Card } from "../cards/card"',
    files: {
      'domain/index.ts': 'export type { Card } from "../cards/card";\n',
      'cards/card.ts': 'export interface Card { body: unknown[] }\n',
    },
    from: 'domain/index.ts',
  },
  {
    rule: 'domain-imports-only-domain-and-zod',
    violation: "domain/ names a bot type in a type position: type R = import('../bot/runtime').Runtime",
    files: { 'domain/ports/runtime.ts': "export type R = import('../../bot/runtime').Runtime;\n", 'bot/runtime.ts': 'export interface Runtime { n: number }\n' },
    from: 'domain/ports/runtime.ts',
  },
  {
    rule: 'cards-import-only-cards-domain-and-zod',
    violation: "cards/ imports the bot runtime: import { runtime } from '../bot/runtime'",
    files: { 'cards/help.card.ts': "import { runtime } from '../bot/runtime';\nexport const help = runtime;\n", 'bot/runtime.ts': 'export const runtime = 1;\n' },
    from: 'cards/help.card.ts',
  },
  {
    rule: 'cards-import-only-cards-domain-and-zod',
    violation: "cards/ imports dialogs/: import { x } from '../dialogs'",
    files: { 'cards/welcome.card.ts': "import { x } from '../dialogs';\nexport const welcome = x;\n", 'dialogs/index.ts': empty },
    from: 'cards/welcome.card.ts',
  },
  {
    rule: 'cards-import-only-cards-domain-and-zod',
    violation: "cards/ imports botbuilder: import { value } from 'botbuilder'",
    files: { 'cards/approval.card.ts': "import { value } from 'botbuilder';\nexport const approval = value;\n" },
    from: 'cards/approval.card.ts',
  },
  {
    rule: 'app-imports-only-app-domain-and-zod',
    violation: "app/ requires express: const express = require('express')",
    files: {
      'app/outbox.ts': "const express = require('express');\nexport const outbox = express;\n",
    },
    from: 'app/outbox.ts',
  },
  {
    rule: 'app-imports-only-app-domain-and-zod',
    violation: "app/ imports dialogs/: import { x } from '../dialogs/replies'",
    files: { 'app/notifications/notifier.ts': "import { x } from '../../dialogs/replies';\nexport const n = x;\n", 'dialogs/replies.ts': empty },
    from: 'app/notifications/notifier.ts',
  },
  {
    rule: 'dialogs-import-only-dialogs-cards-domain-app-ports-and-botbuilder',
    violation: "dialogs/ imports the bot's notifier: import { x } from '../bot/notifier'",
    files: { 'dialogs/request.dialog.ts': "import { x } from '../bot/notifier';\nexport const d = x;\n", 'bot/notifier.ts': empty },
    from: 'dialogs/request.dialog.ts',
  },
  {
    rule: 'dialogs-import-only-dialogs-cards-domain-app-ports-and-botbuilder',
    violation: 'dialogs/ imports Slack with double quotes: import { value } from "@slack/bolt"',
    files: { 'dialogs/help.dialog.ts': 'import { value } from "@slack/bolt";\nexport const h = value;\n' },
    from: 'dialogs/help.dialog.ts',
  },
  {
    rule: 'dialogs-import-only-dialogs-cards-domain-app-ports-and-botbuilder',
    violation: "dialogs/ imports app/ outside its ports: import { x } from '../app/notifications/notifier'",
    files: {
      'dialogs/approve.dialog.ts': "import { x } from '../app/notifications/notifier';\nexport const a = x;\n",
      'app/notifications/notifier.ts': empty,
    },
    from: 'dialogs/approve.dialog.ts',
  },
  {
    rule: 'dialogs-import-only-dialogs-cards-domain-app-ports-and-botbuilder',
    violation: "dialogs/ imports an adapter for a type only: import type { Store } from '../adapters/mongo/store'",
    files: {
      'dialogs/deps.ts': "import type { Store } from '../adapters/mongo/store';\nexport type Deps = { store: Store };\n",
      'adapters/mongo/store.ts': 'export interface Store { id: string }\n',
    },
    from: 'dialogs/deps.ts',
  },
  {
    rule: 'adapters-import-only-adapters-domain-app-ports-and-packages',
    violation: "an adapter imports dialogs/ (as adapters/nlpjs does today): import { x } from '../../dialogs/recognition'",
    files: {
      'adapters/nlpjs/nlpjs.recognizer.ts': "import { x } from '../../dialogs/recognition';\nexport const r = x;\n",
      'dialogs/recognition/index.ts': empty,
    },
    from: 'adapters/nlpjs/nlpjs.recognizer.ts',
  },
  {
    rule: 'adapters-import-only-adapters-domain-app-ports-and-packages',
    violation: "an adapter imports cards/ (Block Kit from cards): import { x } from '../../../cards/help.card'",
    files: {
      'adapters/slack/block-kit/render.ts': "import { x } from '../../../cards/help.card';\nexport const r = x;\n",
      'cards/help.card.ts': empty,
    },
    from: 'adapters/slack/block-kit/render.ts',
  },
  {
    rule: 'adapter-stays-in-its-folder',
    violation: "one adapter imports another: adapters/slack imports '../teams/teams.adapter'",
    files: { 'adapters/slack/slack.adapter.ts': "import { x } from '../teams/teams.adapter';\nexport const s = x;\n", 'adapters/teams/teams.adapter.ts': empty },
    from: 'adapters/slack/slack.adapter.ts',
  },
  {
    rule: 'adapter-stays-in-its-folder',
    violation: "store-common imports a store: import { x } from '../embedded/store'",
    files: { 'adapters/store-common/cas.ts': "import { x } from '../embedded/store';\nexport const c = x;\n", 'adapters/embedded/store.ts': empty },
    from: 'adapters/store-common/cas.ts',
  },
  {
    rule: 'store-adapter-uses-only-store-common',
    violation: "the MongoDB store imports the embedded one: import { x } from '../embedded/store'",
    files: { 'adapters/mongo/store.ts': "import { x } from '../embedded/store';\nexport const m = x;\n", 'adapters/embedded/store.ts': empty },
    from: 'adapters/mongo/store.ts',
  },
  {
    rule: 'open-store-opens-only-stores',
    violation: "adapters/open-store.ts imports the Slack adapter: import { x } from './slack'",
    files: { 'adapters/open-store.ts': "import { x } from './slack';\nexport const o = x;\n", 'adapters/slack/index.ts': empty },
    from: 'adapters/open-store.ts',
  },
  {
    rule: 'slack-sdk-only-in-adapters-slack',
    violation: "bot/ imports the Slack Web API: import { value } from '@slack/web-api'",
    files: { 'bot/slack.mount.ts': "import { value } from '@slack/web-api';\nexport const m = value;\n" },
    from: 'bot/slack.mount.ts',
  },
  {
    rule: 'slack-sdk-only-in-adapters-slack',
    violation: "the Teams adapter imports Bolt: import { value } from '@slack/bolt'",
    files: { 'adapters/teams/teams.adapter.ts': "import { value } from '@slack/bolt';\nexport const t = value;\n" },
    from: 'adapters/teams/teams.adapter.ts',
  },
  {
    rule: 'mongodb-only-in-adapters-mongo',
    violation: "the embedded store imports the MongoDB driver: import { value } from 'mongodb'",
    files: { 'adapters/embedded/store.ts': "import { value } from 'mongodb';\nexport const e = value;\n" },
    from: 'adapters/embedded/store.ts',
  },
  {
    rule: 'mongodb-only-in-adapters-mongo',
    violation: "bot/ imports mongoose: import mongoose from 'mongoose'",
    files: { 'bot/main.ts': "import mongoose from 'mongoose';\nexport const m = mongoose;\n" },
    from: 'bot/main.ts',
  },
  {
    rule: 'nedb-only-in-adapters-embedded',
    violation: "bot/ imports nedb: import Datastore from '@seald-io/nedb'",
    files: { 'bot/cli.ts': "import Datastore from '@seald-io/nedb';\nexport const d = Datastore;\n" },
    from: 'bot/cli.ts',
  },
  {
    rule: 'product-imports-no-test-code',
    violation: "domain/ imports a test fixture: import { x } from '../test/support/request-fixtures'",
    files: { 'domain/request.ts': "import { x } from '../test/support/request-fixtures';\nexport const r = x;\n", 'test/support/request-fixtures.ts': empty },
    from: 'domain/request.ts',
  },
  {
    rule: 'product-imports-no-test-code',
    violation: "bot/ imports the benchmark: import { x } from '../bench/lib/load'",
    files: { 'bot/main.ts': "import { x } from '../bench/lib/load';\nexport const m = x;\n", 'bench/lib/load.ts': empty },
    from: 'bot/main.ts',
  },
  {
    rule: 'no-circular',
    violation: 'two dialogs files import each other (a.ts -> b.ts -> a.ts)',
    files: {
      'dialogs/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
      'dialogs/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    },
    from: 'dialogs/a.ts',
  },
  {
    rule: 'no-circular',
    violation: "a cycle closed by a type-only import (as adapters/embedded has today): import type { Collection } from './collections'",
    files: {
      'adapters/embedded/append.ts': "import type { Collection } from './collections';\nexport const append = (c: Collection) => c;\n",
      'adapters/embedded/collections.ts': "import { append } from './append';\nexport interface Collection { n: number }\nexport const use = append;\n",
    },
    from: 'adapters/embedded/append.ts',
  },
  {
    rule: 'product-imports-resolve',
    violation: "bot/ imports a file that does not exist: import { x } from './missing'",
    files: { 'bot/main.ts': "import { x } from './missing';\nexport const m = x;\n" },
    from: 'bot/main.ts',
  },
];

/** Every allowed kind of import at once: this tree must cruise clean, so no rule is broader than it says. */
const ALLOWED: Record<string, string> = {
  'domain/index.ts': "import { value } from 'zod';\nimport { id } from './ids';\nexport const d = [value, id];\n",
  'domain/ids.ts': 'export const id = 1;\n',
  'cards/help.card.ts': "import type { Anything } from 'zod';\nimport { d } from '../domain';\nexport const help: Anything = d;\n",
  'app/ports/notifier.ts': "import { d } from '../../domain';\nexport interface Notifier { notify(x: typeof d): void }\n",
  'app/notifications/notify.ts': "import { setTimeout } from 'node:timers/promises';\nimport type { Notifier } from '../ports/notifier';\nimport { value } from 'zod';\nexport const run = (n: Notifier) => [n, setTimeout, value];\n",
  'dialogs/request.dialog.ts':
    "import { randomUUID } from 'node:crypto';\nimport { value } from 'botbuilder';\nimport { value as dialogs } from 'botbuilder-dialogs';\nimport type { Notifier } from '../app/ports/notifier';\nimport { help } from '../cards/help.card';\nimport { d } from '../domain';\nexport const r = (n: Notifier) => [randomUUID, value, dialogs, help, d, n];\n",
  'adapters/store-common/cas.ts': "import { d } from '../../domain';\nexport const cas = d;\n",
  'adapters/embedded/store.ts': "import Datastore from '@seald-io/nedb';\nimport { cas } from '../store-common/cas';\nexport const e = [Datastore, cas];\n",
  'adapters/mongo/store.ts': "import mongoose from 'mongoose';\nimport { value } from 'mongodb';\nimport { cas } from '../store-common/cas';\nexport const m = [mongoose, value, cas];\n",
  'adapters/open-store.ts': "import { e } from './embedded/store';\nimport { m } from './mongo/store';\nexport const open = [e, m];\n",
  'adapters/slack/slack.adapter.ts':
    "import { value } from '@slack/bolt';\nimport type { Anything } from 'express';\nimport { value as activity } from 'botbuilder';\nimport type { Notifier } from '../../app/ports/notifier';\nexport const s = (n: Notifier): Anything => [value, activity, n];\n",
  'adapters/teams/teams.adapter.ts': "import { value } from 'botbuilder';\nexport const t = value;\n",
  'bot/main.ts':
    "import { open } from '../adapters/open-store';\nimport { s } from '../adapters/slack/slack.adapter';\nimport { t } from '../adapters/teams/teams.adapter';\nimport { run } from '../app/notifications/notify';\nimport { r } from '../dialogs/request.dialog';\nimport { help } from '../cards/help.card';\nimport express from 'express';\nexport const main = [open, s, t, run, r, help, express];\n",
  // Outside the product graph: tests may import anything, and a cycle among them is not the product's.
  'test/main.test.ts': "import { main } from '../bot/main';\nimport { h } from './helper';\nexport const t = [main, h];\n",
  'test/helper.ts': "import { t } from './main.test';\nexport const h = () => t;\n",
};

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let configured: string[];
  let root: string;
  let real: CruiseResult;
  let allowed: CruiseResult;
  let cases: CruiseResult[];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'depcruise-rules-'));
    writeTree(join(root, 'allowed'), ALLOWED);
    CASES.forEach((c, i) => writeTree(join(root, `case-${i}`), c.files));
    const run = cruiseTrees([REPO, join(root, 'allowed'), ...CASES.map((_, i) => join(root, `case-${i}`))]);
    configured = run.rules;
    [real, allowed] = run.results as [CruiseResult, CruiseResult];
    cases = run.results.slice(2);
  }, 60_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('the repository breaks none of them', () => {
    // Guard against a vacuous pass: the product folders were really cruised.
    const product = real.modules.filter((m) => /^(domain|cards|app|dialogs|adapters|bot)\//.test(m));
    expect(product.length).toBeGreaterThan(150);
    expect(real.modules.filter((m) => /^(test|bench|scripts)\//.test(m))).toEqual([]);
    expect(real.violations.map(describeViolation)).toEqual([]);
  });

  it('a tree with every allowed kind of import (app/ included) breaks none of them', () => {
    expect(allowed.modules).toEqual(expect.arrayContaining(Object.keys(ALLOWED).filter((f) => !f.startsWith('test/'))));
    expect(allowed.violations.map(describeViolation)).toEqual([]);
  });

  it('every rule has at least one deliberate violation below', () => {
    expect([...new Set(CASES.map((c) => c.rule))].sort()).toEqual([...configured].sort());
  });

  it.each(CASES.map((c, i) => [c.rule, c.violation, i] as const))('%s fires on: %s', (rule, _violation, i) => {
    const found = cases[i]!.violations;
    expect([...new Set(found.map((v) => v.rule))]).toEqual([rule]);
    expect(found.map((v) => v.from)).toContain(CASES[i]!.from);
  });
});
