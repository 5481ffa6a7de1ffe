import type { WebClient } from '@slack/web-api';
import { knownTimeZone } from '../../domain';
import { callSlack } from './slack-api.errors';
import type { SlackTokenSource, SlackWorkspace } from './slack-tokens';

interface Entry {
  locale: string | undefined;
  /** The person's display name from the same lookup (a newcomer joins with it). */
  name: string | undefined;
  /** The IANA time zone the person set in Slack (users.info `tz`), for dates on their cards. */
  timeZone: string | undefined;
  expires: number;
}

/**
 * The language each Slack user chose ('ja-JP', 'en-US'), from users.info with include_locale, kept
 * for a while so that a conversation costs one lookup. A failed lookup is not cached and not fatal:
 * the bot falls back to the directory's language.
 */
export class SlackLocaleCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly client: WebClient,
    private readonly tokens: SlackTokenSource,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  /** `via`: the installation the lookup acts through (its token); the person may be from another workspace. */
  async localeOf(via: SlackWorkspace | undefined, teamId: string, userId: string): Promise<string | undefined> {
    const key = `${teamId}:${userId}`;
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.locale;
    try {
      const token = await this.tokens.tokenFor(via);
      const res = await callSlack('users.info', () => this.client.users.info({ token, user: userId, include_locale: true }));
      const locale = res.user?.locale;
      const raw = res.user?.profile?.display_name || res.user?.real_name || res.user?.profile?.real_name;
      const name = typeof raw === 'string' && raw.trim() ? raw.trim().slice(0, 200) : undefined;
      const timeZone = knownTimeZone(res.user?.tz) ? res.user.tz : undefined;
      this.entries.set(key, { locale, name, timeZone, expires: this.now() + this.ttlMs });
      return locale;
    } catch (err) {
      this.onError(err);
      return undefined;
    }
  }

  /** The name the last lookup of this person (localeOf) found; no call of its own. */
  nameOf(teamId: string, userId: string): string | undefined {
    return this.entries.get(`${teamId}:${userId}`)?.name;
  }

  /** The time zone the last lookup of this person (localeOf) found; no call of its own. */
  timeZoneOf(teamId: string, userId: string): string | undefined {
    return this.entries.get(`${teamId}:${userId}`)?.timeZone;
  }
}
