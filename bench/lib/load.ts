/**
 * The load generator: keep-alive HTTP on loopback, and the two load shapes the benchmark uses. Every
 * loop is bounded by a count and a duration; a single operation is bounded by a timeout.
 */
import { Agent, request } from 'node:http';

export const agent = new Agent({ keepAlive: true, maxSockets: 256, keepAliveMsecs: 10_000 });

export interface HttpAnswer {
  status: number;
  body: string;
}

/** One request on the keep-alive agent; rejects after `timeoutMs`. */
export function post(url: string, body: string, headers: Record<string, string>, timeoutMs = 15_000, method = 'POST'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request(
      { agent, host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${method} ${u.pathname}`)));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

export const get = (url: string, timeoutMs = 5_000) => post(url, '', {}, timeoutMs, 'GET');

/** One operation of a load: resolves when the thing being measured is done (throws on failure). */
export type Operation = (i: number) => Promise<void>;

export interface LoadResult {
  mode: 'saturation' | 'fixed-rate';
  /** Operations started / completed / failed. */
  sent: number;
  ok: number;
  failed: number;
  /** Wall time from the first start to the last completion (ms). */
  elapsedMs: number;
  /** Completed operations per second. */
  throughput: number;
  /** Latency percentiles in ms (fixed rate: from the scheduled start, so a stall is not hidden). */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Fixed rate: the rate asked for, and the rate actually offered. */
  targetRate?: number;
  offeredRate?: number;
  concurrency?: number;
  firstError?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function summarize(mode: LoadResult['mode'], lat: number[], sent: number, failed: number, elapsedMs: number, firstError: string | undefined): LoadResult {
  const sorted = [...lat].sort((a, b) => a - b);
  const r3 = (x: number) => Math.round(x * 100) / 100;
  return {
    mode,
    sent,
    ok: lat.length,
    failed,
    elapsedMs: Math.round(elapsedMs),
    throughput: r3((lat.length * 1000) / Math.max(elapsedMs, 1)),
    p50: r3(percentile(sorted, 50)),
    p90: r3(percentile(sorted, 90)),
    p99: r3(percentile(sorted, 99)),
    max: r3(sorted.at(-1) ?? NaN),
    ...(firstError ? { firstError } : {}),
  };
}

/** Closed loop: `concurrency` workers each run one operation after another until the time or the count is used up. */
export async function saturate(op: Operation, o: { concurrency: number; durationMs: number; maxCount: number }): Promise<LoadResult> {
  const lat: number[] = [];
  let next = 0;
  let failed = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const deadline = t0 + o.durationMs;
  let last = t0;
  const worker = async () => {
    while (next < o.maxCount && performance.now() < deadline) {
      const i = next++;
      const s = performance.now();
      try {
        await op(i);
        last = performance.now();
        lat.push(last - s);
      } catch (e) {
        failed++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  return { ...summarize('saturation', lat, next, failed, last - t0, firstError), concurrency: o.concurrency };
}

/** Open loop: operation i starts at t0 + i/rate whatever happened to earlier ones; latency counts from that scheduled time. */
export async function fixedRate(op: Operation, o: { rate: number; durationMs: number; maxCount: number; maxOutstanding?: number }): Promise<LoadResult> {
  const count = Math.min(o.maxCount, Math.floor((o.rate * o.durationMs) / 1000));
  const lat: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  let outstanding = 0;
  let skipped = 0;
  const maxOutstanding = o.maxOutstanding ?? 2000;
  const pending: Promise<void>[] = [];
  const t0 = performance.now() + 5;
  let sent = 0;
  for (let i = 0; i < count; i++) {
    const at = t0 + (i * 1000) / o.rate;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (outstanding >= maxOutstanding) {
      skipped++;
      failed++;
      firstError ??= `more than ${maxOutstanding} operations outstanding`;
      continue;
    }
    outstanding++;
    sent++;
    pending.push(
      op(i).then(
        () => {
          lat.push(performance.now() - at);
          outstanding--;
        },
        (e: unknown) => {
          failed++;
          firstError ??= (e as Error).message;
          outstanding--;
        },
      ),
    );
  }
  const offeredMs = performance.now() - t0;
  await Promise.all(pending);
  const elapsed = performance.now() - t0;
  const r = summarize('fixed-rate', lat, sent + skipped, failed, elapsed, firstError);
  return { ...r, targetRate: o.rate, offeredRate: Math.round((sent * 1000) / Math.max(offeredMs, 1)) };
}
