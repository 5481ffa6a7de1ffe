import { T0, minutes } from '../../support/request-fixtures';
import { INJECTIONS, useStore, type StoreFactory } from './store-factory';

const slackEvent = (id: string) => ({ id, source: 'slack', payload: { type: 'block_actions', actions: [{ action_id: 'approve', value: '{"$ne":null}' }], 'a.b': 1 } });

export function describeProcessedEventContract(name: string, factory: StoreFactory): void {
  describe(`${name}: ProcessedEventPort (inbox)`, () => {
    const s = useStore(factory);
    const events = () => s.store.events;

    it("claims an event once: 'new', then 'duplicate' (also after it completed)", async () => {
      expect(await events().claim(slackEvent('Ev01'), T0)).toBe('new');
      expect(await events().claim(slackEvent('Ev01'), minutes(1))).toBe('duplicate');
      await events().complete('Ev01', minutes(2));
      expect(await events().claim(slackEvent('Ev01'), minutes(3))).toBe('duplicate');
    });

    it('keeps the event: payload, status, times and attempts', async () => {
      await events().claim(slackEvent('Ev02'), T0);
      expect(await events().get('Ev02')).toEqual({ ...slackEvent('Ev02'), status: 'pending', receivedAt: T0, dueAt: T0, attempts: 0 });
      await events().complete('Ev02', minutes(1));
      expect(await events().get('Ev02')).toMatchObject({ status: 'done', completedAt: minutes(1) });
      expect(await events().get('Ev-missing')).toBeUndefined();
    });

    it('completing with dropPayload keeps the ID (a duplicate is still a duplicate) and forgets the body', async () => {
      await events().claim(slackEvent('Ev-drop'), T0);
      await events().claim(slackEvent('Ev-keep'), T0);
      await events().complete('Ev-drop', minutes(1), { dropPayload: true });
      await events().complete('Ev-keep', minutes(1));
      expect(await events().get('Ev-drop')).toMatchObject({ status: 'done', payload: {} });
      expect((await events().get('Ev-keep'))?.payload).toEqual(slackEvent('Ev-keep').payload);
      expect(await events().claim(slackEvent('Ev-drop'), minutes(2))).toBe('duplicate');
    });

    it('pruneDone forgets only done events of that source completed before the time', async () => {
      await events().claim(slackEvent('Ev-old'), T0);
      await events().complete('Ev-old', minutes(1));
      await events().claim(slackEvent('Ev-recent'), T0);
      await events().complete('Ev-recent', minutes(20));
      await events().claim(slackEvent('Ev-pending'), T0);
      await events().claim({ ...slackEvent('kv-old'), source: 'slack-kv' }, T0);
      await events().complete('kv-old', minutes(1));
      expect(await events().pruneDone('slack', minutes(10))).toBe(1);
      expect(await events().get('Ev-old')).toBeUndefined();
      for (const kept of ['Ev-recent', 'Ev-pending', 'kv-old']) expect(await events().get(kept)).toBeDefined();
      expect(await events().get('Ev-recent')).toMatchObject({ status: 'done' });
      expect(await events().claim(slackEvent('Ev-old'), minutes(30))).toBe('new'); // forgotten: a day-old duplicate is work again
      for (const bad of INJECTIONS) expect(await events().pruneDone(bad as unknown as string, minutes(60))).toBe(0);
    });

    it('takeOver: exactly one of many racing callers gets a pending event, until its lease runs out; never a done one', async () => {
      await events().claim(slackEvent('Ev-orphan'), T0);
      const racers = await Promise.all(Array.from({ length: 6 }, () => events().takeOver('Ev-orphan', minutes(5), minutes(10))));
      expect(racers.filter(Boolean)).toHaveLength(1);
      expect(await events().takeOver('Ev-orphan', minutes(9), minutes(15))).toBe(false); // lease still held
      expect(await events().takeOver('Ev-orphan', minutes(11), minutes(16))).toBe(true); // the holder died: lease ran out
      await events().complete('Ev-orphan', minutes(12));
      expect(await events().takeOver('Ev-orphan', minutes(20), minutes(25))).toBe(false);
      expect(await events().takeOver('Ev-missing', minutes(20), minutes(25))).toBe(false);
      for (const bad of INJECTIONS) expect(await events().takeOver(bad as unknown as string, minutes(20), minutes(25))).toBe(false);
      expect(await events().get('Ev-orphan')).toMatchObject({ status: 'done' });
    });

    it('lists due events of one source, soonest first, up to a limit; filtered in the store, so another source cannot hide them', async () => {
      for (const [id, at] of [['Ev-b', 2], ['Ev-a', 1], ['Ev-c', 3], ['Ev-late', 30]] as const) await events().claim(slackEvent(id), minutes(at));
      await events().claim(slackEvent('Ev-done'), T0);
      await events().complete('Ev-done', minutes(1));
      // 60 older pending records of another source, more than any limit below.
      for (let i = 0; i < 60; i++) await events().claim({ ...slackEvent(`other-${i}`), source: 'other' }, T0);
      expect((await events().listDue('slack', minutes(10))).map((e) => e.id)).toEqual(['Ev-a', 'Ev-b', 'Ev-c']);
      expect((await events().listDue('slack', minutes(10), 2)).map((e) => e.id)).toEqual(['Ev-a', 'Ev-b']);
      expect(await events().listDue('slack', minutes(0.5))).toEqual([]);
      expect(await events().listDue('other', minutes(1), 5)).toHaveLength(5);
      expect(await events().listDue('nobody', minutes(60))).toEqual([]);
      for (const bad of INJECTIONS) expect(await events().listDue(bad as unknown as string, minutes(60))).toEqual([]);
    });

    it('a due time given at claim or by reschedule decides when an event is due', async () => {
      await events().claim({ ...slackEvent('N-1'), source: 'notify' }, T0, { dueAt: minutes(5) });
      await events().claim({ ...slackEvent('N-2'), source: 'notify' }, T0);
      expect(await events().get('N-1')).toMatchObject({ receivedAt: T0, dueAt: minutes(5) });
      expect((await events().listDue('notify', minutes(1))).map((e) => e.id)).toEqual(['N-2']);
      expect((await events().listDue('notify', minutes(5))).map((e) => e.id)).toEqual(['N-2', 'N-1']);
      await events().reschedule('N-2', minutes(20));
      expect((await events().listDue('notify', minutes(10))).map((e) => e.id)).toEqual(['N-1']);
      expect((await events().listDue('notify', minutes(20))).map((e) => e.id)).toEqual(['N-1', 'N-2']);
      for (const bad of INJECTIONS) await events().reschedule(bad as unknown as string, minutes(99));
      expect((await events().listDue('notify', minutes(20))).map((e) => e.id)).toEqual(['N-1', 'N-2']);
    });

    it('markDead moves a pending event aside: never due, still a duplicate, payload and reason kept, listed; pruned on its own', async () => {
      await events().claim(slackEvent('Ev-poison'), T0);
      await events().claim(slackEvent('Ev-fine'), T0);
      await events().claim({ ...slackEvent('N-poison'), source: 'notify' }, T0);
      await events().markDead('Ev-poison', minutes(2), 'failed 5 times:\nTypeError');
      await events().markDead('N-poison', minutes(3), 'gone');
      expect(await events().get('Ev-poison')).toMatchObject({ status: 'dead', completedAt: minutes(2), deadReason: 'failed 5 times: TypeError', payload: slackEvent('Ev-poison').payload });
      expect((await events().listDue('slack', minutes(10))).map((e) => e.id)).toEqual(['Ev-fine']);
      expect(await events().claim(slackEvent('Ev-poison'), minutes(4))).toBe('duplicate');
      expect(await events().takeOver('Ev-poison', minutes(4), minutes(9))).toBe(false);
      expect((await events().listDead()).map((e) => e.id)).toEqual(['Ev-poison', 'N-poison']);
      expect((await events().listDead('slack')).map((e) => e.id)).toEqual(['Ev-poison']);
      for (const bad of INJECTIONS) expect(await events().listDead(bad as unknown as string)).toEqual([]);
      // A done event is not made dead afterwards.
      await events().complete('Ev-fine', minutes(5));
      await events().markDead('Ev-fine', minutes(6), 'late');
      expect(await events().get('Ev-fine')).toMatchObject({ status: 'done' });
      expect(await events().pruneDone('slack', minutes(60))).toBe(1);
      expect(await events().get('Ev-poison')).toBeDefined();
      expect(await events().pruneDead('slack', minutes(1))).toBe(0);
      expect(await events().pruneDead('slack', minutes(60))).toBe(1);
      expect(await events().get('Ev-poison')).toBeUndefined();
      expect(await events().get('N-poison')).toMatchObject({ status: 'dead' });
    });

    it('counts attempts, also concurrent ones, without touching the status', async () => {
      await events().claim(slackEvent('Ev03'), T0);
      expect(await events().recordAttempt('Ev03')).toBe(1);
      await Promise.all(Array.from({ length: 9 }, () => events().recordAttempt('Ev03')));
      expect(await events().get('Ev03')).toMatchObject({ attempts: 10, status: 'pending' });
      expect(await events().recordAttempt('Ev-missing')).toBe(0);
    });

    it("race: concurrent claims of one event -> exactly one 'new'", async () => {
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => events().claim(slackEvent('Ev-race'), T0)));
      expect(outcomes.filter((o) => o === 'new')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(4);
    });

    it('race: completing while attempts are counted loses neither', async () => {
      await events().claim(slackEvent('Ev04'), T0);
      await Promise.all([events().recordAttempt('Ev04'), events().complete('Ev04', minutes(1)), events().recordAttempt('Ev04')]);
      expect(await events().get('Ev04')).toMatchObject({ status: 'done', attempts: 2 });
    });

    it('treats operator-shaped IDs as plain values', async () => {
      await events().claim(slackEvent('Ev05'), T0);
      for (const bad of INJECTIONS) {
        expect(await events().get(bad)).toBeUndefined();
        expect(await events().recordAttempt(bad)).toBe(0);
        await events().complete(bad, minutes(1));
      }
      expect(await events().get('Ev05')).toMatchObject({ status: 'pending', attempts: 0 });
    });
  });
}
