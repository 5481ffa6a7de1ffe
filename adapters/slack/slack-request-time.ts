import type { RequestHandler } from 'express';
import type { SlackLogger } from './slack.types';

/** How far a request's X-Slack-Request-Timestamp may be from our clock, either way (Slack's own rule: 5 minutes). */
export const SLACK_TIMESTAMP_TOLERANCE_S = 5 * 60;

/**
 * Refuses (401, like a bad signature) a request stamped more than five minutes in the future. Bolt's
 * receiver refuses old timestamps only, so a signed request captured with a future stamp could be
 * replayed for as long as the stamp lies ahead. Old, missing and malformed stamps are left to Bolt.
 */
export function refuseFutureTimestamps(logger: SlackLogger, nowMs: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-slack-request-timestamp'];
    const stamp = typeof header === 'string' && /^\d{1,15}$/.test(header) ? Number(header) : undefined;
    const aheadS = stamp === undefined ? 0 : stamp - Math.floor(nowMs() / 1000);
    if (aheadS > SLACK_TIMESTAMP_TOLERANCE_S) {
      logger.warn({ aheadSeconds: aheadS }, 'Slack request stamped more than 5 minutes in the future; refused');
      res.status(401).send();
      return;
    }
    next();
  };
}
