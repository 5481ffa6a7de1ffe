import { newNotice, noteNotice, type AuditEntry, type Notice } from '../../../domain';
import { linkSubject, minutes, nextState, pendingRequest, submittedRequest, T0 } from '../../support/request-fixtures';
import { INJECTIONS, useStore, type StoreFactory } from './store-factory';

/**
 * The request's outbox (domain/notices.ts): notices written by the same compare-and-set as the
 * transition, replaced only by a compare-and-set on their revision, found when due by the store.
 */
export function describeRequestOutboxContract(name: string, factory: StoreFactory): void {
  describe(`${name}: RequestRepositoryPort, the request's outbox`, () => {
    const s = useStore(factory);
    const repo = () => s.store.requests;
    const later = (n: Notice, at: Date, attempts = n.attempts + 1): Notice => ({ ...n, attempts, nextAt: at });

    it('a transition stores its notices in the same write; a new request has none; a lost transition stores none', async () => {
      const r = submittedRequest();
      await repo().create(r);
      expect(await repo().getNotices(r.id)).toEqual({ rev: 0, notices: [] });
      const step = nextState(r, { status: 'pending_approval', stage: 0 });
      const approval = newNotice('approval', step.next.version, T0);
      expect(await repo().transition(step.next, r.version, step.entry, [approval])).toBe('ok');
      const box = await repo().getNotices(r.id);
      expect(box).toEqual({ rev: 1, notices: [approval] });
      expect(box?.notices[0]?.nextAt).toBeInstanceOf(Date);
      expect(await repo().get(r.id)).toEqual(step.next); // the outbox is not part of the request

      const stale = nextState(r, { status: 'cancelled', action: 'cancel' });
      expect(await repo().transition(stale.next, r.version, stale.entry, [newNotice('decided', stale.next.version, T0)])).toBe('conflict');
      expect(await repo().getNotices(r.id)).toEqual({ rev: 1, notices: [approval] });

      const quiet = nextState(step.next, { status: 'cancelled', action: 'cancel' });
      expect(await repo().transition(quiet.next, step.next.version, quiet.entry)).toBe('ok');
      expect(await repo().getNotices(r.id)).toEqual({ rev: 1, notices: [approval] });
      expect(await repo().getNotices('PL-00000000')).toBeUndefined();
    });

    it('issue 15: appendAudit stores a note and its notice in the same write, without a new version', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const entry: AuditEntry = { at: minutes(2), actor: { type: 'person', personId: 'mei-kobayashi', name: 'Mei Kobayashi', orgId: 'fuji-it-partners' }, platform: 'teams', action: 'note', from: 'pending_approval', to: 'pending_approval', stage: 0, note: 'MPA signed' };
      const notice = noteNotice(entry, r.version)!;
      await repo().appendAudit(r.id, entry, [notice]);
      expect(await repo().getNotices(r.id)).toEqual({ rev: 1, notices: [notice] });
      const after = (await repo().get(r.id))!;
      expect(after.version).toBe(r.version);
      expect(after.audit.at(-1)).toEqual(entry);
      await repo().appendAudit(r.id, { ...entry, at: minutes(3), note: 'no notice' });
      expect(await repo().getNotices(r.id)).toEqual({ rev: 1, notices: [notice] });
    });

    it('setNotices is a compare-and-set on the revision and never touches the request', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const step = nextState(r, { status: 'approved', action: 'approve' });
      const decided = newNotice('decided', step.next.version, T0);
      await repo().transition(step.next, r.version, step.entry, [decided]);
      const taken = later(decided, minutes(1));
      expect(await repo().setNotices(r.id, 0, [taken])).toBe(false);
      expect(await repo().setNotices(r.id, 1, [taken])).toBe(true);
      expect(await repo().getNotices(r.id)).toEqual({ rev: 2, notices: [taken] });
      expect(await repo().setNotices(r.id, 1, [])).toBe(false);
      expect(await repo().setNotices(r.id, 2, [])).toBe(true);
      expect(await repo().getNotices(r.id)).toEqual({ rev: 3, notices: [] });
      expect(await repo().get(r.id)).toEqual(step.next);
      expect(await repo().setNotices('PL-00000000', 0, [])).toBe(false);
    });

    it('a notice written by a transition after the outbox was read is never lost by the older write', async () => {
      const r = pendingRequest({ subject: linkSubject('blue-reseller') });
      await repo().create(r);
      const toStage = nextState(r, { status: 'pending_approval', stage: 0, action: 'approve' });
      const cards = newNotice('cards', toStage.next.version, T0);
      await repo().transition(toStage.next, r.version, toStage.entry, [cards]);
      const read = (await repo().getNotices(r.id))!;
      const close = nextState(toStage.next, { status: 'approved', action: 'approve' });
      const decided = newNotice('decided', close.next.version, T0);
      expect(await repo().transition(close.next, toStage.next.version, close.entry, [decided])).toBe('ok');
      // The drainer finished `cards` and writes what it read minus `cards`: refused, nothing lost.
      expect(await repo().setNotices(r.id, read.rev, [])).toBe(false);
      const now = (await repo().getNotices(r.id))!;
      expect(now.notices.map((n) => n.key)).toEqual([cards.key, decided.key]);
      expect(await repo().setNotices(r.id, now.rev, now.notices.filter((n) => n.key !== cards.key))).toBe(true);
      expect((await repo().getNotices(r.id))?.notices).toEqual([decided]);
    });

    it('race: a transition and an outbox write at once -> the transition and its notice both kept (x5)', async () => {
      for (let round = 0; round < 5; round++) {
        const r = pendingRequest({ subject: linkSubject(`reseller-${round}`) });
        await repo().create(r);
        const first = nextState(r, { status: 'pending_approval', stage: 0, action: 'approve' });
        const cards = newNotice('cards', first.next.version, T0);
        await repo().transition(first.next, r.version, first.entry, [cards]);
        const read = (await repo().getNotices(r.id))!;
        const close = nextState(first.next, { status: 'rejected', action: 'reject', reason: 'no' });
        const decided = newNotice('decided', close.next.version, T0);
        const [written, outcome] = await Promise.all([repo().setNotices(r.id, read.rev, []), repo().transition(close.next, first.next.version, close.entry, [decided])]);
        expect(outcome).toBe('ok');
        expect((await repo().get(r.id))?.status).toBe('rejected');
        const keys = (await repo().getNotices(r.id))!.notices.map((n) => n.key);
        expect(keys).toContain(decided.key);
        expect(keys.includes(cards.key)).toBe(!written);
      }
    });

    it('race: two takers of one outbox revision -> exactly one wins (x5)', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const step = nextState(r, { status: 'approved', action: 'approve' });
      await repo().transition(step.next, r.version, step.entry, [newNotice('decided', step.next.version, T0)]);
      for (let round = 0; round < 5; round++) {
        const box = (await repo().getNotices(r.id))!;
        const takes = Array.from({ length: 4 }, (_, i) => repo().setNotices(r.id, box.rev, box.notices.map((n) => later(n, minutes(round * 10 + i)))));
        expect((await Promise.all(takes)).filter(Boolean)).toHaveLength(1);
        expect((await repo().getNotices(r.id))?.notices[0]?.attempts).toBe(round + 1);
      }
    });

    it('listNoticesDue is filtered by the store: a due notice is found behind many that are not due', async () => {
      const waiting: string[] = [];
      for (let i = 0; i < 6; i++) {
        const r = pendingRequest({ subject: linkSubject(`waiting-${i}`), createdAt: minutes(i) });
        await repo().create(r);
        const step = nextState(r, { status: 'approved', action: 'approve', at: minutes(i) });
        await repo().transition(step.next, r.version, step.entry, [later(newNotice('decided', step.next.version, T0), minutes(600))]);
        waiting.push(r.id);
      }
      const due = pendingRequest({ subject: linkSubject('due-one'), createdAt: minutes(50) });
      await repo().create(due);
      const step = nextState(due, { status: 'approved', action: 'approve', at: minutes(50) });
      await repo().transition(step.next, due.version, step.entry, [newNotice('decided', step.next.version, minutes(50))]);
      expect(await repo().listNoticesDue(minutes(60), 3)).toEqual([due.id]);
      expect(await repo().listNoticesDue(minutes(49))).toEqual([]);
      expect((await repo().listNoticesDue(minutes(601))).sort()).toEqual([...waiting, due.id].sort());
      expect(await repo().listNoticesDue(minutes(601), 2)).toHaveLength(2);
      const box = (await repo().getNotices(due.id))!;
      await repo().setNotices(due.id, box.rev, []);
      expect(await repo().listNoticesDue(minutes(60))).toEqual([]);
    });

    it('notices survive a restart', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const step = nextState(r, { status: 'approved', action: 'approve' });
      const decided = newNotice('decided', step.next.version, T0);
      await repo().transition(step.next, r.version, step.entry, [decided]);
      await s.store.close();
      const again = await s.reopen();
      expect(await again.requests.getNotices(r.id)).toEqual({ rev: 1, notices: [decided] });
      expect(await again.requests.listNoticesDue(minutes(1))).toEqual([r.id]);
    });

    it('treats operator-shaped IDs and bad dates as plain values: nothing found, nothing written, nothing thrown', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const step = nextState(r, { status: 'approved', action: 'approve' });
      await repo().transition(step.next, r.version, step.entry, [newNotice('decided', step.next.version, T0)]);
      for (const bad of INJECTIONS) {
        expect(await repo().getNotices(bad)).toBeUndefined();
        expect(await repo().setNotices(bad, 1, [])).toBe(false);
        expect(await repo().setNotices(r.id, bad, [])).toBe(false);
      }
      expect(await repo().listNoticesDue(new Date(NaN))).toEqual([]);
      expect((await repo().getNotices(r.id))?.notices).toHaveLength(1);
      await expect(repo().setNotices(r.id, 1, [{ key: 'x' } as unknown as Notice])).rejects.toThrow();
      expect((await repo().getNotices(r.id))?.notices).toHaveLength(1);
    });
  });
}
