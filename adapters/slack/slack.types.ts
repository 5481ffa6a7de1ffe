/** The logging the Slack adapter needs (pino's shape: object first, then the message). */
export interface SlackLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
