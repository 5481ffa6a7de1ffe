import { ETagConflictError } from '../../../domain';
import { INJECTIONS, useStore, type StoreFactory } from './store-factory';

/** State shaped like botbuilder's: keys with `$` and `.`, nested objects, arrays. */
const dialogState = (turn: number) => ({
  dialogStack: [{ id: 'linkDistributor', state: { step: turn, options: { $type: 'x', 'a.b': 'dotted' } } }],
  'user.locale': 'ja',
  $meta: { $gt: 1, turn },
});

export function describeConversationStateContract(name: string, factory: StoreFactory): void {
  describe(`${name}: ConversationStatePort (botbuilder Storage)`, () => {
    const s = useStore(factory);
    const state = () => s.store.conversationState;

    it('reads nothing for missing keys; an item written without an eTag comes back with one', async () => {
      expect(await state().read(['teams/conv-1/user-1'])).toEqual({});
      await state().write({ 'teams/conv-1/user-1': dialogState(1) });
      const items = await state().read(['teams/conv-1/user-1', 'missing']);
      expect(Object.keys(items)).toEqual(['teams/conv-1/user-1']);
      const item = items['teams/conv-1/user-1'];
      expect(item).toEqual({ ...dialogState(1), eTag: expect.any(String) });
      expect(item?.eTag).not.toBe('');
    });

    it('keeps keys that start with $ or contain dots exactly', async () => {
      await state().write({ 'slack/T1:C1/$weird.key': dialogState(2) });
      const back = await state().read(['slack/T1:C1/$weird.key']);
      expect(back['slack/T1:C1/$weird.key']).toMatchObject(dialogState(2));
    });

    it('a write with the current eTag succeeds and assigns a new eTag; a stale eTag is refused', async () => {
      await state().write({ k: dialogState(1) });
      const first = (await state().read(['k'])).k!;
      await state().write({ k: { ...dialogState(2), eTag: first.eTag } });
      const second = (await state().read(['k'])).k!;
      expect(second).toMatchObject(dialogState(2));
      expect(second.eTag).not.toBe(first.eTag);

      const stale = state().write({ k: { ...dialogState(3), eTag: first.eTag } });
      await expect(stale).rejects.toBeInstanceOf(ETagConflictError);
      await expect(state().write({ k: { ...dialogState(3), eTag: first.eTag } })).rejects.toThrow(/eTag conflict/);
      expect((await state().read(['k'])).k).toEqual(second);
    });

    it('a successful write puts the new eTag on the item given, so the writer can write again without reading', async () => {
      const item = { ...dialogState(1), eTag: '*' };
      await state().write({ k: item });
      const stored = (await state().read(['k'])).k!;
      expect(item.eTag).toBe(stored.eTag);
      const next = { ...dialogState(2), eTag: item.eTag };
      await state().write({ k: next });
      expect(next.eTag).not.toBe(item.eTag);
      expect((await state().read(['k'])).k).toEqual({ ...dialogState(2), eTag: next.eTag });
    });

    it("'*' and a missing eTag write unconditionally", async () => {
      await state().write({ k: dialogState(1) });
      await state().write({ k: { ...dialogState(2), eTag: '*' } });
      expect((await state().read(['k'])).k).toMatchObject(dialogState(2));
      await state().write({ k: dialogState(3) });
      expect((await state().read(['k'])).k).toMatchObject(dialogState(3));
      await state().write({ fresh: { ...dialogState(4), eTag: '*' } });
      expect((await state().read(['fresh'])).fresh).toMatchObject(dialogState(4));
    });

    it('an eTag on an item that no longer exists is a conflict', async () => {
      await state().write({ k: dialogState(1) });
      const { eTag } = (await state().read(['k'])).k!;
      await state().delete(['k']);
      await expect(state().write({ k: { ...dialogState(2), eTag } })).rejects.toBeInstanceOf(ETagConflictError);
      await expect(state().write({ never: { ...dialogState(2), eTag: 'made-up' } })).rejects.toBeInstanceOf(ETagConflictError);
      expect(await state().read(['k', 'never'])).toEqual({});
    });

    it('writes and deletes several keys; deleting missing keys is fine', async () => {
      await state().write({ a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
      await state().delete(['a', 'c', 'not-there']);
      const left = await state().read(['a', 'b', 'c']);
      expect(Object.keys(left)).toEqual(['b']);
      expect(left.b).toMatchObject({ n: 2 });
    });

    it('race: two writes with the same eTag -> exactly one succeeds', async () => {
      await state().write({ k: dialogState(1) });
      const { eTag } = (await state().read(['k'])).k!;
      const results = await Promise.allSettled([
        state().write({ k: { ...dialogState(10), eTag } }),
        state().write({ k: { ...dialogState(20), eTag } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failed = results.find((r) => r.status === 'rejected');
      expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(ETagConflictError);
      const winner = results[0]?.status === 'fulfilled' ? 10 : 20;
      expect((await state().read(['k'])).k).toMatchObject(dialogState(winner));
    });

    it('race: many writers with the same eTag, five rounds -> one winner per round', async () => {
      await state().write({ k: { round: 0 } });
      for (let round = 1; round <= 5; round++) {
        const { eTag } = (await state().read(['k'])).k!;
        const results = await Promise.allSettled([1, 2, 3, 4].map((w) => state().write({ k: { round, w, eTag } })));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      }
      expect((await state().read(['k'])).k).toMatchObject({ round: 5 });
    });

    it('treats operator-shaped keys as plain values', async () => {
      await state().write({ k: { n: 1 } });
      for (const bad of INJECTIONS) {
        expect(await state().read([bad])).toEqual({});
        await state().delete([bad]);
      }
      expect(Object.keys(await state().read(['k']))).toEqual(['k']);
    });
  });
}
