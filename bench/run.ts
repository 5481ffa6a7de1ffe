/**
 * `npm run bench`: how fast a Partner Link turn is, next to the frameworks' own floor, in one run.
 *
 * This process is the load generator (keep-alive HTTP on 127.0.0.1) and hosts the connector / Web API
 * sinks; the servers under test are child processes: `node dist/bot/main.js` (the product as shipped),
 * `node dist/bench/server.js` (the product built in-process with /bench routes and an optional slow
 * store, or the bare botbuilder / Bolt echo floors). See bench/README.md for how to read the output.
 *
 * Options (environment): BENCH_QUICK=1 shortens every phase (development); BENCH_ONLY=a,b runs only
 * some phases (startup, teams, slack, conversations, mongo, approvals, ack, scale); `--quick` as BENCH_QUICK=1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderChart } from './lib/chart';
import {
  BENCH_STARTED,
  BUDGET_MS,
  checkSlackReply,
  checkTeamsReply,
  children,
  ensureProduct,
  HARD_MS,
  log,
  MAIN,
  measure,
  OUT,
  P,
  productEnv,
  QUICK,
  SERVER,
  sinks,
  slackAck,
  slackTurn,
  start,
  stop,
  TAG,
  teamsTurn,
  TURN_TEXT,
  teamsForm,
  slackForm,
  useSinks,
  wanted,
  type Shared,
} from './lib/context';
import { phaseAck, phaseApprovals } from './lib/phases-clicks';
import { fixedRate, saturate } from './lib/load';
import { BOT_TOKEN, SIGNING_SECRET } from './lib/payloads';
import { findMongo, rssOf, tempDir, type Child } from './lib/procs';
import { Sinks } from './lib/sinks';
import { gitCommit, machine, mb, ms, results, rows, table, turnRows, x2, type Json, type Pair } from './lib/report';
import { addedPerTurn, FLOOR_TARGET, floorRatio, floorVerdict, type ScaleSize } from './lib/scale-math';
import { recordScale, runScaleCase, scaleRows, type ScaleCase, type ScalePlan } from './lib/scale';
import { checkReport } from './lib/report-schema';

// ── phases ────────────────────────────────────────────────────────────────────────────────────────

async function phaseStartup(s: Shared): Promise<void> {
  s.productDir = tempDir('pl-bench-data-');
  const env = productEnv(s.productDir.path);
  const cold = await start('product (first start: empty DATA_DIR, seeds the sample)', MAIN, env);
  const coldRss = rssOf(cold.proc.pid);
  await stop(cold);
  const warmStart = await start('product (second start)', MAIN, env);
  await new Promise((r) => setTimeout(r, 200));
  const rss = rssOf(warmStart.proc.pid);
  s.product = warmStart;
  const echo = await start('teams echo (startup floor)', SERVER, { BENCH_MODE: 'teams-echo' });
  s.echoStartMs = echo.readyMs;
  await new Promise((r) => setTimeout(r, 200));
  s.echoRss = rssOf(echo.proc.pid);
  await stop(echo);
  results.startup = { firstStartMs: cold.readyMs, secondStartMs: warmStart.readyMs, echoStartMs: s.echoStartMs, rssAfterStart: rss, rssAfterFirstStart: coldRss, echoRssAfterStart: s.echoRss };
  rows.push({
    id: '5',
    figure: 'start-up to /readyz 200: first start (seeds sample) / second start',
    product: `${ms(cold.readyMs)} / ${ms(warmStart.readyMs)}`,
    floor: ms(s.echoStartMs),
    ratio: `${x2(cold.readyMs, s.echoStartMs)} / ${x2(warmStart.readyMs, s.echoStartMs)}`,
    target: '< 1.5 s',
    verdict: Math.max(cold.readyMs, warmStart.readyMs) < 1500 ? 'PASS' : 'FAIL',
  });
  rows.push({ id: '5', figure: 'RSS after start (VmRSS, second start)', product: mb(rss), floor: mb(s.echoRss), ratio: x2(rss, s.echoRss), target: '(report)', verdict: 'INFO' });
}

async function phaseTeams(s: Shared): Promise<void> {
  const product = await ensureProduct(s);
  const echo = await start('teams echo (botbuilder CloudAdapter)', SERVER, { BENCH_MODE: 'teams-echo' });
  try {
    const reply = await checkTeamsReply(product.url);
    log(`Teams: the product answers "${TURN_TEXT}" with: ${reply}`);
    const before = sinks.counts['teams.post'] ?? 0;
    log('Teams: echo floor');
    s.teamsEcho = await measure(teamsTurn(echo.url, undefined, 'hello'), echo);
    log('Teams: product, embedded store');
    const echoPosts = (sinks.counts['teams.post'] ?? 0) - before;
    const p = await measure(teamsTurn(product.url, s.conversations), product);
    const dialogs = await measureDialogsFloor();
    results.teams = { embedded: p, echo: s.teamsEcho, dialogs, productReply: reply, echoRepliesDelivered: echoPosts };
    turnRows('1', 'Teams', 'embedded', p, s.teamsEcho, true, P);
    dialogsRow(dialogs, s.teamsEcho, p);
    floorRow('Teams', dialogs, s.teamsEcho, p);
  } finally {
    await stop(echo);
  }
}

/**
 * botbuilder-dialogs' own cost: the echo server plus ConversationState (MemoryStorage) and a one-step
 * waterfall that sends the very card the product answered with. No recognition, directory, domain or
 * durable store: what is left between this and the product is ours.
 */
