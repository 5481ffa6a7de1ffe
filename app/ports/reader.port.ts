import type { Locale } from '../../domain';

/** What the bot has learned about how a person reads, kept in the store (processes are stateless). */
export interface ReaderFacts {
  /** The language they asked for ("in English", 「日本語で」). */
  chosen?: Locale;
  /** The language they last wrote in. */
  written?: Locale;
  /** The IANA time zone their chat client or profile reports (Teams clientInfo, Slack users.info tz). */
  timeZone?: string;
}

/** Reads and records ReaderFacts per person; a recorded fact replaces the one before. */
export interface ReaderFactsPort {
  of(personId: string): Promise<ReaderFacts>;
  /** Records the given facts (only those that changed are written); `timeZoneTtlMs` bounds how long a reported time zone is trusted. */
  record(personId: string, facts: ReaderFacts, options?: { timeZoneTtlMs?: number }): Promise<void>;
}
