import { findSlackApiError, type SlackApiError } from './slack-api.errors';

/**
 * Where one turn's answers go. A message in a thread is answered in that thread (`thread_ts`), every
 * message of the turn. A slash command (or a click) carries Slack's `response_url`: when the bot cannot
 * post in the conversation (a channel it is not in, a DM between two people), the answers go there
 * instead, shown to the person alone, for the rest of the turn.
 */
export class SlackReplyRoute {
  /** Posting failed because the bot cannot post in the conversation: answer through response_url. */
  unreachable = false;
  /** Something was posted in the conversation itself (so the bot can post there). */
  posted = false;

  constructor(
    readonly threadTs?: string,
    readonly responseUrl?: string,
  ) {}

  /** Whether this failure means "the bot cannot post here" and response_url can answer instead. */
  fallsBack(err: unknown): boolean {
    const slack = findSlackApiError(err);
    if (!this.responseUrl || !slack || !CANNOT_POST_HERE.has(slack.code)) return false;
    this.unreachable = true;
    return true;
  }
}

const CANNOT_POST_HERE = new Set<SlackApiError['code']>(['CHANNEL_NOT_FOUND', 'NOT_IN_CHANNEL']);

/** Slack's response URLs (Slack and GovSlack); anything else a body names is not posted to. */
export function responseUrlOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && (url.hostname === 'hooks.slack.com' || url.hostname === 'hooks.slack-gov.com') && url.username === '' && url.password === '' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
