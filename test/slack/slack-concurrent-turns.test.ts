import type { ConversationStatePort, StoreItems } from '../../domain';
import { waitUntil } from '../support/wait';
import { createSlackHarness, type SlackHarness } from './support/slack-harness';

const DM = 'D05DANPARK';
const isDanielsDm = (key: string) => key.includes(DM);
const idOf = (b: { body: string }) => `slack:event:${(JSON.parse(b.body) as { event_id: string }).event_id}`;

/** Reads of the DM's state wait for `held` (set by the test): turns that start meanwhile all load one version. */
function holdingReads(held: () => Promise<void>) {
  return (state: ConversationStatePort): ConversationStatePort => ({
    async read(keys: string[]): Promise<StoreItems> {
      if (keys.some(isDanielsDm)) await held();
      return state.read(keys);
    },
    write: (changes) => state.write(changes),
    delete: (keys) => state.delete(keys),
  });
}

/**
 * Issue 14 item 3: turns of one conversation that run at the same moment race on its state (eTag).
 * The loser used to stay pending until the next start; now every message is answered, once.
 */
describe('Slack: simultaneous messages in one conversation', () => {
  let h: SlackHarness;
  afterEach(() => h.destroy());

  it('8 simultaneous DMs in one conversation each get exactly one reply, without a restart', async () => {
    let held: Promise<void> = Promise.resolve();
    h = await createSlackHarness({ wrapState: holdingReads(() => held) });
    await h.dm('daniel', 'hello'); // the conversation has state already
    const before = h.posted(DM).length;
    const bodies = Array.from({ length: 8 }, (_, i) => h.dmBody('daniel', i % 2 ? 'こんにちは' : 'hello'));
    // Until all 8 are in the inbox, no turn reads the state: the ones running at once read the same version.
    held = waitUntil(async () => (await Promise.all(bodies.map((b) => h.store.events.get(idOf(b))))).every(Boolean), 20_000);
    const answers = await Promise.all(bodies.map((b) => h.send(b)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    await h.settled();
    expect(h.posted(DM).slice(before)).toHaveLength(8);
    for (const b of bodies) expect(await h.store.events.get(idOf(b))).toMatchObject({ status: 'done', attempts: 0 });
  });

  it('a turn that loses the race to another instance is run again at once on the current state, and answered once', async () => {
    let raced = false;
    let writes = 0;
    h = await createSlackHarness({
      wrapState: (state) => ({
        read: (keys) => state.read(keys),
        delete: (keys) => state.delete(keys),
        async write(changes) {
          const key = Object.keys(changes).find(isDanielsDm);
          if (key && raced && writes++ === 0) {
            // Another instance saved this conversation's state a moment before us.
            const current = (await state.read([key]))[key] ?? {};
            await state.write({ [key]: { ...current, eTag: '*' } });
          }
          return state.write(changes);
        },
      }),
    });
    await h.dm('daniel', 'hello');
    const before = h.posted(DM).length;
    raced = true;
    const body = h.dmBody('daniel', 'こんにちは'); // a new language: the turn writes the state
    expect((await h.send(body)).status).toBe(200);
    await h.settled();
    expect(writes).toBeGreaterThanOrEqual(2); // the first run's write was refused, the second one's taken
    expect(h.posted(DM).slice(before)).toHaveLength(1);
    expect(await h.store.events.get(idOf(body))).toMatchObject({ status: 'done', attempts: 0 });
  });
});