async function measureDialogsFloor(): Promise<Pair> {
  const dir = tempDir('pl-bench-card-');
  const card = join(dir.path, 'card.json');
  writeFileSync(card, JSON.stringify(teamsForm.reply));
  try {
    const dlg = await start('teams dialogs floor (botbuilder-dialogs, MemoryStorage)', SERVER, { BENCH_MODE: 'teams-dialogs', BENCH_CARD_FILE: card });
    log('Teams: botbuilder-dialogs floor');
    try {
      return await measure(teamsTurn(dlg.url, undefined), dlg);
    } finally {
      await stop(dlg);
    }
  } finally {
    dir.remove();
  }
}

/** Bolt plus botbuilder-dialogs sending the product's own Block Kit form: Slack's framework floor. */
async function measureSlackDialogsFloor(): Promise<Pair> {
  const dir = tempDir('pl-bench-blocks-');
  const file = join(dir.path, 'blocks.json');
  writeFileSync(file, JSON.stringify(slackForm.blocks ?? []));
  try {
    const dlg = await start('slack dialogs floor (Bolt + botbuilder-dialogs, MemoryStorage)', SERVER, { BENCH_MODE: 'slack-dialogs', BENCH_BLOCKS_FILE: file, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: sinks.slackApiUrl });
    log('Slack: botbuilder-dialogs floor');
    try {
      return await measure(slackTurn(dlg.url, undefined), dlg);
    } finally {
      await stop(dlg);
    }
  } finally {
    dir.remove();
  }
}

/**
 * The framework floor (issue 19): the full turn's throughput over "botbuilder-dialogs alone" on the same
 * platform, target ≥ 0.85, next to the bare echo rows. The sample directory is smaller than S.
 */
function floorRow(platform: 'Teams' | 'Slack', d: Pair, echo: Pair | undefined, product: Pair): void {
  const ratio = floorRatio(product.saturation.throughput, d.saturation.throughput);
  const added = addedPerTurn(product.saturation.throughput, d.saturation.throughput);
  (results.floor ??= {}) as Json;
  (results.floor as Json)[platform.toLowerCase()] = { ratio, addedFloorTurnsPerTurn: added, product: product.saturation.throughput, dialogs: d.saturation.throughput, echo: echo?.saturation.throughput };
  rows.push({
    id: 'F',
    figure: `${platform} full turn ÷ botbuilder-dialogs alone (throughput, ${P.conc} in flight, sample directory)`,
    product: `${product.saturation.throughput.toFixed(1)}/s`,
    floor: `${d.saturation.throughput.toFixed(1)}/s (dialogs) · ${echo ? echo.saturation.throughput.toFixed(1) : '-'}/s (echo)`,
    ratio: Number.isFinite(ratio) ? ratio.toFixed(2) : '-',
    target: `≥ ${FLOOR_TARGET}`,
    verdict: floorVerdict(ratio, product.saturation.failed + d.saturation.failed),
    ...(Number.isFinite(added) ? { note: `our own work costs ${added.toFixed(2)} floor turns per turn` } : {}),
  });
}

