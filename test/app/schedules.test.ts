import { Schedules, type LoggerPort } from '../../app';
import { TestClock } from '../support/test-clock';

function recordingLogger() {
  const errors: { obj: object; msg?: string }[] = [];
  const logger: LoggerPort = { info: () => undefined, warn: () => undefined, error: (obj, msg) => void errors.push({ obj, ...(msg ? { msg } : {}) }) };
  return { logger, errors };
}

describe('app/ Schedules: the periodic work of one process', () => {
  it('runs a job at start when asked, and does not start a second run while one is still going', async () => {
    const { logger } = recordingLogger();
    const schedules = new Schedules(logger);
    let release!: () => void;
    let runs = 0;
    const job = { name: 'slow', everyMs: 60_000, atStart: true, run: () => (runs++, new Promise<void>((r) => (release = r))) };
    schedules.start([job]);
    expect(runs).toBe(1);
    expect(schedules.runOnce(job)).toBeUndefined();
    expect(runs).toBe(1);
    // stop() waits for the run in flight.
    let stopped = false;
    const stopping = schedules.stop().then(() => (stopped = true));
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    const again = schedules.runOnce(job);
    expect(runs).toBe(2);
    release();
    await again;
  });

  it('logs a failed run with the job name and keeps going; the next run happens', async () => {
    const { logger, errors } = recordingLogger();
    const schedules = new Schedules(logger);
    let calls = 0;
    const job = { name: 'flaky', everyMs: 60_000, run: async () => { if (++calls === 1) throw new Error('store down'); } };
    await schedules.runOnce(job);
    await schedules.runOnce(job);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.obj).toMatchObject({ job: 'flaky' });
  });

  it('runs on its interval and no more after stop()', async () => {
    jest.useFakeTimers();
    try {
      const schedules = new Schedules(recordingLogger().logger);
      let runs = 0;
      let finished = false;
      schedules.start([{ name: 'tick', everyMs: 1_000, run: async () => { runs++; await Promise.resolve(); finished = true; } }]);
      expect(runs).toBe(0);
      await jest.advanceTimersByTimeAsync(3_000);
      expect(runs).toBe(3);
      await schedules.stop();
      await jest.advanceTimersByTimeAsync(5_000);
      expect(runs).toBe(3);
      expect(finished).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('issue 15: runs on the clock it is given; a test clock moved by days runs each due job once per move, never after stop()', async () => {
    const clock = new TestClock('2026-04-01T00:00:00Z');
    const schedules = new Schedules(recordingLogger().logger, clock);
    const seen: string[] = [];
    schedules.start([
      { name: 'five-minutes', everyMs: 300_000, run: async () => void seen.push(`5m@${clock.now().toISOString().slice(0, 10)}`) },
      { name: 'weekly', everyMs: 7 * 86_400_000, run: async () => void seen.push(`7d@${clock.now().toISOString().slice(0, 10)}`) },
    ]);
    await clock.advanceDays(7);
    expect(seen.filter((s) => s.startsWith('5m'))).toHaveLength(7);
    expect(seen.filter((s) => s.startsWith('7d'))).toEqual(['7d@2026-04-08']);
    await schedules.stop();
    await clock.advanceDays(7);
    expect(seen).toHaveLength(8);
  });
});
