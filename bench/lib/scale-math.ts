/**
 * The arithmetic of the scale rows (issue 19), kept free of I/O so that the bench's tests can check it:
 * growth against S measured in the same run, and the framework-floor ratio.
 */

export const SCALE_SIZES = ['S', 'M', 'L'] as const;
export type ScaleSize = (typeof SCALE_SIZES)[number];

/** A figure at each size measured (a missing size is simply not there). */
export type BySize = Partial<Record<ScaleSize, number>>;

/**
 * Each size's figure divided by S's, from the same run (so that the machine's noise largely cancels).
 * A size without a finite figure, or a run without a positive finite S, gets no ratio.
 */
export function ratiosAgainstS(values: BySize): BySize {
  const s = values.S;
  const out: BySize = {};
  if (s === undefined || !Number.isFinite(s) || s <= 0) return out;
  for (const size of SCALE_SIZES) {
    const v = values[size];
    if (v !== undefined && Number.isFinite(v)) out[size] = v / s;
  }
  return out;
}

/** "M 2.1× · L 9.8×" (S is 1 by definition and is left out). */
export function formatGrowth(values: BySize): string {
  const r = ratiosAgainstS(values);
  const parts = SCALE_SIZES.filter((z) => z !== 'S' && r[z] !== undefined).map((z) => `${z} ${r[z]!.toFixed(r[z]! >= 100 ? 0 : r[z]! >= 10 ? 1 : 2)}×`);
  return parts.length ? parts.join(' · ') : '-';
}

/**
 * The full turn against the "botbuilder-dialogs alone" floor: product throughput ÷ floor throughput at
 * saturation (1 = the product costs no more than the framework it is built on). Needs both positive.
 */
export function floorRatio(productThroughput: number, floorThroughput: number): number {
  if (!Number.isFinite(productThroughput) || !Number.isFinite(floorThroughput) || floorThroughput <= 0 || productThroughput < 0) return NaN;
  return productThroughput / floorThroughput;
}

/**
 * What the product's own work costs per turn, in floor turns: at saturation a turn takes 1/throughput
 * of the machine, so the product adds (1/product − 1/floor) × floor turns. 0 when it is as fast as the floor.
 */
export function addedPerTurn(productThroughput: number, floorThroughput: number): number {
  const r = floorRatio(productThroughput, floorThroughput);
  return Number.isFinite(r) && r > 0 ? 1 / r - 1 : NaN;
}

export const FLOOR_TARGET = 0.85;

export function floorVerdict(ratio: number, failed: number): 'PASS' | 'FAIL' | 'n/a' {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio >= FLOOR_TARGET && failed === 0 ? 'PASS' : 'FAIL';
}

/**
 * One line for a failure: V8's out-of-memory report is many lines of native frames, and the table is one
 * row per line; its FATAL ERROR line (or else the first line) says what happened.
 */
export function gist(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const fatal = lines.find((l) => /FATAL ERROR|heap out of memory/i.test(l));
  const head = lines[0] ?? '';
  return (fatal && fatal !== head ? `${head.replace(/[:\s-]+$/, '')}: ${fatal}` : head).slice(0, 300);
}
