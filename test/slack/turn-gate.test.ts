import { TurnGate } from '../../adapters/slack/turn-gate';

/** A turn the test finishes when it likes. */
function heldTurn(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return {
    finish: () => finish(),
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
  };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('TurnGate: at most N turns at once, the rest in order, none waiting too long', () => {
  it('runs up to the limit at once; the others start in arrival order as places free up', async () => {
    const log: string[] = [];
    const gate = new TurnGate(2, 60_000);
    const turns = ['a', 'b', 'c', 'd'].map((n) => heldTurn(log, n));
    const results = turns.map((t) => gate.run(t.run));
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect(gate.counts).toEqual({ active: 2, waiting: 2 });
    turns[1]!.finish();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    turns[0]!.finish();
    turns[2]!.finish();
    turns[3]!.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
    expect(gate.counts).toEqual({ active: 0, waiting: 0 });
  });

  it('a failing turn frees its place too', async () => {
    const gate = new TurnGate(1, 60_000);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });

  it('a turn that waited maxWaitMs starts anyway, so recovery never sees it as an orphan', async () => {
    jest.useFakeTimers();
    try {
      const log: string[] = [];
      const gate = new TurnGate(1, 30_000);
      const first = heldTurn(log, 'first');
      const second = heldTurn(log, 'second');
      void gate.run(first.run);
      const late = gate.run(second.run);
      await Promise.resolve();
      expect(log).toEqual(['start first']);
      await jest.advanceTimersByTimeAsync(29_999);
      expect(log).toEqual(['start first']);
      await jest.advanceTimersByTimeAsync(1);
      expect(log).toEqual(['start first', 'start second']); // over the limit, past its wait
      second.finish();
      first.finish();
      expect(await late).toBe('second');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('TurnGate while the event loop is busy (issue 19)', () => {
  it('runs at most busyLimit turns at once while busy, in arrival order; once the loop is free again the waiting ones take the places', async () => {
    const log: string[] = [];
    let busy = true;
    const gate = new TurnGate(3, 60_000, { busy: () => busy, busyLimit: 1 });
    const turns = ['a', 'b', 'c', 'd', 'e'].map((n) => heldTurn(log, n));
    const results = turns.slice(0, 4).map((t) => gate.run(t.run));
    await tick();
    expect(log).toEqual(['start a']);
    expect(gate.counts).toEqual({ active: 1, waiting: 3 });
    turns[0]!.finish();
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start b']); // still busy: one at a time
    busy = false;
    // A newcomer finds places open: the ones waiting go first, and it waits behind them.
    results.push(gate.run(turns[4]!.run));
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start b', 'start c', 'start d']);
    expect(gate.counts).toEqual({ active: 3, waiting: 1 });
    turns[1]!.finish();
    await tick();
    expect(log.slice(-2)).toEqual(['end b', 'start e']);
    for (const t of turns) t.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(gate.counts).toEqual({ active: 0, waiting: 0 });
  });

  it('with yieldFirst a turn given its place starts only after what is already waiting on the event loop', async () => {
    const order = async (options: { yieldFirst?: boolean }) => {
      const log: string[] = [];
      const gate = new TurnGate(2, 60_000, options);
      setImmediate(() => log.push('input already waiting'));
      await gate.run(async () => void log.push('turn'));
      await tick();
      return log;
    };
    expect(await order({ yieldFirst: true })).toEqual(['input already waiting', 'turn']);
    expect(await order({})).toEqual(['turn', 'input already waiting']);
  });

  it('refuses a busy limit below one', () => {
    expect(() => new TurnGate(2, 1000, { busyLimit: 0 })).toThrow(RangeError);
  });
});
