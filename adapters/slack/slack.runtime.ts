import { ExpressReceiver } from '@slack/bolt';
import type { TurnContext } from 'botbuilder';
import type { Express } from 'express';
import { errorCode, type ConversationStatePort, type KeyValuePort, type ProcessedEventPort, type ProactiveSenderPort } from '../../domain';
import { SlackAckJournal } from './slack-ack-journal';
import { slackBodyGuard } from './slack-body.guard';
import { SlackCardMemory } from './slack-card.memory';
import { SlackBotAdapter } from './slack-bot.adapter';
import { boltLogger } from './slack-bolt.logger';
import { slackClientOptions, type SlackRetryPolicy } from './slack-client.options';
import { SlackInboxApp } from './slack-inbox.app';
import { SlackInboxProcessor } from './slack-inbox.processor';
import { SlackImMemory } from './slack-im.memory';
import { SlackLocaleCache } from './slack-locale.cache';
import { SlackMessagePoster } from './slack-message.poster';
import { SlackProactiveSender } from './slack-proactive.sender';
import { refuseFutureTimestamps } from './slack-request-time';
import { SlackStash } from './slack-stash';
import { SlackTurnHandler } from './slack-turn.handler';
import type { SlackLogger } from './slack.types';
import { SlackNotInstalledError, type SlackTokenSource } from './slack-tokens';

