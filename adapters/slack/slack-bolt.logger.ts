import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { SlackLogger } from './slack.types';

/** Bolt's logger interface over ours, so Bolt's own messages land in the same structured log. */
export function boltLogger(logger: SlackLogger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const text = (msg: unknown[]) => msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg: unknown[]) => logger.debug({ component: name }, text(msg)),
    info: (...msg: unknown[]) => logger.info({ component: name }, text(msg)),
    warn: (...msg: unknown[]) => logger.warn({ component: name }, text(msg)),
    error: (...msg: unknown[]) => logger.error({ component: name }, text(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
