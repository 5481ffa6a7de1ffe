import { subjectKey, type AuditEntry } from '../../../domain';
import {
  days,
  linkSubject,
  minutes,
  nextState,
  partnerSubject,
  pendingRequest,
  refusedAttempt,
  submittedRequest,
  T0,
} from '../../support/request-fixtures';
import { INJECTIONS, useStore, type StoreFactory } from './store-factory';

export function describeRequestRepositoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: RequestRepositoryPort`, () => {
    const s = useStore(factory);
    const repo = () => s.store.requests;

    it('stores a request whole and reads it back equal (dates as dates)', async () => {
      const r = pendingRequest({ commandId: 'act-1' });
      expect(await repo().create(r)).toEqual({ created: true });
      const back = await repo().get(r.id);
      expect(back).toEqual(r);
      expect(back?.createdAt).toBeInstanceOf(Date);
      expect(back?.audit[0]?.at).toBeInstanceOf(Date);
      expect(await repo().get('PL-00000000')).toBeUndefined();
    });

    it('keeps at most one open request per subject key', async () => {
      const first = submittedRequest();
      const same = submittedRequest({ subject: linkSubject(), requesterId: 'blue-admin' });
      const other = submittedRequest({ subject: linkSubject('green-reseller') });
      expect(await repo().create(first)).toEqual({ created: true });
      expect(await repo().create(same)).toEqual({ created: false, existingId: first.id });
      expect(await repo().create(other)).toEqual({ created: true });
      expect(await repo().get(same.id)).toBeUndefined();
      expect((await repo().findOpenByKey(subjectKey(first.subject)))?.id).toBe(first.id);
    });

    it('frees the key when the request closes: a new one may be filed, and only it is "open"', async () => {
      const first = pendingRequest();
      await repo().create(first);
      const { next, entry } = nextState(first, { status: 'rejected', action: 'reject', reason: 'not now' });
      expect(await repo().transition(next, first.version, entry)).toBe('ok');
      expect(await repo().findOpenByKey(subjectKey(first.subject))).toBeUndefined();
      expect(await repo().findOpenByKey(`closed:${first.id}`)).toBeUndefined();
      const again = submittedRequest();
      expect(await repo().create(again)).toEqual({ created: true });
      expect((await repo().findOpenByKey(subjectKey(first.subject)))?.id).toBe(again.id);
    });

    it('issue 17: a request completing in Partner Center keeps its subject key until it is completed', async () => {
      const first = pendingRequest();
      await repo().create(first);
      const completing = nextState(first, { status: 'completing', action: 'approve' });
      expect(await repo().transition(completing.next, first.version, completing.entry)).toBe('ok');
      expect((await repo().findOpenByKey(subjectKey(first.subject)))?.id).toBe(first.id);
      expect((await repo().findOpenByKeys([subjectKey(first.subject)])).map((r) => r.id)).toEqual([first.id]);
      expect(await repo().create(submittedRequest())).toEqual({ created: false, existingId: first.id });
      const stored = (await repo().get(first.id))!;
      const done = nextState(stored, { status: 'completed', action: 'complete' });
      expect(await repo().transition(done.next, stored.version, done.entry)).toBe('ok');
      expect(await repo().findOpenByKey(subjectKey(first.subject))).toBeUndefined();
      const again = submittedRequest();
      expect(await repo().create(again)).toEqual({ created: true });
    });

    it('findOpenByKeys answers many subject keys in one call: only the open requests, each once', async () => {
      const openOne = submittedRequest();
      const openTwo = submittedRequest({ subject: linkSubject('green-reseller') });
      const closed = pendingRequest({ subject: linkSubject('red-reseller') });
      for (const r of [openOne, openTwo, closed]) await repo().create(r);
      const { next, entry } = nextState(closed, { status: 'rejected', action: 'reject', reason: 'not now' });
      expect(await repo().transition(next, closed.version, entry)).toBe('ok');
      const keys = [openOne, openTwo, closed].map((r) => subjectKey(r.subject));
      const found = await repo().findOpenByKeys([...keys, 'no-such-key', keys[0]!]);
      expect(found.map((r) => r.id).sort()).toEqual([openOne.id, openTwo.id].sort());
      expect(await repo().findOpenByKeys([])).toEqual([]);
    });

    it('transition is a compare-and-set on the version; a stale one changes nothing', async () => {
      const r = submittedRequest();
      await repo().create(r);
      const step = nextState(r, { status: 'pending_approval', stage: 0 });
      expect(await repo().transition(step.next, 1, step.entry)).toBe('ok');
      expect(await repo().get(r.id)).toEqual(step.next);
      const stale = nextState(r, { status: 'cancelled', action: 'cancel' });
      expect(await repo().transition(stale.next, 1, stale.entry)).toBe('conflict');
      expect(await repo().get(r.id)).toEqual(step.next);
      await expect(repo().transition({ ...stale.next, version: 5 }, 1, stale.entry)).rejects.toThrow(/version/);
    });

    it('transition appends its entry and keeps entries appended since the caller read the request', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const refused = refusedAttempt(1);
      await repo().appendAudit(r.id, refused);
      const { next, entry } = nextState(r, { status: 'approved', action: 'approve' });
      expect(await repo().transition(next, r.version, entry)).toBe('ok');
      const stored = await repo().get(r.id);
      expect(stored?.audit).toEqual([...r.audit, refused, entry]);
      expect(stored?.status).toBe('approved');
      expect(stored?.version).toBe(r.version + 1);
    });

    it('race: two writers on one version -> exactly one ok, one conflict, one audit entry (x5)', async () => {
      for (let round = 0; round < 5; round++) {
        const r = pendingRequest({ subject: linkSubject(`reseller-${round}`) });
        await repo().create(r);
        const approve = nextState(r, { status: 'approved', action: 'approve' });
        const reject = nextState(r, { status: 'rejected', action: 'reject', reason: 'no' });
        const outcomes = await Promise.all([
          repo().transition(approve.next, r.version, approve.entry),
          repo().transition(reject.next, r.version, reject.entry),
        ]);
        expect([...outcomes].sort()).toEqual(['conflict', 'ok']);
        const stored = await repo().get(r.id);
        const winner = outcomes[0] === 'ok' ? approve : reject;
        expect(stored?.status).toBe(winner.next.status);
        expect(stored?.audit).toEqual([...r.audit, winner.entry]);
      }
    });

    it('race: many writers on one version, repeated -> one winner each round', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const tries = Array.from({ length: 6 }, (_, i) => nextState(r, { status: 'rejected', action: 'reject', reason: `writer ${i}` }));
      const outcomes = await Promise.all(tries.map((t) => repo().transition(t.next, r.version, t.entry)));
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
      expect((await repo().get(r.id))?.audit).toHaveLength(r.audit.length + 1);
    });

    it('race: two creates with the same subject key -> exactly one created', async () => {
      const a = submittedRequest({ subject: partnerSubject() });
      const b = submittedRequest({ subject: partnerSubject(), requesterId: 'blue-admin' });
      const outcomes = await Promise.all([repo().create(a), repo().create(b)]);
      const created = outcomes.filter((o) => o.created);
      expect(created).toHaveLength(1);
      const winner = outcomes[0]?.created ? a : b;
      expect(outcomes.find((o) => !o.created)).toEqual({ created: false, existingId: winner.id });
      expect((await repo().findOpenByKey(subjectKey(a.subject)))?.id).toBe(winner.id);
    });

    it('countRepeatedAttempt: counts on the entry named, concurrently, without moving the version or growing the trail', async () => {
      const r = pendingRequest();
      await repo().create(r);
      await repo().appendAudit(r.id, refusedAttempt(1));
      const index = r.audit.length;
      const last = new Date('2026-12-03T05:00:00Z');
      await Promise.all(Array.from({ length: 12 }, (_, i) => repo().countRepeatedAttempt(r.id, index, new Date(last.getTime() - i * 1000))));
      const stored = await repo().get(r.id);
      expect(stored?.version).toBe(r.version);
      expect(stored?.audit).toHaveLength(r.audit.length + 1);
      expect(stored?.audit[index]).toMatchObject({ ...refusedAttempt(1), repeats: 12 });
      expect(stored?.audit[index]?.lastRepeatAt).toBeInstanceOf(Date);
      expect(stored?.audit.slice(0, index)).toEqual(r.audit);
      // Anything but a small whole number as the index, or a bad date, changes nothing.
      for (const bad of [-1, 1.5, Number.NaN, '0' as unknown as number, { $gt: 0 } as unknown as number]) await repo().countRepeatedAttempt(r.id, bad, last);
      await repo().countRepeatedAttempt(r.id, index, new Date(Number.NaN));
      await repo().countRepeatedAttempt('PL-NOTTHERE', 0, last);
      expect((await repo().get(r.id))?.audit[index]?.repeats).toBe(12);
    });

    it('appendAudit: many concurrent entries are all kept, and the version does not move', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const entries = Array.from({ length: 25 }, (_, i) => refusedAttempt(i + 1));
      await Promise.all(entries.map((e) => repo().appendAudit(r.id, e)));
      const stored = await repo().get(r.id);
      expect(stored?.version).toBe(r.version);
      expect(stored?.audit).toHaveLength(r.audit.length + entries.length);
      expect(new Set(stored?.audit.map((e) => e.commandId))).toEqual(new Set([...r.audit, ...entries].map((e) => e.commandId)));
      await repo().appendAudit('PL-NOTTHERE', refusedAttempt(99));
    });

    // Issue 15: reminders are recorded with their own compare-and-set (the count), never moving the version.
    const reminderEntry = (n: number): AuditEntry => ({ at: minutes(n, days(3)), actor: { type: 'system', name: 'Partner Link' }, platform: 'system', action: 'remind', from: 'pending_approval', to: 'pending_approval', stage: 0, reason: `reminder ${n}` });
    const reminderState = (count: number) => ({ count, stage: 0, scheduled: count, lastAt: days(3 * count), lastBy: 'schedule' as const });

    it('recordReminder: a compare-and-set on the reminder count and version; the version does not move', async () => {
      const r = pendingRequest();
      await repo().create(r);
      const first = reminderEntry(1);
      expect(await repo().recordReminder(r.id, { version: r.version, count: 0 }, reminderState(1), first)).toBe('ok');
      expect(await repo().recordReminder(r.id, { version: r.version, count: 0 }, reminderState(1), first)).toBe('conflict');
      expect(await repo().recordReminder(r.id, { version: r.version + 1, count: 1 }, reminderState(2), first)).toBe('conflict');
      const stored = await repo().get(r.id);
      expect(stored?.version).toBe(r.version);
      expect(stored?.reminders).toEqual(reminderState(1));
      expect(stored?.reminders?.lastAt).toBeInstanceOf(Date);
      expect(stored?.audit).toEqual([...r.audit, first]);
      // A later transition keeps what was recorded (it carries the state it read).
      const { next, entry } = nextState(stored!, { status: 'approved', action: 'approve' });
      expect(await repo().transition(next, r.version, entry)).toBe('ok');
      expect((await repo().get(r.id))?.reminders).toEqual(reminderState(1));
      expect(await repo().recordReminder('PL-NOTTHERE', { version: 1, count: 0 }, reminderState(1), first)).toBe('conflict');
      for (const bad of INJECTIONS) expect(await repo().recordReminder(bad, { version: 1, count: 0 }, reminderState(1), first)).toBe('conflict');
    });

    it('race: several instances recording the same reminder -> exactly one ok, one audit entry (x5)', async () => {
      for (let round = 0; round < 5; round++) {
        const r = pendingRequest({ subject: linkSubject(`remind-${round}`) });
        await repo().create(r);
        const entries = Array.from({ length: 4 }, (_, i) => reminderEntry(i + 1));
        const outcomes = await Promise.all(entries.map((e) => repo().recordReminder(r.id, { version: r.version, count: 0 }, reminderState(1), e)));
        expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
        expect((await repo().get(r.id))?.audit).toHaveLength(r.audit.length + 1);
      }
    });

    it('listAwaitingOrg follows the current approval step and forgets closed requests', async () => {
      const partner = pendingRequest({ subject: partnerSubject(), createdAt: minutes(2) });
      const link = pendingRequest({ subject: linkSubject(), createdAt: minutes(1) });
      const link2 = pendingRequest({ subject: linkSubject('green-reseller'), createdAt: minutes(3) });
      const submitted = submittedRequest({ subject: linkSubject('blue-reseller', 'other-dist') });
      for (const r of [partner, link, link2, submitted]) await repo().create(r);
      expect((await repo().listAwaitingOrg('acme-dist')).map((r) => r.id)).toEqual([link.id, link2.id]);
      expect((await repo().listAwaitingOrg('fab-direct')).map((r) => r.id)).toEqual([partner.id]);
      expect(await repo().listAwaitingOrg('contoso')).toEqual([]);
      expect(await repo().listAwaitingOrg('other-dist')).toEqual([]);
      // All of them in one query, by organization, then creation; the submitted one awaits nobody.
      expect((await repo().listAwaiting()).map((r) => r.id)).toEqual([link.id, link2.id, partner.id]);

      const toCustomer = nextState(partner, { status: 'pending_approval', stage: 1, action: 'approve' });
      expect(await repo().transition(toCustomer.next, partner.version, toCustomer.entry)).toBe('ok');
      expect(await repo().listAwaitingOrg('fab-direct')).toEqual([]);
      expect(await repo().listAwaitingOrg('contoso')).toEqual([toCustomer.next]);
      expect((await repo().listAwaiting()).map((r) => r.id)).toEqual([link.id, link2.id, partner.id]); // acme-dist, then contoso

      const done = nextState(link, { status: 'approved', action: 'approve' });
      await repo().transition(done.next, link.version, done.entry);
      expect((await repo().listAwaitingOrg('acme-dist')).map((r) => r.id)).toEqual([link2.id]);
      expect(await repo().listAwaiting()).toEqual([await repo().get(link2.id), toCustomer.next]);
    });

    it('listExpired returns open requests past their expiry, oldest first', async () => {
      const old = pendingRequest({ subject: linkSubject('blue-reseller'), expiresAt: days(1) });
      const older = submittedRequest({ subject: linkSubject('green-reseller'), expiresAt: minutes(30) });
      const fresh = pendingRequest({ subject: partnerSubject(), expiresAt: days(90) });
      const closed = pendingRequest({ subject: partnerSubject('litware'), expiresAt: days(1) });
      for (const r of [old, older, fresh, closed]) await repo().create(r);
      const cancel = nextState(closed, { status: 'cancelled', action: 'cancel' });
      await repo().transition(cancel.next, closed.version, cancel.entry);
      expect((await repo().listExpired(days(2))).map((r) => r.id)).toEqual([older.id, old.id]);
      expect((await repo().listExpired(minutes(45))).map((r) => r.id)).toEqual([older.id]);
      expect(await repo().listExpired(T0)).toEqual([]);
    });

    it('listCompleting (issue 17): only requests completing in Partner Center, longest waiting first', async () => {
      const a = pendingRequest({ subject: linkSubject('blue-reseller') });
      const b = pendingRequest({ subject: linkSubject('green-reseller') });
      const c = pendingRequest({ subject: partnerSubject() });
      for (const r of [a, b, c]) await repo().create(r);
      const later = nextState(a, { status: 'completing', action: 'approve' });
      await repo().transition({ ...later.next, updatedAt: days(2) }, a.version, later.entry);
      const sooner = nextState(b, { status: 'completing', action: 'approve' });
      await repo().transition({ ...sooner.next, updatedAt: days(1) }, b.version, sooner.entry);
      const approved = nextState(c, { status: 'approved', action: 'approve' });
      await repo().transition(approved.next, c.version, approved.entry);
      expect((await repo().listCompleting()).map((r) => r.id)).toEqual([b.id, a.id]);
      expect((await repo().listCompleting(1)).map((r) => r.id)).toEqual([b.id]);
      const stored = (await repo().get(b.id))!;
      const done = nextState(stored, { status: 'completed', action: 'complete' });
      expect(await repo().transition(done.next, stored.version, done.entry)).toBe('ok');
      expect((await repo().listCompleting()).map((r) => r.id)).toEqual([a.id]);
    });

    it('listByRequester: newest first, limited', async () => {
      const mine = [1, 2, 3].map((n) => submittedRequest({ subject: linkSubject(`reseller-${n}`), createdAt: days(n) }));
      const theirs = submittedRequest({ subject: partnerSubject(), requesterId: 'someone-else' });
      for (const r of [...mine, theirs]) await repo().create(r);
      expect((await repo().listByRequester('blue-user')).map((r) => r.id)).toEqual([mine[2]!.id, mine[1]!.id, mine[0]!.id]);
      expect((await repo().listByRequester('blue-user', { limit: 2 })).map((r) => r.id)).toEqual([mine[2]!.id, mine[1]!.id]);
      expect(await repo().listByRequester('nobody')).toEqual([]);
    });

    it('countByStatus counts every request by its current status', async () => {
      expect(await repo().countByStatus()).toEqual({});
      const a = pendingRequest({ subject: linkSubject('r-1') });
      await repo().create(a);
      await repo().create(pendingRequest({ subject: linkSubject('r-2') }));
      await repo().create(submittedRequest({ subject: linkSubject('r-3') }));
      const approve = nextState(a, { status: 'approved', action: 'approve' });
      await repo().transition(approve.next, a.version, approve.entry);
      expect(await repo().countByStatus()).toEqual({ submitted: 1, pending_approval: 1, approved: 1 });
    });

    it('treats operator-shaped IDs and keys as plain values: nothing found, nothing thrown', async () => {
      const r = pendingRequest();
      await repo().create(r);
      for (const bad of INJECTIONS) {
        expect(await repo().get(bad)).toBeUndefined();
        expect(await repo().findOpenByKey(bad)).toBeUndefined();
        expect(await repo().findOpenByKeys([bad])).toEqual([]);
        expect(await repo().listByRequester(bad)).toEqual([]);
        expect(await repo().listAwaitingOrg(bad)).toEqual([]);
        await repo().appendAudit(bad, refusedAttempt(1));
      }
      expect(await repo().get(r.id)).toEqual(r);
    });
  });
}
