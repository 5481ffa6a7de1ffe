/** A request's ID as people type it ("PL-7K2M9Q4D", any case). */
const REQUEST_ID = /\bPL-[0-9A-Z]{8}\b/i;

/**
 * The first request ID in a message, upper case as stored; an IME's full-width "ＰＬ－…" is the same ID
 * (NFKC). One reading for every dialog that acts on the request a message names.
 */
export function requestIdIn(text: string | undefined): string | undefined {
  return text ? REQUEST_ID.exec(text.normalize('NFKC'))?.[0]?.toUpperCase() : undefined;
}
