import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import type { LoadResult } from './load';
import { ROOT } from './procs';

/** The bench's report: its rows (the table), every figure (the JSON) and how they are formatted. */
export type Json = Record<string, unknown>;

export interface Row {
  id: string;
  figure: string;
  product: string;
  floor: string;
  ratio: string;
  target: string;
  verdict: 'PASS' | 'FAIL' | 'INFO' | 'n/a';
  note?: string;
}

export const results: Json = {};
export const rows: Row[] = [];

export const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms` : '-');
export const mb = (x: number) => (Number.isFinite(x) ? `${(x / 1048576).toFixed(1)} MB` : '-');
export const rps = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)}/s` : '-');
export const x2 = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '-');

/** One load test against a server: throughput at saturation and latency at a fixed rate. */
export interface Pair {
  saturation: LoadResult & { serverCpuPct: number; loadgenCpuPct: number };
  fixed: LoadResult;
}

export function turnRows(id: string, platform: string, store: string, product: Pair | string, floor: Pair | undefined, latencyTarget: boolean, P: { rate: number; conc: number }): void {
  if (typeof product === 'string') {
    rows.push({ id, figure: `${platform} full turn, ${store}: throughput at saturation`, product: product, floor: '-', ratio: '-', target: '≥ 0.6× echo', verdict: 'n/a' });
    rows.push({ id, figure: `${platform} full turn, ${store}: p50 / p99 at ${P.rate}/s`, product: product, floor: '-', ratio: '-', target: latencyTarget ? 'p99 < 50 ms' : '(report)', verdict: 'n/a' });
    return;
  }
  const s = product.saturation;
  const f = product.fixed;
  const ratio = floor ? s.throughput / floor.saturation.throughput : NaN;
  rows.push({
    id,
    figure: `${platform} full turn, ${store}: throughput at saturation (${P.conc} in flight)`,
    product: `${rps(s.throughput)}${s.failed ? ` (${s.failed} failed)` : ''} [cpu srv ${s.serverCpuPct}% / load ${s.loadgenCpuPct}%]`,
    floor: floor ? `${rps(floor.saturation.throughput)} [cpu srv ${floor.saturation.serverCpuPct}% / load ${floor.saturation.loadgenCpuPct}%]` : '-',
    ratio: Number.isFinite(ratio) ? `${ratio.toFixed(2)}` : '-',
    target: '≥ 0.6× echo',
    verdict: Number.isFinite(ratio) ? (ratio >= 0.6 && s.failed === 0 ? 'PASS' : 'FAIL') : 'n/a',
  });
  rows.push({
    id,
    figure: `${platform} full turn, ${store}: p50 / p99 at ${P.rate}/s (offered ${f.offeredRate}/s, ${f.ok}/${f.sent} ok)`,
    product: `${ms(f.p50)} / ${ms(f.p99)}`,
    floor: floor ? `${ms(floor.fixed.p50)} / ${ms(floor.fixed.p99)}` : '-',
    ratio: floor ? `${x2(f.p50, floor.fixed.p50)} / ${x2(f.p99, floor.fixed.p99)}` : '-',
    target: latencyTarget ? 'p99 < 50 ms' : '(report)',
    verdict: latencyTarget ? (f.p99 < 50 && f.failed === 0 ? 'PASS' : 'FAIL') : 'INFO',
    ...(f.failed || s.failed ? { note: `failed: ${s.failed} at saturation, ${f.failed} at fixed rate; first: ${(f.firstError ?? s.firstError ?? '').slice(0, 140)}` } : {}),
  });
}

export function gitCommit(): string {
  // The repository holding package.json (a symlink in a scratch build still finds the real one).
  const repo = dirname(realpathSync(join(ROOT, 'package.json')));
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repo, encoding: 'utf8' }).trim() !== '';
    const untracked = execFileSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).split('\n').some((l) => l.startsWith('??'));
    return `${head}${dirty || untracked ? ' (+ uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

export function machine(): Json {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg(),
  };
}

export function table(): string {
  const head = ['#', 'figure', 'product', 'floor (bare echo)', 'ratio', 'target', 'result'];
  const body = rows.map((r) => [r.id, r.figure + (r.note ? ` [${r.note}]` : ''), r.product, r.floor, r.ratio, r.target, r.verdict]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
