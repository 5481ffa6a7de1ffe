import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { OptimisticConversationState } from '../../dialogs/bot/optimistic-conversation-state';
import { ETagConflictError, type StorePort } from '../../domain';

/** Conversation state on the embedded store: written only when changed, and never over another writer. */
describe('OptimisticConversationState', () => {
  let dir: string;
  let store: StorePort;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-state-'));
    store = await openStore({ dataDir: dir });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const turn = () =>
    new TurnContext(new TestAdapter(), {
      type: 'message',
      channelId: 'msteams',
      conversation: { id: 'a:conv-1' },
      from: { id: 'u' },
      recipient: { id: 'bot' },
    } as Activity);

  it('writes a turn that changed something (however deep), and nothing when nothing changed', async () => {
    const state = new OptimisticConversationState(store.conversationState);
    const prop = state.createProperty<{ steps: Array<{ n: number }> }>('dialog');
    const write = jest.spyOn(store.conversationState, 'write');

    const first = turn();
    await prop.get(first, { steps: [{ n: 1 }] });
    await state.saveChanges(first);
    expect(write).toHaveBeenCalledTimes(1);

    const same = turn();
    expect(await prop.get(same)).toEqual({ steps: [{ n: 1 }] });
    await state.saveChanges(same);
    expect(write).toHaveBeenCalledTimes(1);

    const deep = turn();
    (await prop.get(deep))!.steps[0]!.n = 2;
    await state.saveChanges(deep);
    await state.saveChanges(deep); // saved already: no second write
    expect(write).toHaveBeenCalledTimes(2);
    expect(await prop.get(turn())).toEqual({ steps: [{ n: 2 }] });
  });

  it('two turns of one conversation loaded at the same time: the second save is refused, the first kept', async () => {
    const state = new OptimisticConversationState(store.conversationState);
    const prop = state.createProperty<string>('said');
    const seed = turn();
    await prop.set(seed, 'first');
    await state.saveChanges(seed);

    const a = turn();
    const b = turn();
    await prop.get(a);
    await prop.get(b);
    await prop.set(a, 'from a');
    await prop.set(b, 'from b');
    await state.saveChanges(a);
    await expect(state.saveChanges(b)).rejects.toBeInstanceOf(ETagConflictError);
    expect(await prop.get(turn())).toBe('from a');
  });
});
