import type { Server } from 'node:http';
import { ConfigError, loadConfig, redactSecrets } from './config';
import { createLogger } from './logger';
import { Schedules } from '../app';
import { createBotRuntime } from './composition';
import { gdapFrom, partnerCenterFrom } from './partner-center.wiring';
import { adminGroupsFrom } from './admin-groups.wiring';
import { openConfiguredStore, seedIfEmpty } from './runtime';
import { createStartingApp, finishApp, listen, Startup } from './server';
import { mountSlackOAuth } from './slack-oauth.mount';
import { mountSlack } from './slack.mount';
import { mountTeams } from './teams.mount';

/** `npm start`: parse configuration, open the store (embedded unless MONGODB_URI), serve HTTP. */
async function start(): Promise<void> {
  const startedAt = process.hrtime.bigint();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // Every line through the logger: Node would print these to stderr, past the redaction.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason instanceof Error ? { name: reason.name, message: reason.message, stack: reason.stack } : { name: 'NonError' } }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => {
    logger.fatal({ err: { name: err.name, message: err.message, stack: err.stack } }, 'uncaught exception: stopping');
    process.exit(1);
  });
  // Issue 19: listening first, so that /healthz answers ("starting", "seeding") while the store opens and a
  // large directory is seeded; everything else answers 503 until the bot is ready.
  const startup = new Startup();
  const app = createStartingApp(startup);
  const server: Server = await listen(app, config.PORT, config.HOST);
  const store = await openConfiguredStore(config);
  await seedIfEmpty(store, config, logger, {
    onSeeding: () => (startup.phase = 'seeding'),
    onProgress: ({ done, total }) => (startup.progress = { done, total }),
  });
  // Issue 17: Partner Center on (PARTNER_CENTER_ENABLED=true): checks at filing, the directory sync (PARTNER_CENTER_SYNC_HOURS) and the fulfilment watcher.
  const partnerCenter = partnerCenterFrom(config, store);
  const gdap = gdapFrom(config, store);
  const groupMembers = adminGroupsFrom(config);
  const runtime = await createBotRuntime(store, config, logger, { ...(partnerCenter ? { partnerCenter } : {}), ...(gdap ? { gdap } : {}), ...(groupMembers ? { groupMembers } : {}) });
  if (config.TEAMS === 'on') mountTeams(app, { bot: runtime.bot, notifier: runtime.notifier, config, logger, store }, { startPlayground: true });
  else logger.info('Teams is off (TEAMS=off): no /api/messages');
  const installations = mountSlackOAuth(app, { config, store, logger });
  const slack = await mountSlack(app, { bot: runtime.bot, notifier: runtime.notifier, config, logger, store, ...(installations ? { installations } : {}) });
  finishApp(app, logger);
  const schedules = new Schedules(logger, runtime.clock);
  schedules.start(runtime.jobs);
  startup.ready(store);
  const ms = Number(process.hrtime.bigint() - startedAt) / 1e6;
  logger.info(
    { host: config.HOST, port: config.PORT, store: store.kind, data: store.location, startupMs: Math.round(ms) },
    `Partner Link is listening on http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${config.PORT} (health: /healthz); data lives in ${store.kind === 'embedded' ? 'the embedded store at ' : 'MongoDB at '}${store.location}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    const schedulesStopped = schedules.stop();
    server.close(async () => {
      await schedulesStopped;
      await slack?.stop().catch((e: unknown) => logger.error({ err: e }, 'stopping Slack failed'));
      await store.close().catch((e: unknown) => logger.error({ err: e }, 'closing the store failed'));
      logger.info('stopped');
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

start().catch((e: unknown) => {
  if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
  // Before the logger exists: a driver's message may quote the URI it was given, so secrets come out first.
  else process.stderr.write(`Partner Link could not start: ${redactSecrets((e as Error).stack ?? String(e))}\n`);
  process.exit(1);
});