function dialogsRow(d: Pair, echo: Pair, product: Pair): void {
  const ratio = d.saturation.throughput / echo.saturation.throughput;
  // Under the 0.6 target a turn may cost 1/0.6 echo turns; the dialogs floor already spends 1/ratio.
  const left = 1 / 0.6 - 1 / ratio;
  const ours = 1 / (product.saturation.throughput / echo.saturation.throughput) - 1 / ratio;
  rows.push({
    id: '1',
    figure: `Teams, botbuilder-dialogs alone (in-memory state, sends the same card): throughput (${P.conc} in flight)`,
    product: `${d.saturation.throughput.toFixed(1)}/s [cpu srv ${d.saturation.serverCpuPct}% / load ${d.saturation.loadgenCpuPct}%]`,
    floor: `${echo.saturation.throughput.toFixed(1)}/s`,
    ratio: ratio.toFixed(2),
    target: '(report)',
    verdict: 'INFO',
    note: `for 0.6 the rest may cost ${left.toFixed(2)} echo turns; it costs ${ours.toFixed(2)}`,
  });
}

async function phaseSlack(s: Shared): Promise<void> {
  const product = await ensureProduct(s);
  const echo = await start('slack echo (Bolt ExpressReceiver)', SERVER, { BENCH_MODE: 'slack-echo', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: sinks.slackApiUrl });
  try {
    const reply = await checkSlackReply(product.url);
    log(`Slack: the product answers "${TURN_TEXT}" with: ${reply}`);
    log('Slack: echo floor');
    s.slackEcho = await measure(slackTurn(echo.url, undefined, 'hello'), echo);
    const echoAck = await fixedRate(slackAck(echo.url), { rate: P.ackRate, durationMs: P.ackMs, maxCount: 2000 });
    log('Slack: product, embedded store');
    const p = await measure(slackTurn(product.url, s.conversations), product);
    const dialogs = await measureSlackDialogsFloor();
    results.slack = { embedded: p, echo: s.slackEcho, dialogs, echoAckAt200: echoAck, productReply: reply };
    turnRows('2', 'Slack', 'embedded', p, s.slackEcho, true, P);
    floorRow('Slack', dialogs, s.slackEcho, p);
  } finally {
    await stop(echo);
  }
}

async function phaseConversations(s: Shared): Promise<void> {
  const product = await ensureProduct(s);
  const need = P.conversations - s.conversations.size;
  const t0 = performance.now();
  if (need > 0) {
    log(`conversations: ${s.conversations.size} so far; ${need} more Teams turns, each in a new conversation`);
    const r = await saturate(teamsTurn(product.url, s.conversations), { concurrency: P.conc, durationMs: P.convMs, maxCount: need });
    results.conversationsTopUp = r;
  }
  await new Promise((r) => setTimeout(r, 500));
  const rss = rssOf(product.proc.pid);
  const done = s.conversations.size;
  results.memory = { conversations: done, rssAfterConversations: rss, topUpMs: performance.now() - t0 };
  rows.push({
    id: '5',
    figure: `RSS after ${done.toLocaleString('en')} distinct conversations took a turn`,
    product: mb(rss),
    floor: mb(s.echoRss ?? NaN),
    ratio: x2(rss, s.echoRss ?? NaN),
    target: '< 200 MB after 10,000',
    verdict: done >= 10_000 ? (rss < 200 * 1048576 ? 'PASS' : 'FAIL') : 'n/a',
    ...(done < 10_000 ? { note: `only ${done} conversations (time bound)` } : {}),
  });
}

async function phaseMongo(s: Shared): Promise<void> {
  const mongo = await findMongo();
  if ('unavailable' in mongo) {
    results.mongo = { skipped: mongo.unavailable };
    turnRows('6', 'Teams', 'MongoDB', `skipped: ${mongo.unavailable}`, undefined, false, P);
    turnRows('6', 'Slack', 'MongoDB', `skipped: ${mongo.unavailable}`, undefined, false, P);
    return;
  }
  const dir = tempDir('pl-bench-mongo-');
  let product: Child | undefined;
  try {
    product = await start(`product (MongoDB: ${mongo.source})`, MAIN, productEnv(dir.path, { MONGODB_URI: mongo.uri, MONGODB_DB: `plbench${TAG.toLowerCase()}` }));
    log(`MongoDB: Teams answers with ${await checkTeamsReply(product.url, 'mcheck')}; Slack with ${await checkSlackReply(product.url, 'MCHECK')}`);
    log('Teams: product, MongoDB');
    const teams = await measure(teamsTurn(product.url, undefined), product, true);
    log('Slack: product, MongoDB');
    const slack = await measure(slackTurn(product.url, undefined), product, true);
    results.mongo = { source: mongo.source, startMs: product.readyMs, teams, slack };
    turnRows('6', 'Teams', `MongoDB (${mongo.source.split(' ')[0]})`, teams, s.teamsEcho, false, P);
    turnRows('6', 'Slack', `MongoDB (${mongo.source.split(' ')[0]})`, slack, s.slackEcho, false, P);
  } catch (e) {
    results.mongo = { failed: (e as Error).message };
    turnRows('6', 'Teams', 'MongoDB', `failed: ${(e as Error).message.slice(0, 80)}`, undefined, false, P);
    turnRows('6', 'Slack', 'MongoDB', `failed: ${(e as Error).message.slice(0, 80)}`, undefined, false, P);
  } finally {
    await stop(product);
    await mongo.stop();
    dir.remove();
  }
}

