import { withoutPleasantries } from './pleasantries';

/**
 * Issue 18: the clauses of a chat message, read one by one. A message ends a clause with a sentence end
 * (". ", "!", "?", "…", "...", 「。」「！」「？」, a line break) or a dash between spaces ("quick q - can we
 * ..."); commas do not (they join a request to its details). Pleasantries are cut from each clause
 * (pleasantries.ts) and a clause that was nothing but them is dropped: "Hi, hope you're well… we'd like
 * a distributor… Which ones can we pick?" has two clauses. A dot ends a clause when a space follows and it
 * ends a word of two letters or more ("we use M365. link us"), not an abbreviation ("U.S. gov cloud").
 *
 * Every pattern is a single character class or a fixed lookbehind: linear in the text
 * (test/nlu/linear-patterns.test.ts).
 */
export const CLAUSE_END = /(?<=[!?！？。…\n])\s*|(?<=[^\s.]{2}\.)\s+|\.{2,}\s*|\s[-–—]+\s/u;

/** The clauses of a message that are more than pleasantries; [] for a message of one clause. */
export function clausesOf(text: string): string[] {
  const parts = text.split(CLAUSE_END).filter((c) => c.trim());
  if (parts.length < 2) return [];
  return parts.map((c) => withoutPleasantries(c.replace(/^[\s.,、]+/u, ''))).filter((c) => c.length > 0);
}
