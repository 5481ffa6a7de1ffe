import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

const REDACTED_PATHS = [
  '*.authorization',
  '*.Authorization',
  'req.headers.authorization',
  'req.headers["x-slack-signature"]',
  '*.token',
  '*.password',
  '*.secret',
  '*.MicrosoftAppPassword',
  '*.SLACK_BOT_TOKEN',
  '*.SLACK_SIGNING_SECRET',
  '*.SLACK_CLIENT_SECRET',
  '*.SLACK_STATE_SECRET',
  '*.SLACK_TOKEN_KEY',
];

export interface LoggerOptions {
  /**
   * Readable lines (pino-pretty) instead of JSON. Default: when standard output is a terminal, so a
   * person running `npm start` reads lines and a container, a pipe or a log collector gets JSON.
   */
  pretty?: boolean;
}

/**
 * Structured logs; tokens, secrets and signatures are redacted wherever they appear. JSON, one object
 * a line, unless `pretty` (by default: standard output is a terminal), when each line is made readable
 * by pino-pretty. Redaction happens before either, so a readable line hides the same values.
 */
export function createLogger(level: string, destination?: pino.DestinationStream, options: LoggerOptions = {}): Logger {
  const readable = options.pretty ?? (destination === undefined && process.stdout.isTTY === true);
  const stream = readable
    ? pretty({
        destination: destination ?? 1,
        sync: true,
        colorize: destination === undefined && process.stdout.isTTY === true,
        translateTime: 'SYS:yyyy-mm-dd HH:MM:ss.l o',
        ignore: 'pid,hostname,service',
        singleLine: true,
      })
    : destination;
  return pino(
    {
      level,
      base: { service: 'partner-link' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    stream,
  );
}
export type { Logger };