/**
 * Issue 19's scale rows. Full: S, M and L on the embedded store, S on MongoDB: seeding M into FerretDB on
 * SQLite alone took 13 minutes here (2026-12-07), more than the run's 15-minute budget allows (see
 * bench/README.md). Quick: S and M embedded, S on MongoDB, with short phases. BENCH_SCALE=S,M,L and
 * BENCH_SCALE_MONGO=S,M (with a real MONGODB_URI) override the sizes.
 */
export const SCALE: ScalePlan = QUICK
  ? { embedded: ['S', 'M'], mongodb: ['S'], turnRate: 10, turnMs: 2000, ackRate: 50, ackMs: 1000, conversations: 300, conversationsMs: 4000, eligibilityRuns: 3, roundTripTurns: 5, seedTimeoutMs: 60_000, eligibilityTimeoutMs: 60_000, startTimeoutMs: 60_000 }
  : { embedded: ['S', 'M', 'L'], mongodb: ['S'], turnRate: 10, turnMs: 8000, ackRate: 50, ackMs: 3000, conversations: 10_000, conversationsMs: 25_000, eligibilityRuns: 5, roundTripTurns: 10, seedTimeoutMs: 180_000, eligibilityTimeoutMs: 150_000, startTimeoutMs: 90_000 };

const sizesFrom = (v: string | undefined, d: ScaleSize[]): ScaleSize[] => (v === undefined ? d : v.split(',').map((x) => x.trim().toUpperCase()).filter((x): x is ScaleSize => x === 'S' || x === 'M' || x === 'L'));

async function phaseScale(_s: Shared, timeLeft: () => boolean): Promise<void> {
  const plan: ScalePlan = { ...SCALE, embedded: sizesFrom(process.env.BENCH_SCALE, SCALE.embedded), mongodb: sizesFrom(process.env.BENCH_SCALE_MONGO, SCALE.mongodb) };
  // L last: it takes longest, so a slow machine cuts it rather than the MongoDB rows.
  const order: [ScaleSize, ScaleCase['store']][] = [
    ...plan.embedded.filter((z) => z !== 'L').map((z): [ScaleSize, ScaleCase['store']] => [z, 'embedded']),
    ...plan.mongodb.map((z): [ScaleSize, ScaleCase['store']] => [z, 'mongodb']),
    ...plan.embedded.filter((z) => z === 'L').map((z): [ScaleSize, ScaleCase['store']] => [z, 'embedded']),
  ];
  const work = tempDir('pl-bench-scale-files-');
  const cases: ScaleCase[] = [];
  let mongo: Awaited<ReturnType<typeof findMongo>> | undefined;
  try {
    for (const [size, store] of order) {
      if (!timeLeft()) {
        cases.push({ size, store, skipped: 'skipped: time budget used up' });
        continue;
      }
      if (store === 'embedded') {
        cases.push(await runScaleCase(size, 'embedded', plan, work.path, undefined));
        continue;
      }
      mongo ??= await findMongo();
      if ('unavailable' in mongo) cases.push({ size, store, skipped: `skipped: ${mongo.unavailable}` });
      else cases.push(await runScaleCase(size, 'mongodb', plan, work.path, mongo));
    }
  } finally {
    if (mongo && !('unavailable' in mongo)) await mongo.stop();
    work.remove();
    const bySizeThenStore = (a: ScaleCase, b: ScaleCase) => a.store.localeCompare(b.store) || 'SML'.indexOf(a.size) - 'SML'.indexOf(b.size);
    cases.sort(bySizeThenStore);
    recordScale(cases, plan);
    scaleRows(cases);
  }
}

