import pino, { type Logger } from 'pino';

/** Structured JSON logs; tokens, secrets and signatures are redacted wherever they appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'partner-link' },
      redact: {
        paths: [
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
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
export type { Logger };
