import { MAX_TTL_MS } from '../../../domain';
import { T0, minutes } from '../../support/request-fixtures';
import { INJECTIONS, useStore, type StoreFactory } from './store-factory';

const MIN = 60_000;

export function describeKeyValueContract(name: string, factory: StoreFactory): void {
  describe(`${name}: KeyValuePort (values with a time to live)`, () => {
    const s = useStore(factory);
    const kv = () => s.store.keyValues;

    it('set, get, overwrite, delete', async () => {
      expect(await kv().get('k1', T0)).toBeUndefined();
      await kv().set('k1', 'one', 10 * MIN, T0);
      expect(await kv().get('k1', minutes(1))).toBe('one');
      await kv().set('k1', '{"json":"two","$ne":null}', 10 * MIN, minutes(2));
      expect(await kv().get('k1', minutes(3))).toBe('{"json":"two","$ne":null}');
      await kv().delete('k1');
      expect(await kv().get('k1', minutes(3))).toBeUndefined();
      await kv().delete('k-missing');
    });

    it('an expired entry is invisible at once; writing it again renews it', async () => {
      await kv().set('short', 'v', 5 * MIN, T0);
      expect(await kv().get('short', minutes(4))).toBe('v');
      expect(await kv().get('short', minutes(5))).toBeUndefined();
      await kv().set('short', 'w', 5 * MIN, minutes(6));
      expect(await kv().get('short', minutes(10))).toBe('w');
    });

    it('pruneExpired removes exactly the expired entries', async () => {
      await kv().set('a', '1', 1 * MIN, T0);
      await kv().set('b', '2', 2 * MIN, T0);
      await kv().set('c', '3', 60 * MIN, T0);
      expect(await kv().pruneExpired(minutes(2))).toBe(2);
      expect(await kv().pruneExpired(minutes(2))).toBe(0);
      expect(await kv().get('c', minutes(2))).toBe('3');
      // Gone from the store, not only hidden: a read "in the past" does not find them either.
      expect(await kv().get('a', T0)).toBeUndefined();
    });

    it('refuses keys, values and times to live it cannot keep, with a stable code', async () => {
      const refused = async (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: 'KEY_VALUE_INVALID' });
      await refused(kv().set('x'.repeat(2000), 'v', MIN, T0));
      await refused(kv().set('k', 42 as unknown as string, MIN, T0));
      for (const ttl of [0, -1, NaN, Infinity, MAX_TTL_MS + 1, '60000']) await refused(kv().set('k', 'v', ttl as number, T0));
      for (const bad of INJECTIONS.filter((x) => typeof x !== 'string')) await refused(kv().set(bad as string, 'v', MIN, T0));
      expect(await kv().get('k', T0)).toBeUndefined();
    });

    it('race: concurrent first writes of one key leave one of the values', async () => {
      const values = Array.from({ length: 6 }, (_, i) => `v${i}`);
      await Promise.all(values.map((v) => kv().set('race', v, 10 * MIN, T0)));
      expect(values).toContain(await kv().get('race', minutes(1)));
    });

    it('treats operator-shaped keys as plain values', async () => {
      await kv().set('plain', 'v', 10 * MIN, T0);
      for (const bad of INJECTIONS) {
        expect(await kv().get(bad as string, minutes(1))).toBeUndefined();
        await kv().delete(bad as string);
      }
      expect(await kv().get('plain', minutes(1))).toBe('v');
    });

    // Issue 17: the lease the Partner Center sync takes (the CLI and the schedule, one at a time).
    it('lease: taken when free, refused to another holder with who and until when, renewed by its holder, taken over once expired', async () => {
      expect(await kv().lease('sync-lease', 'A', 10 * MIN, T0)).toEqual({ held: true });
      expect(await kv().lease('sync-lease', 'B', 10 * MIN, minutes(1))).toEqual({ held: false, holder: 'A', until: minutes(10) });
      expect(await kv().lease('sync-lease', 'A', 10 * MIN, minutes(5))).toEqual({ held: true });
      expect(await kv().lease('sync-lease', 'B', 10 * MIN, minutes(12))).toEqual({ held: false, holder: 'A', until: minutes(15) });
      expect(await kv().lease('sync-lease', 'B', 10 * MIN, minutes(15))).toEqual({ held: true });
      expect(await kv().get('sync-lease', minutes(16))).toBe('B');
    });

    it('lease: released only by its holder; then free for anyone', async () => {
      await kv().lease('sync-lease', 'A', 10 * MIN, T0);
      await kv().releaseLease('sync-lease', 'B');
      expect(await kv().lease('sync-lease', 'B', 10 * MIN, minutes(1))).toMatchObject({ held: false, holder: 'A' });
      await kv().releaseLease('sync-lease', 'A');
      expect(await kv().lease('sync-lease', 'B', 10 * MIN, minutes(1))).toEqual({ held: true });
      for (const bad of INJECTIONS) await kv().releaseLease(bad as string, bad as string);
      expect(await kv().get('sync-lease', minutes(2))).toBe('B');
    });

    it('race: of six holders asking for a free lease at once, exactly one gets it', async () => {
      const holders = Array.from({ length: 6 }, (_, i) => `h${i}`);
      const outcomes = await Promise.all(holders.map((h) => kv().lease('race-lease', h, 10 * MIN, T0)));
      expect(outcomes.filter((o) => o.held)).toHaveLength(1);
      const winner = holders[outcomes.findIndex((o) => o.held)];
      for (const o of outcomes) if (!o.held) expect(o.holder).toBe(winner);
      // And again once it expired: one of the others takes it over, alone.
      const again = await Promise.all(holders.map((h) => kv().lease('race-lease', `${h}-later`, 10 * MIN, minutes(11))));
      expect(again.filter((o) => o.held)).toHaveLength(1);
    });

    it('survives a restart', async () => {
      await kv().set('kept', 'v', 10 * MIN, T0);
      await s.store.close();
      const after = await s.reopen();
      expect(await after.keyValues.get('kept', minutes(1))).toBe('v');
    });
  });
}