// ── output ────────────────────────────────────────────────────────────────────────────────────────




// A wait for a reply whose request failed first must not end the whole run (it did once, 2026-12-07, when a
// Slack delivery timed out under load); the failure is already counted where it happened.
process.on('unhandledRejection', (e: unknown) => log(`unhandled rejection (ignored): ${(e as Error).message ?? String(e)}`));

async function main(): Promise<number> {
  // Time budget: no phase starts after BUDGET_MS; at HARD_MS the servers are stopped (what runs then
  // fails fast and is reported), and 60 s later the process exits whatever happens.
  let outOfTime = false;
  const hard = setTimeout(() => {
    outOfTime = true;
    log(`hard time limit (${HARD_MS / 1000} s) reached: stopping the servers; the report says what was cut`);
    void Promise.all(children.map((c) => c.stop()));
    setTimeout(() => process.exit(3), 60_000).unref();
  }, HARD_MS);
  hard.unref();
  const mach = machine();
  // The code that runs is the code at the start (the tree may be edited while the bench runs).
  const commit = gitCommit();
  useSinks(await new Sinks().start());
  const s: Shared = { conversations: new Set() };
  const phases: [string, (s: Shared) => Promise<void>][] = [
    ['startup', phaseStartup],
    ['teams', phaseTeams],
    ['slack', phaseSlack],
    // Issue 19's rows come before the older ones, so that a slow machine cuts those first.
    ['scale', (sh) => phaseScale(sh, () => !outOfTime && Date.now() - BENCH_STARTED < BUDGET_MS)],
    ['conversations', phaseConversations],
    ['approvals', phaseApprovals],
    ['ack', phaseAck],
    ['mongo', phaseMongo],
  ];
  const failures: Json = {};
  try {
    for (const [name, phase] of phases) {
      if (!wanted(name)) continue;
      if (outOfTime || Date.now() - BENCH_STARTED > BUDGET_MS) {
        failures[name] = 'skipped: time budget used up';
        rows.push({ id: '-', figure: `phase ${name}`, product: 'skipped: time budget used up', floor: '-', ratio: '-', target: '-', verdict: 'n/a' });
        continue;
      }
      log(`phase ${name}`);
      try {
        await phase(s);
      } catch (e) {
        failures[name] = (e as Error).message;
        log(`phase ${name} failed: ${(e as Error).stack ?? String(e)}`);
        rows.push({ id: '-', figure: `phase ${name}`, product: `not available: ${(e as Error).message.slice(0, 160)}`, floor: '-', ratio: '-', target: '-', verdict: 'n/a' });
      }
    }
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    s.productDir?.remove();
    await sinks.stop();
  }
  const report = {
    date: new Date(BENCH_STARTED).toISOString(),
    durationMs: Date.now() - BENCH_STARTED,
    commit,
    machine: mach,
    quick: QUICK,
    phases: P,
    text: TURN_TEXT,
    rows,
    results,
    failures,
    sinkCounts: sinks.counts,
  };
  mkdirSync(OUT, { recursive: true });
  const name = QUICK ? 'quick' : 'latest';
  const problems = checkReport(JSON.parse(JSON.stringify(report)) as unknown);
  if (problems.length) log(`the report does not match its schema (bench/lib/report-schema.ts): ${problems.slice(0, 5).join('; ')}`);
  writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const text = table();
  process.stdout.write(`\nPartner Link bench, ${report.date}, commit ${report.commit}\n`);
  process.stdout.write(`machine: ${String(mach.cpus)} × ${String(mach.cpuModel)}, ${mb(Number(mach.memoryBytes))} RAM, Node ${process.version}${QUICK ? ' (QUICK run: short phases, not comparable)' : ''}\n\n`);
  process.stdout.write(`${text}\n\n`);
  try {
    const png = await renderChart(report, join(OUT, `${name}.png`));
    process.stdout.write(`wrote ${join(OUT, `${name}.json`)} and ${png}\n`);
  } catch (e) {
    process.stdout.write(`wrote ${join(OUT, `${name}.json`)}; chart not rendered: ${(e as Error).message}\n`);
  }
  clearTimeout(hard);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? String(e)}\n`);
    void Promise.all(children.map((c) => c.stop())).finally(() => process.exit(1));
  },
);
