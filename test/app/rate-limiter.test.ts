import { RateLimiter } from '../../app';

/** The sync's budget of Partner Center calls, on a clock the test moves (no real waiting). */
function limiter(limit: number, windowMs: number) {
  let now = 1_000_000;
  const waits: number[] = [];
  const l = new RateLimiter({ limit, windowMs, now: () => now, sleep: async (ms) => void (waits.push(ms), (now += ms)) });
  return { l, waits, advance: (ms: number) => void (now += ms), at: () => now };
}

describe('RateLimiter (a sliding window)', () => {
  test('lets `limit` calls through at once, then waits until the oldest leaves the window', async () => {
    const { l, waits } = limiter(500, 60_000);
    for (let i = 0; i < 500; i++) await l.take();
    expect(waits).toEqual([]);
    await l.take();
    expect(waits).toEqual([60_000]);
  });

  test('counts only the calls inside the window', async () => {
    const { l, waits, advance } = limiter(3, 60_000);
    await l.take();
    advance(30_000);
    await l.take();
    await l.take();
    await l.take(); // the first call (30 s ago) leaves the window in 30 s
    expect(waits).toEqual([30_000]);
    advance(60_000);
    await l.take();
    expect(waits).toEqual([30_000]);
  });

  test('callers asking at once are let through in order, never more than the limit in a window', async () => {
    const { l, at } = limiter(2, 1000);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => l.take().then(() => times.push(at()))));
    expect(times).toHaveLength(5);
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(1000);
  });

  test('refuses a limit or window that cannot work', () => {
    expect(() => new RateLimiter({ limit: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new RateLimiter({ limit: 5, windowMs: 0 })).toThrow(RangeError);
  });
});
