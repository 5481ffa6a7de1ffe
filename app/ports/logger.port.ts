/** The structured logger the application layer writes to (pino's shape; bot/ hands in the real one). */
export interface LoggerPort {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
