import type { ImportProgress } from '../../domain';

/**
 * Issue 19: how far an import got, on stderr (stdout keeps the one-line summary). On a terminal, one bar
 * redrawn in place; otherwise (a log, a pipe, CI) a plain line at every tenth and at the end, so a log of
 * a long import shows it moving without one line per batch.
 */
export function importProgressWriter(stderr: NodeJS.WritableStream, now: () => number = Date.now): { onProgress: (p: ImportProgress) => void; end: () => void } {
  const tty = (stderr as { isTTY?: boolean }).isTTY === true;
  const started = now();
  let lastTenth = -1;
  let drawn = false;
  const seconds = () => ((now() - started) / 1000).toFixed(1);
  return {
    onProgress: ({ kind, done, total }) => {
      const share = total === 0 ? 1 : done / total;
      const percent = Math.floor(share * 100);
      if (tty) {
        const width = 30;
        const full = Math.round(share * width);
        stderr.write(`\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(percent).padStart(3)}% ${done}/${total} records (${kind}) ${seconds()} s`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth === lastTenth && done < total) return;
      lastTenth = tenth;
      stderr.write(`import: ${percent}% (${done} of ${total} records, now ${kind}) after ${seconds()} s\n`);
    },
    end: () => {
      if (drawn) stderr.write('\n');
    },
  };
}
