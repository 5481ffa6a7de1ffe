import { randomUUID } from 'node:crypto';
import { CloudAdapter, type Activity, type TurnContext } from 'botbuilder';
import { errorCode, unwrap } from '../../domain';
import { botFrameworkAuthentication } from './bot-framework-auth';
import { serviceUrlProblem } from './service-urls';
import { SigningKeys, SigningKeysUnavailableError } from './signing-keys';
import type { TeamsSettings } from './teams-settings';

/** The little of a logger the adapter uses (pino's shape). */
export interface TeamsLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Tells the person in the conversation that their turn failed, with the ID the log line carries. */
export type TurnErrorReply = (context: TurnContext, correlationId: string) => Promise<void>;

/**
 * botbuilder's CloudAdapter for the Bot Connector, authenticated for this registration. A failed turn
 * is logged (message and stack only: errors from the connector carry request headers) and the person
 * is told plainly, with a correlation ID to quote to support.
 */
export function createTeamsAdapter(settings: TeamsSettings, logger: TeamsLogger, replyOnError: TurnErrorReply): TeamsCloudAdapter {
  const keys = new SigningKeys({
    ...settings.signingKeys,
    onFailure: (url, reason, retryAfterSeconds) =>
      logger.warn({ metadataUrl: url, reason, retryAfterSeconds }, 'Bot Framework signing keys could not be fetched: Teams requests get 503 until they can'),
  });
  const adapter = new TeamsCloudAdapter(botFrameworkAuthentication(settings, keys), !settings.appId);
  adapter.onTurnError = async (context, error) => {
    const correlationId = randomUUID();
    const a = context.activity;
    logger.error(
      { correlationId, err: safeError(error), activity: { type: a.type, name: a.name, id: a.id, conversation: a.conversation?.id, channelId: a.channelId } },
      'Teams turn failed',
    );
    try {
      await replyOnError(context, correlationId);
    } catch (err) {
      logger.error({ correlationId, err: safeError(err) }, 'could not tell the user about the failed turn');
    }
  };
  return adapter;
}

/**
 * CloudAdapter with its authenticate-then-run step public, so that the HTTP layer maps the outcome
 * itself (401 without the token error's text, no console output, our logger) instead of `process()`.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConstructorParameters<typeof CloudAdapter>[0],
    /** Local development mode: nothing is authenticated, replies go to this machine only. */
    readonly anonymous = false,
  ) {
    super(auth);
  }

  /** Why the bot may not post to this serviceUrl (see service-urls.ts), or undefined. */
  serviceUrlProblem(url: unknown): string | undefined {
    return serviceUrlProblem(url, this.anonymous);
  }

  authenticateAndRun(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authorization, activity, logic);
  }
}

type LoggedError = { name: string; message: string; code?: string; statusCode?: number; stack?: string };

/**
 * An error as it may be logged: no request, response or headers (they hold bearer tokens). The code is
 * the first in the chain (a CodedError inside botbuilder-dialogs' DialogContextError still shows), and
 * a wrapped error's innermost layer is logged as `inner`, since the wrapper's stack points at the wrapping
 * (not `cause`: pino folds a `cause` into the message and stack, repeating the wrapper's copied message).
 */
export function safeError(error: unknown): LoggedError & { inner?: LoggedError } {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error).slice(0, 500) };
  const root = unwrap(error).at(-1);
  const code = errorCode(error);
  return {
    ...plainError(error),
    ...(code ? { code } : {}),
    ...(root !== error && root instanceof Error ? { inner: plainError(root) } : {}),
  };
}

function plainError(e: Error & { code?: unknown; statusCode?: unknown }): LoggedError {
  return {
    name: e.name,
    message: e.message.slice(0, 1000),
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(e.stack ? { stack: e.stack } : {}),
  };
}

export interface HttpAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * One Bot Framework request, as a pure handler: authenticate the Authorization header, run the turn,
 * answer with the invoke response (or 200). A missing or bad token is 401 before any turn logic runs.
 */
export async function processTeamsRequest(
  adapter: TeamsCloudAdapter,
  body: unknown,
  authorization: string | undefined,
  logic: (context: TurnContext) => Promise<void>,
  logger: TeamsLogger,
): Promise<HttpAnswer> {
  if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
    return { status: 400, body: { error: 'The body must be a Bot Framework activity (JSON with a type).' } };
  }
  // Before anything runs: a turn would reply there, and store it as the person's conversation reference.
  const refused = adapter.serviceUrlProblem((body as { serviceUrl?: unknown }).serviceUrl);
  if (refused) {
    logger.warn({ serviceUrlHost: hostOf((body as { serviceUrl?: unknown }).serviceUrl) }, 'Teams activity refused: serviceUrl not allowed; nothing stored');
    return { status: 400, body: { error: refused } };
  }
  try {
    const invokeResponse = await adapter.authenticateAndRun(authorization ?? '', body as Activity, logic);
    return { status: invokeResponse?.status ?? 200, ...(invokeResponse?.body !== undefined ? { body: invokeResponse.body } : {}) };
  } catch (err) {
    if (err instanceof SigningKeysUnavailableError) {
      logger.warn({ retryAfterSeconds: err.retryAfterSeconds }, 'Teams request answered 503: the signing keys are not available');
      return { status: 503, headers: { 'Retry-After': String(err.retryAfterSeconds) }, body: { error: 'Service Unavailable' } };
    }
    if (isUnauthorized(err)) {
      logger.warn({ reason: (err as Error).message.slice(0, 200) }, 'Teams request refused: not authenticated');
      return { status: 401, body: { error: 'Unauthorized' } };
    }
    const correlationId = randomUUID();
    logger.error({ correlationId, err: safeError(err) }, 'Teams request failed');
    return { status: 500, body: { error: 'Internal error', correlationId } };
  }
}

/**
 * botframework-connector's AuthenticationError carries statusCode 401 (the class is not re-exported);
 * a bad signature or an expired token surfaces as jsonwebtoken's own error, which botbuilder's
 * `process()` would answer with 500.
 */
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);
function isUnauthorized(err: unknown): boolean {
  if (err instanceof Error && TOKEN_ERRORS.has(err.name)) return true;
  const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
  return status === 401 || status === 403;
}

function hostOf(url: unknown): string {
  try {
    return typeof url === 'string' ? new URL(url).host.slice(0, 200) : typeof url;
  } catch {
    return '(not a URL)';
  }
}
