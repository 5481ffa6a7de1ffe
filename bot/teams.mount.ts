import type { Express } from 'express';
import type { TurnContext } from 'botbuilder';
import {
  createTeamsAdapter,
  processTeamsRequest,
  teamsSettingsProblems,
  tenantGate,
  TeamsProactiveSender,
  type TeamsCloudAdapter,
  type TeamsSettings,
} from '../adapters/teams';
import { errorCard } from '../cards';
import { CardSizeLimit, cardMessage } from '../dialogs';
import { localeFromTag, type ProactiveSenderPort, type StorePort } from '../domain';
import { ConfigError, type Config } from './config';
import { activityBody } from './http-body';
import type { Logger } from './logger';
import { startPlaygrounds, playgroundWanted, type RunningPlaygrounds } from './teams-playground';

export interface TeamsMountDeps {
  bot: { run(context: TurnContext): Promise<void> };
  notifier: { register(sender: ProactiveSenderPort): void };
  config: Config;
  logger: Logger;
  store: StorePort;
}

export interface TeamsMount {
  adapter: TeamsCloudAdapter;
  /** True in local development mode: no app ID, requests are not authenticated. */
  anonymous: boolean;
  /** The Agents Playground processes started for local development, if any. */
  playgrounds?: RunningPlaygrounds;
}

export function teamsSettings(config: Config): TeamsSettings {
  return {
    appType: config.MicrosoftAppType,
    ...(config.MicrosoftAppId ? { appId: config.MicrosoftAppId } : {}),
    ...(config.MicrosoftAppPassword ? { appPassword: config.MicrosoftAppPassword } : {}),
    ...(config.MicrosoftAppTenantId ? { tenantId: config.MicrosoftAppTenantId } : {}),
    allowedTenantIds: config.ALLOWED_TENANT_IDS.map((t) => t.toLowerCase()),
  };
}

/**
 * Teams: `POST /api/messages` on the bot's HTTP server, and proactive delivery through the Bot
 * Connector. Every request is authenticated when MicrosoftAppId is set; without it the bot runs in
 * local development mode (anonymous), which production refuses. With `startPlayground` (npm start) and
 * no credentials, Microsoft's Agents Playground is started against the endpoint.
 */
export function mountTeams(
  app: Express,
  deps: TeamsMountDeps,
  options: { startPlayground?: boolean } & Pick<TeamsSettings, 'signingKeys' | 'authDeadlineMs'> = {},
): TeamsMount {
  const { config, logger } = deps;
  const settings: TeamsSettings = {
    ...teamsSettings(config),
    ...(options.signingKeys ? { signingKeys: options.signingKeys } : {}),
    ...(options.authDeadlineMs ? { authDeadlineMs: options.authDeadlineMs } : {}),
  };
  const anonymous = !settings.appId;
  if (anonymous && config.NODE_ENV === 'production') {
    throw new ConfigError([
      'MicrosoftAppId: required when NODE_ENV=production. Without it /api/messages accepts unauthenticated requests (local development mode). ' +
        'Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId from the Azure Bot registration (docs/teams/README.md).',
    ]);
  }
  const problems = teamsSettingsProblems(settings);
  if (problems.length) throw new ConfigError(problems);
  if (anonymous) {
    logger.warn(
      { teams: 'anonymous' },
      '!!! Teams: MicrosoftAppId is not set: LOCAL DEVELOPMENT MODE. /api/messages accepts UNAUTHENTICATED requests. Never expose this port; production refuses to start like this. !!!',
    );
  }

  const adapter = createTeamsAdapter(settings, logger, replyWithErrorCard);
  // Issue 19: every card sent through this adapter (turns and proactive) is checked against Teams' 28 KB.
  adapter.use(new CardSizeLimit(logger));
  const logic = tenantGate(settings.allowedTenantIds, (context) => deps.bot.run(context), (tenant) =>
    logger.warn({ tenant: tenant ?? '(none)' }, 'Teams activity from a tenant not in ALLOWED_TENANT_IDS refused; nothing stored'),
  );
  app.post('/api/messages', activityBody(logger), async (req, res) => {
    const answer = await processTeamsRequest(adapter, req.body, req.headers.authorization, logic, logger);
    res.status(answer.status);
    if (answer.headers) res.set(answer.headers);
    if (answer.body === undefined) res.end();
    else res.json(answer.body);
  });
  deps.notifier.register(new TeamsProactiveSender(adapter, settings.appId ?? ''));

  const playgrounds = options.startPlayground && playgroundWanted(config) ? startPlaygrounds(config, logger) : undefined;
  return { adapter, anonymous, ...(playgrounds ? { playgrounds } : {}) };
}

/** The error card, in the conversation; a card click (invoke) is also answered with an error. */
async function replyWithErrorCard(context: TurnContext, correlationId: string): Promise<void> {
  const locale = localeFromTag(context.activity.locale) ?? 'en';
  if (context.activity.type === 'invoke') {
    await context.sendActivity({
      type: 'invokeResponse',
      value: { status: 200, body: { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: '500', message: `Something went wrong (${correlationId})` } } },
    });
  }
  await context.sendActivity(cardMessage(errorCard({ correlationId }, { locale })));
}
