import type { WebClientOptions } from '@slack/web-api';

export interface SlackRetryPolicy {
  /** Retries after the first attempt (429s and network failures). */
  retries: number;
  /** Back-off bounds in ms between retries; a 429's Retry-After is waited on top of these. */
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

/** Bounded: a rate-limited call is retried at most 3 times, never for more than about a minute. */
export const DEFAULT_SLACK_RETRY: SlackRetryPolicy = { retries: 3, minTimeoutMs: 500, maxTimeoutMs: 10_000 };

/**
 * Web API client options, explicit rather than the library's defaults (ten retries over half an
 * hour): 429 responses are retried after their Retry-After, a bounded number of times.
 */
export function slackClientOptions(opts: { apiUrl?: string; retry?: SlackRetryPolicy; timeoutMs?: number }): WebClientOptions {
  const retry = opts.retry ?? DEFAULT_SLACK_RETRY;
  return {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl.endsWith('/') ? opts.apiUrl : `${opts.apiUrl}/` } : {}),
    rejectRateLimitedCalls: false,
    retryConfig: { retries: retry.retries, factor: 2, minTimeout: retry.minTimeoutMs, maxTimeout: retry.maxTimeoutMs, randomize: false },
    timeout: opts.timeoutMs ?? 10_000,
  };
}
