import type { AuditEntry, PartnerCheck, PartnerRequest } from '../../../domain';
import { linkSubject, minutes, nextState, pendingRequest, T0 } from '../../support/request-fixtures';
import { useStore, type StoreFactory } from './store-factory';

const check = (o: Partial<PartnerCheck> = {}): PartnerCheck => ({ state: 'pending', orgId: 'blue-reseller', partnerId: '4391507', attempts: 0, nextAt: minutes(1), lastError: 'PARTNER_CENTER_UNAVAILABLE', ...o });
const withCheck = (r: PartnerRequest, c: PartnerCheck): PartnerRequest => ({ ...r, partnerCheck: c });
const verifyEntry: AuditEntry = { at: minutes(5), actor: { type: 'system', name: 'Partner Link' }, platform: 'system', action: 'verify', from: 'pending_approval', to: 'pending_approval', stage: 0 };

/** Issue 17: requests filed "not yet verified" and the leased Partner Center check (RequestRepositoryPort). */
export function describePartnerCheckContract(name: string, factory: StoreFactory): void {
  describe(`${name}: RequestRepositoryPort, Partner Center checks`, () => {
    const s = useStore(factory);
    const repo = () => s.store.requests;

    it('stores the check with the request and reads it back (dates as dates)', async () => {
      const r = withCheck(pendingRequest(), check());
      await repo().create(r);
      const back = await repo().get(r.id);
      expect(back?.partnerCheck).toEqual(r.partnerCheck);
      expect(back?.partnerCheck?.nextAt).toBeInstanceOf(Date);
    });

    it('listPartnerChecksDue: only open requests with a pending check whose time has come, soonest first', async () => {
      const late = withCheck(pendingRequest(), check({ nextAt: minutes(3) }));
      const soon = withCheck(pendingRequest({ subject: linkSubject('green-reseller') }), check({ nextAt: minutes(2) }));
      const future = withCheck(pendingRequest({ subject: linkSubject('red-reseller') }), check({ nextAt: minutes(30) }));
      const verified = withCheck(pendingRequest({ subject: linkSubject('gold-reseller') }), check({ state: 'verified', nextAt: minutes(1) }));
      const none = pendingRequest({ subject: linkSubject('pink-reseller') });
      const closed = withCheck(pendingRequest({ subject: linkSubject('grey-reseller') }), check({ nextAt: minutes(1) }));
      for (const r of [late, soon, future, verified, none, closed]) await repo().create(r);
      const { next, entry } = nextState(closed, { status: 'cancelled', action: 'cancel' });
      expect(await repo().transition(next, closed.version, entry)).toBe('ok');
      expect((await repo().listPartnerChecksDue(minutes(10))).map((r) => r.id)).toEqual([soon.id, late.id]);
      expect((await repo().listPartnerChecksDue(minutes(10), 1)).map((r) => r.id)).toEqual([soon.id]);
      expect(await repo().listPartnerChecksDue(T0)).toEqual([]);
      expect(await repo().listPartnerChecksDue(new Date(Number.NaN))).toEqual([]);
    });

    it('updatePartnerCheck: a compare-and-set on the attempts of a pending check; one of two leases wins; the version does not move', async () => {
      const r = withCheck(pendingRequest(), check());
      await repo().create(r);
      const leased = check({ attempts: 1, nextAt: minutes(3) });
      const results = await Promise.all([repo().updatePartnerCheck(r.id, 0, leased), repo().updatePartnerCheck(r.id, 0, leased)]);
      expect(results.sort()).toEqual(['conflict', 'ok']);
      expect(await repo().listPartnerChecksDue(minutes(2))).toEqual([]);
      const { lastError: _e, ...rest } = leased;
      const verified: PartnerCheck = { ...rest, state: 'verified', checkedAt: minutes(5) };
      expect(await repo().updatePartnerCheck(r.id, 0, verified, verifyEntry)).toBe('conflict');
      expect(await repo().updatePartnerCheck(r.id, 1, verified, verifyEntry)).toBe('ok');
      const back = await repo().get(r.id);
      expect(back?.partnerCheck).toEqual(verified);
      expect(back?.version).toBe(r.version);
      expect(back?.audit.at(-1)).toEqual(verifyEntry);
      // A verified check is not pending any more: nothing more to write.
      expect(await repo().updatePartnerCheck(r.id, 1, verified)).toBe('conflict');
      expect(await repo().updatePartnerCheck('PL-00000000', 0, leased)).toBe('conflict');
    });

    it('recordFulfilmentCheck: only while completing; replaces the last one; version and audit unchanged', async () => {
      const pending = pendingRequest();
      await repo().create(pending);
      const failed = { lastFailedAt: minutes(5), lastErrorCode: 'PARTNER_CENTER_UNAVAILABLE', failuresInARow: 1 };
      expect(await repo().recordFulfilmentCheck(pending.id, failed)).toBe(false); // not completing
      const { next, entry } = nextState(pending, { status: 'completing', action: 'approve' });
      expect(await repo().transition(next, pending.version, entry)).toBe('ok');
      expect(await repo().recordFulfilmentCheck(pending.id, failed)).toBe(true);
      const back = await repo().get(pending.id);
      expect(back?.fulfilmentCheck).toEqual(failed);
      expect(back?.fulfilmentCheck?.lastFailedAt).toBeInstanceOf(Date);
      expect(back?.version).toBe(next.version);
      expect(back?.audit).toHaveLength(next.audit.length);
      const answered = { ...failed, lastAnsweredAt: minutes(10), failuresInARow: 0 };
      expect(await repo().recordFulfilmentCheck(pending.id, answered)).toBe(true);
      expect((await repo().get(pending.id))?.fulfilmentCheck).toEqual(answered);
      await expect(repo().recordFulfilmentCheck(pending.id, { failuresInARow: -1 })).rejects.toThrow();
      expect(await repo().recordFulfilmentCheck('PL-00000000', failed)).toBe(false);
    });

    it('updatePartnerCheck refuses a closed request and a check the schema refuses', async () => {
      const r = withCheck(pendingRequest(), check());
      await repo().create(r);
      const { next, entry } = nextState(r, { status: 'cancelled', action: 'cancel' });
      expect(await repo().transition(next, r.version, entry)).toBe('ok');
      expect(await repo().updatePartnerCheck(r.id, 0, check({ attempts: 1 }))).toBe('conflict');
      const open = withCheck(pendingRequest({ subject: linkSubject('green-reseller') }), check());
      await repo().create(open);
      await expect(repo().updatePartnerCheck(open.id, 0, { ...check(), attempts: -1 })).rejects.toThrow();
      expect((await repo().get(open.id))?.partnerCheck).toEqual(open.partnerCheck);
    });
  });
}
