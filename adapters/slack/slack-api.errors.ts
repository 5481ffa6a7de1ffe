import { ErrorCode as WebErrorCode } from '@slack/web-api';
import { CodedError, unwrap } from '../../domain';

/** What went wrong calling the Slack Web API, as callers branch on it. */
export type SlackApiErrorCode =
  | 'RATE_LIMITED'
  | 'AUTH_FAILED'
  | 'NOT_IN_CHANNEL'
  | 'CHANNEL_NOT_FOUND'
  | 'MESSAGE_NOT_FOUND'
  | 'INVALID_BLOCKS'
  | 'SLACK_ERROR'
  | 'HTTP_ERROR'
  | 'UNREACHABLE';

export class SlackApiError extends CodedError<SlackApiErrorCode> {
  constructor(
    code: SlackApiErrorCode,
    readonly method: string,
    message: string,
    options: { cause?: unknown; slackError?: string; retryAfterSeconds?: number } = {},
  ) {
    super(code, message, { cause: options.cause });
    this.slackError = options.slackError;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
  readonly slackError: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  /** Worth trying again later (Slack busy or unreachable); the others will fail the same way. */
  get retryable(): boolean {
    return this.code === 'RATE_LIMITED' || this.code === 'HTTP_ERROR' || this.code === 'UNREACHABLE';
  }
}

const PLATFORM_CODES: Record<string, SlackApiErrorCode> = {
  not_authed: 'AUTH_FAILED',
  invalid_auth: 'AUTH_FAILED',
  account_inactive: 'AUTH_FAILED',
  token_revoked: 'AUTH_FAILED',
  missing_scope: 'AUTH_FAILED',
  not_in_channel: 'NOT_IN_CHANNEL',
  channel_not_found: 'CHANNEL_NOT_FOUND',
  is_archived: 'CHANNEL_NOT_FOUND',
  message_not_found: 'MESSAGE_NOT_FOUND',
  cant_update_message: 'MESSAGE_NOT_FOUND',
  invalid_blocks: 'INVALID_BLOCKS',
  invalid_blocks_format: 'INVALID_BLOCKS',
  msg_too_long: 'INVALID_BLOCKS',
  ratelimited: 'RATE_LIMITED',
};

/** The one place a @slack/web-api failure becomes a typed error (the cause is kept). */
export function toSlackApiError(method: string, err: unknown): SlackApiError {
  if (err instanceof SlackApiError) return err;
  const e = err as { code?: string; data?: { error?: string }; statusCode?: number; retryAfter?: number; message?: string };
  switch (e?.code) {
    case WebErrorCode.PlatformError: {
      const slackError = e.data?.error ?? 'unknown';
      return new SlackApiError(PLATFORM_CODES[slackError] ?? 'SLACK_ERROR', method, `Slack refused ${method}: ${slackError}`, { cause: err, slackError });
    }
    case WebErrorCode.RateLimitedError:
      return new SlackApiError('RATE_LIMITED', method, `Slack rate-limited ${method} (retry after ${e.retryAfter ?? '?'} s)`, {
        cause: err,
        ...(e.retryAfter !== undefined ? { retryAfterSeconds: e.retryAfter } : {}),
      });
    case WebErrorCode.HTTPError:
      return new SlackApiError('HTTP_ERROR', method, `Slack answered ${method} with HTTP ${e.statusCode ?? '?'}`, { cause: err });
    case WebErrorCode.RequestError:
      return new SlackApiError('UNREACHABLE', method, `Slack could not be reached for ${method}`, { cause: err });
    default:
      return new SlackApiError('SLACK_ERROR', method, `${method} failed: ${e?.message ?? String(err)}`, { cause: err });
  }
}

/**
 * The SlackApiError in a failed turn, wherever it is: a Web API call made inside a dialog reaches the
 * turn's caller wrapped by botbuilder-dialogs (DialogContextError keeps it in `.error`).
 */
export function findSlackApiError(err: unknown): SlackApiError | undefined {
  return unwrap(err).find((e): e is SlackApiError => e instanceof SlackApiError);
}

/** Runs one Web API call; any failure comes out as a SlackApiError. */
export async function callSlack<T>(method: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toSlackApiError(method, err);
  }
}

const PLAIN = {
  en: {
    busy: 'Slack is busy right now, so I could not finish that. Please try again in a minute.',
    channel: 'I cannot post in that conversation. Invite me to the channel (or message me directly) and try again.',
    other: 'Something went wrong talking to Slack, so that did not go through. Please try again.',
  },
  ja: {
    busy: 'Slack が混み合っているため、処理を完了できませんでした。少し待ってからもう一度お試しください。',
    channel: 'この会話には投稿できません。チャンネルに私を招待するか、ダイレクト メッセージでもう一度お試しください。',
    other: 'Slack との通信で問題が起きたため、処理できませんでした。もう一度お試しください。',
  },
};

/** What to tell the person whose action failed, in words they can act on. */
export function plainSlackFailure(err: SlackApiError, locale: 'en' | 'ja'): string {
  const t = PLAIN[locale];
  if (err.code === 'RATE_LIMITED' || err.code === 'UNREACHABLE' || err.code === 'HTTP_ERROR') return t.busy;
  if (err.code === 'NOT_IN_CHANNEL' || err.code === 'CHANNEL_NOT_FOUND') return t.channel;
  return t.other;
}
