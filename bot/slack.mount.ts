import type { Express } from 'express';
import { createSlackRuntime, installationTokens, singleWorkspaceToken, SLACK_EVENTS_PATH, type SealedInstallationStore, type SlackRetryPolicy, type SlackRuntime } from '../adapters/slack';
import type { StorePort } from '../domain';
import type { Config } from './config';
import { jsonErrorAnswers, slackBody } from './http-body';
import type { Logger } from './logger';
import type { Notifier } from '../app';
import type { PartnerLinkBot } from '../dialogs';

export interface SlackMountDeps {
  bot: PartnerLinkBot;
  notifier: Notifier;
  config: Pick<Config, 'SLACK_SIGNING_SECRET' | 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN' | 'SLACK_API_URL' | 'ALLOWED_SLACK_TEAM_IDS' | 'SLACK_ACK_BUDGET_MS' | 'SLACK_MAX_TURNS_IN_FLIGHT' | 'SLACK_RECOVERY_MAX_AGE_MINUTES' | 'slackAckJournalDir'>;
  logger: Logger;
  store: Pick<StorePort, 'events' | 'keyValues' | 'conversationState'> & Partial<Pick<StorePort, 'directory'>>;
  /** The distributed app's installations (mountSlackOAuth): each workspace's own token. */
  installations?: SealedInstallationStore;
  /** Tests shorten the Web API back-off. */
  retry?: SlackRetryPolicy;
}

/**
 * Slack on the one HTTP server: POST /slack/events takes events, interactivity and /partner (or, with
 * SLACK_APP_TOKEN, Socket Mode instead). Off, with a log line, unless a token (SLACK_BOT_TOKEN, or
 * the installations of the distributed app) and the signing secret (or the app token) are set. With
 * installations, every Web API call uses the token of the workspace it acts in and SLACK_BOT_TOKEN is
 * not used (it belongs to one workspace only). Registers the proactive sender and processes deliveries a crash
 * left pending. Returns undefined when Slack is off.
 */
function admitsFrom(directory: StorePort['directory']) {
  return async (who: { teamId: string; enterpriseId?: string; userId: string }): Promise<boolean> =>
    (await directory.findPersonByIdentity({ platform: 'slack', teamId: who.teamId, userId: who.userId })) !== undefined ||
    (await directory.findOrganizationBySlackWorkspace({ teamId: who.teamId, ...(who.enterpriseId ? { enterpriseId: who.enterpriseId } : {}) })) !== undefined;
}

export async function mountSlack(app: Express, deps: SlackMountDeps): Promise<SlackRuntime | undefined> {
  const { config, logger } = deps;
  const token = config.SLACK_BOT_TOKEN;
  const socket = config.SLACK_APP_TOKEN !== undefined;
  if ((!token && !deps.installations) || (!config.SLACK_SIGNING_SECRET && !socket)) {
    logger.info('Slack is off: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN or the OAuth variables (or SLACK_APP_TOKEN for Socket Mode) to turn it on');
    return undefined;
  }
  if (deps.installations && token) logger.warn('SLACK_BOT_TOKEN is not used: the Slack app is distributed (OAuth), so each workspace uses its own installation');
  const installations = deps.installations;
  // In front of Bolt's own route: a bounded body, refusals as JSON (see http-body.ts).
  if (!socket) app.post(SLACK_EVENTS_PATH, jsonErrorAnswers(), slackBody(logger));
  const runtime = createSlackRuntime({
    bot: deps.bot,
    events: deps.store.events,
    keyValues: deps.store.keyValues,
    legacyCards: deps.store.conversationState,
    // People known to the directory, or writing from a workspace an organization names; others are refused at the edge.
    ...(deps.store.directory ? { admits: admitsFrom(deps.store.directory) } : {}),
    tokens: installations ? installationTokens(installations) : singleWorkspaceToken(token!),
    ...(installations
      ? {
          onUninstalled: async (w: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => {
            await installations.deleteInstallation({ teamId: w.teamId, enterpriseId: w.enterpriseId, isEnterpriseInstall: w.isEnterpriseInstall } as Parameters<SealedInstallationStore['deleteInstallation']>[0]);
            logger.info({ teamId: w.teamId, enterpriseId: w.enterpriseId }, 'Slack installation removed (the app was uninstalled or its token revoked)');
          },
        }
      : {}),
    ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
    ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
    allowedTeamIds: config.ALLOWED_SLACK_TEAM_IDS,
    maxTurnsInFlight: config.SLACK_MAX_TURNS_IN_FLIGHT,
    maxRecoveryAgeMs: config.SLACK_RECOVERY_MAX_AGE_MINUTES * 60_000,
    ...(config.slackAckJournalDir ? { ackJournalDir: config.slackAckJournalDir, ackBudgetMs: config.SLACK_ACK_BUDGET_MS } : {}),
    ...(socket ? {} : { expressApp: app }),
    logger,
    ...(deps.retry ? { retry: deps.retry } : {}),
  });
  deps.notifier.register(runtime.sender);
  await runtime.start();
  logger.info(
    { mode: runtime.mode, tokens: installations ? 'per workspace' : 'single workspace', allowedTeams: config.ALLOWED_SLACK_TEAM_IDS.length || 'any' },
    runtime.mode === 'socket' ? 'Slack is on (Socket Mode)' : `Slack is on: POST ${SLACK_EVENTS_PATH}`,
  );
  return runtime;
}
