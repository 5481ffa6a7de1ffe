/** Time and identifiers come through ports so that tests can fix them. */
export interface ClockPort {
  now(): Date;
}
export interface IdGeneratorPort {
  /** A new request ID: PL- and eight characters from [0-9A-Z]. */
  requestId(): string;
}
export const systemClock: ClockPort = { now: () => new Date() };
