import { setTimeout as sleep } from 'node:timers/promises';
import { LoopBusy } from '../../adapters/slack/loop-busy';

/** Issue 19: LoopBusy tells a loop held by work (turns) from one waiting for input (a slow store). */
describe('LoopBusy', () => {
  const spin = (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      // held, as by a turn's work
    }
  };

  it('is busy after a window spent running code, not after one spent waiting, and keeps its answer within a window', async () => {
    const loop = new LoopBusy(0.8, 50);
    await sleep(80);
    expect(loop.busy()).toBe(false);
    spin(120);
    expect(loop.busy()).toBe(true);
    expect(loop.busy()).toBe(true); // the same window: not measured again
    await sleep(120);
    expect(loop.busy()).toBe(false);
  });
});
