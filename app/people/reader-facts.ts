import { knownTimeZone, LocaleSchema, MAX_TTL_MS, type KeyValuePort } from '../../domain';
import type { ReaderFacts, ReaderFactsPort } from '../ports';

const FIELDS = ['chosen', 'written', 'timeZone'] as const;
const key = (personId: string, field: (typeof FIELDS)[number]) => `reader:${personId}:${field}`;
/**
 * ReaderFacts in the store's key-value collection, one key per fact so that two instances recording
 * different facts never undo each other. A language is kept a year after it last changed; a reported
 * time zone as long as the caller trusts it (Slack: a day, then users.info is asked again).
 */
export class StoredReaderFacts implements ReaderFactsPort {
  constructor(private readonly values: KeyValuePort, private readonly now: () => Date = () => new Date()) {}

  async of(personId: string): Promise<ReaderFacts> {
    const [chosen, written, timeZone] = await Promise.all(FIELDS.map((f) => this.values.get(key(personId, f), this.now())));
    const c = LocaleSchema.safeParse(chosen);
    const w = LocaleSchema.safeParse(written);
    return {
      ...(c.success ? { chosen: c.data } : {}),
      ...(w.success ? { written: w.data } : {}),
      ...(knownTimeZone(timeZone) ? { timeZone } : {}),
    };
  }

  async record(personId: string, facts: ReaderFacts, options: { timeZoneTtlMs?: number } = {}): Promise<void> {
    for (const field of FIELDS) {
      const value = facts[field];
      if (value === undefined) continue;
      if (field === 'timeZone' && !knownTimeZone(value)) continue;
      const k = key(personId, field);
      if ((await this.values.get(k, this.now())) === value) continue;
      const ttl = field === 'timeZone' ? Math.min(options.timeZoneTtlMs ?? MAX_TTL_MS, MAX_TTL_MS) : MAX_TTL_MS;
      await this.values.set(k, value, ttl, this.now());
    }
  }
}
