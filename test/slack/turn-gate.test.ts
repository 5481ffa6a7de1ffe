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
