/**
 * Issue 19: how far through a big file a command is, on stderr: a bar redrawn in place when stderr is a
 * terminal, otherwise one plain line every 10% (logs and CI keep a readable record).
 */
export type ProgressReport = (done: number, total: number) => void;

const BAR = 30;
const REDRAW_EVERY_MS = 100;

export function fileProgress(stream: NodeJS.WritableStream & { isTTY?: boolean }, label: string, now: () => number = Date.now): { report: ProgressReport; end: () => void } {
  const tty = stream.isTTY === true;
  let lastDraw = -Infinity;
  let lastTenth = 0;
  let drawn = false;
  const mb = (n: number) => (n / 1048576).toFixed(1);
  return {
    report(done, total) {
      if (total <= 0) return;
      const share = Math.min(1, done / total);
      if (tty) {
        if (now() - lastDraw < REDRAW_EVERY_MS && share < 1) return;
        lastDraw = now();
        const full = Math.round(share * BAR);
        stream.write(`\r${label} [${'#'.repeat(full)}${'.'.repeat(BAR - full)}] ${Math.floor(share * 100)}% ${mb(done)}/${mb(total)} MB`);
        drawn = true;
        return;
      }
      const tenth = Math.floor(share * 10);
      if (tenth <= lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label}: ${tenth * 10}% (${mb(done)} of ${mb(total)} MB)\n`);
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
