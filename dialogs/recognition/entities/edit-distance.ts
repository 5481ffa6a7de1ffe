/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of neighbours each
 * cost 1), giving up early: returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  let prevPrev: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  const result = prev[b.length]!;
  return result > max ? max + 1 : result;
}

/** How many typos a phrase of this length tolerates: none for short words, more for long names. */
export function allowedEdits(length: number, japanese: boolean): number {
  if (japanese) return length <= 3 ? 0 : length <= 7 ? 1 : 2;
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}