export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackRuntimeOptions {
  bot: { run(context: TurnContext): Promise<void> };
  events: ProcessedEventPort;
  /** Where stashed button payloads and the cards behind posted messages with a ShowCard are kept. */
  keyValues: KeyValuePort;
  /** Where those cards were kept before the key-value store (read on a miss; optional). */
  legacyCards?: Pick<ConversationStatePort, 'read' | 'delete'>;
  /** Where each Web API call gets the token of the workspace it acts in (SLACK_BOT_TOKEN, or the installations). */
  tokens: SlackTokenSource;
  /** Told when Slack says the app was removed from a workspace (app_uninstalled, tokens_revoked for the bot). */
  /** The organization gate at the edge (see SlackInboxDeps.admits). */
  admits?: (who: { teamId: string; enterpriseId?: string; userId: string }) => Promise<boolean>;
  onUninstalled?: (workspace: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => Promise<void>;
  /** HTTP mode (required unless appToken is set): every request's signature is checked with it. */
  signingSecret?: string;
  /** Socket Mode: the bot connects out to Slack; no public URL needed. */
  appToken?: string;
  /** The Web API base URL (GovSlack, tests); unset = Slack's. */
  apiUrl?: string;
  allowedTeamIds: readonly string[];
  /** HTTP mode: the express app to mount POST /slack/events on. */
  expressApp?: Express;
  logger: SlackLogger;
  retry?: SlackRetryPolicy;
  localeTtlMs?: number;
  /**
   * This instance's folder for deliveries acknowledged while the store was slow (see SlackInboxProcessor).
   * Unset: every acknowledgement waits for the store.
   */
  ackJournalDir?: string;
  /** How long an acknowledgement may wait for the store before the journal takes over (ms). */
  ackBudgetMs?: number;
  /** At most this many deliveries worked on at once (see SlackInboxProcessor). */
  maxTurnsInFlight?: number;
  /** Deliveries older than this are not replayed at start (see SlackInboxProcessor). */
  maxRecoveryAgeMs?: number;
}

const JOURNAL_REPLAY_MS = 30_000;

export interface SlackRuntime {
  mode: 'http' | 'socket';
  app: SlackInboxApp;
  adapter: SlackBotAdapter;
  sender: ProactiveSenderPort;
  inbox: SlackInboxProcessor;
  /** Socket Mode: connects; both modes: then processes deliveries a crash left pending. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the Slack side: Bolt as transport, the inbox, the botbuilder adapter, the proactive sender. */
export function createSlackRuntime(o: SlackRuntimeOptions): SlackRuntime {
  const logger = boltLogger(o.logger);
  // Bolt would check the token with auth.test from its constructor, with nobody to catch the failure:
  // Slack unreachable at start-up would kill the process. Nothing here needs that call's answer.
  const clientOptions = slackClientOptions({ ...(o.apiUrl ? { apiUrl: o.apiUrl } : {}), ...(o.retry ? { retry: o.retry } : {}) });
  const socket = o.appToken !== undefined;
  // Bolt's own per-request authorization: the token of the workspace (or Grid organization) the request names.
  const authorize = async (source: { teamId?: string; enterpriseId?: string }) => {
    if (!source.teamId) throw new SlackNotInstalledError(undefined);
    return { botToken: await o.tokens.tokenFor({ teamId: source.teamId, ...(source.enterpriseId ? { enterpriseId: source.enterpriseId } : {}) }) };
  };
  let app: SlackInboxApp;
  if (socket) {
    app = new SlackInboxApp({ authorize, appToken: o.appToken, socketMode: true, clientOptions, logger, tokenVerificationEnabled: false });
  } else {
    if (!o.signingSecret || !o.expressApp) throw new Error('Slack over HTTP needs the signing secret and the express app');
    // Before Bolt's route: a body too large or too deeply nested is refused before anything parses it.
    o.expressApp.use(SLACK_EVENTS_PATH, slackBodyGuard());
    // Before the receiver's route: Bolt checks the signature and refuses old stamps, not future ones.
    o.expressApp.post(SLACK_EVENTS_PATH, refuseFutureTimestamps(o.logger));
    const receiver = new ExpressReceiver({ signingSecret: o.signingSecret, app: o.expressApp, endpoints: SLACK_EVENTS_PATH, processBeforeResponse: false, logger });
    app = new SlackInboxApp({ authorize, receiver, clientOptions, logger, tokenVerificationEnabled: false });
  }
  const stash = new SlackStash(o.keyValues, o.events);
  const poster = new SlackMessagePoster(app.client, stash, new SlackCardMemory(o.keyValues, o.legacyCards), o.tokens);
  const adapter = new SlackBotAdapter(poster);
  adapter.onTurnError = async (_context, err) => {
    // A lost race for the conversation's state is run again by the inbox; not an error yet.
    if (errorCode(err) === 'ETAG_CONFLICT') o.logger.debug({ code: 'ETAG_CONFLICT' }, 'Slack turn lost the race for its conversation state');
    else o.logger.error({ err, code: errorCode(err) }, 'Slack turn failed');
    throw err;
  };
  const locales = new SlackLocaleCache(app.client, o.tokens, o.localeTtlMs, Date.now, (err) => o.logger.warn({ err }, 'users.info failed; using the directory language'));
  const turns = new SlackTurnHandler({ adapter, poster, locales, stash, ims: new SlackImMemory(o.keyValues), bot: o.bot, logger: o.logger });
  const inbox = new SlackInboxProcessor({
    events: o.events,
    turns,
    allowedTeamIds: o.allowedTeamIds,
    logger: o.logger,
    ...(o.onUninstalled ? { onUninstalled: o.onUninstalled } : {}),
    ...(o.admits ? { admits: o.admits } : {}),
    ...(o.ackJournalDir ? { journal: new SlackAckJournal(o.ackJournalDir) } : {}),
    ...(o.ackBudgetMs !== undefined ? { ackBudgetMs: o.ackBudgetMs } : {}),
    ...(o.maxTurnsInFlight !== undefined ? { maxTurnsInFlight: o.maxTurnsInFlight } : {}),
    ...(o.maxRecoveryAgeMs !== undefined ? { maxRecoveryAgeMs: o.maxRecoveryAgeMs } : {}),
  });
  app.attach(inbox);
  let replayTimer: NodeJS.Timeout | undefined;
  const replay = () => inbox.replayJournal().catch((err: unknown) => o.logger.warn({ err }, 'Slack journal replay failed'));
  return {
    mode: socket ? 'socket' : 'http',
    app,
    adapter,
    sender: new SlackProactiveSender(poster),
    inbox,
    async start() {
      if (socket) await app.start();
      await replay();
      await inbox.recover();
      if (o.ackJournalDir) {
        replayTimer = setInterval(() => void replay(), JOURNAL_REPLAY_MS);
        replayTimer.unref();
      }
    },
    async stop() {
      clearInterval(replayTimer);
      if (socket) await app.stop();
    },
  };
}
