import type { Express } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InstallationSealer, manifestBotScopes, SealedInstallationStore, slackOAuthHandlers, SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH, tokenKeySecret } from '../adapters/slack';
import { projectRoot } from '../adapters/nlpjs/training-data';
import { bindSlackInstallation } from '../app';
import type { StorePort } from '../domain';
import type { Config } from './config';
import type { Logger } from './logger';

/**
 * The distributed app's install routes (GET /slack/install, GET /slack/oauth_redirect), on when
 * SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are set. Returns the sealed installation
 * store, or undefined when OAuth is off (single-workspace mode with SLACK_BOT_TOKEN is unchanged).
 */
export function mountSlackOAuth(
  app: Express,
  deps: { config: Pick<Config, 'SLACK_CLIENT_ID' | 'SLACK_CLIENT_SECRET' | 'SLACK_STATE_SECRET' | 'SLACK_TOKEN_KEY'>; store: Pick<StorePort, 'slackInstallations' | 'directory'>; logger: Logger; manifestPath?: string },
): SealedInstallationStore | undefined {
  const { config, logger } = deps;
  const secret = tokenKeySecret(config);
  if (!config.SLACK_CLIENT_ID || !config.SLACK_CLIENT_SECRET || !config.SLACK_STATE_SECRET || !secret) return undefined;
  const scopes = manifestBotScopes(readFileSync(deps.manifestPath ?? join(projectRoot(__dirname), 'manifest/slack/manifest.yml'), 'utf8'));
  const installations = new SealedInstallationStore(deps.store.slackInstallations, new InstallationSealer(secret));
  const h = slackOAuthHandlers({
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET,
    stateSecret: config.SLACK_STATE_SECRET,
    scopes,
    installationStore: installations,
    onFailure: (code) => logger.warn({ code }, 'A Slack installation did not complete'),
    // The workspace joins its organization (named by the directory, or the installer's as its admin).
    onInstalled: async (installation) => {
      const teamId = installation.team?.id;
      if (!teamId) return 'unbound';
      const binding = await bindSlackInstallation(
        deps.store.directory,
        { teamId, ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}), ...(installation.user?.id ? { installerUserId: installation.user.id } : {}) },
        logger,
      );
      return binding.outcome === 'bound' ? (binding.firstAdmin ? 'first-admin' : 'bound') : binding.outcome;
    },
  });
  app.get(SLACK_INSTALL_PATH, (req, res) => void h.install(req, res));
  app.get(SLACK_OAUTH_REDIRECT_PATH, (req, res) => void h.redirect(req, res));
  logger.info(`Slack install routes are on: GET ${SLACK_INSTALL_PATH}`);
  return installations;
}
