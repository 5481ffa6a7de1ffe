import { newNotice, type Fulfilment } from '../../../domain';
import { linkSubject, minutes, nextState, partnerSubject, pendingRequest } from '../../support/request-fixtures';
import { useStore, type StoreFactory } from './store-factory';

const pending = (o: Partial<Fulfilment> = {}): Fulfilment => ({ rev: 1, link: 'pending', attempts: 1, lastError: 'PARTNER_CENTER_UNAVAILABLE', updatedAt: minutes(1), ...o });
const LINK = 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

/** Issue 17: an add-partner request's fulfilment (relationship link, GDAP) as RequestRepositoryPort keeps it. */
export function describeFulfilmentContract(name: string, factory: StoreFactory): void {
  describe(`${name}: RequestRepositoryPort, add-partner fulfilment`, () => {
    const s = useStore(factory);
    const repo = () => s.store.requests;

    it('updateFulfilment: a compare-and-set on the revision (0: none yet); one of two writers wins; the version does not move', async () => {
      const r = pendingRequest({ subject: partnerSubject() });
      await repo().create(r);
      const first = pending();
      expect((await Promise.all([repo().updateFulfilment(r.id, 0, first), repo().updateFulfilment(r.id, 0, first)])).sort()).toEqual(['conflict', 'ok']);
      const ready: Fulfilment = { rev: 2, link: 'ready', url: LINK, attempts: 2, updatedAt: minutes(6), gdap: { state: 'requested', relationshipId: 'a1b2c3d4-0000-4000-8000-000000000001-e5f6', status: 'approvalPending', approvalUrl: 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/x', attempts: 1 } };
      expect(await repo().updateFulfilment(r.id, 0, { ...ready, rev: 1 })).toBe('conflict');
      expect(await repo().updateFulfilment(r.id, 1, ready)).toBe('ok');
      const back = await repo().get(r.id);
      expect(back?.fulfilment).toEqual(ready);
      expect(back?.fulfilment?.updatedAt).toBeInstanceOf(Date);
      expect(back?.version).toBe(r.version);
      // The next revision must be the one after the expected one.
      expect(await repo().updateFulfilment(r.id, 2, { ...ready, rev: 4 })).toBe('conflict');
      expect(await repo().updateFulfilment('PL-00000000', 0, first)).toBe('conflict');
    });

    it('a transition keeps the fulfilment written meanwhile (it never writes that field)', async () => {
      const r = pendingRequest({ subject: partnerSubject() });
      await repo().create(r);
      expect(await repo().updateFulfilment(r.id, 0, pending())).toBe('ok');
      // Approved from a copy read before the link was stored: the stored link stays.
      const { next, entry } = nextState({ ...r, fulfilment: undefined }, { status: 'completing', action: 'approve' });
      expect(await repo().transition(next, r.version, entry)).toBe('ok');
      const back = await repo().get(r.id);
      expect(back?.status).toBe('completing');
      expect(back?.fulfilment).toEqual(pending());
      // Completing requests still take fulfilment writes; closed ones do not.
      expect(await repo().updateFulfilment(r.id, 1, pending({ rev: 2, attempts: 2 }))).toBe('ok');
      const done = nextState(back!, { status: 'completed', action: 'complete' });
      expect(await repo().transition(done.next, back!.version, done.entry)).toBe('ok');
      expect(await repo().updateFulfilment(r.id, 2, pending({ rev: 3, attempts: 3 }))).toBe('conflict');
    });

    it('listFulfilmentDue: waiting or completing requests with a link or GDAP relationship still to fetch or create', async () => {
      const linkDue = pendingRequest({ subject: partnerSubject('contoso', 'fab-direct') });
      const gdapDue = pendingRequest({ subject: partnerSubject('contoso', 'blue-reseller') });
      const ready = pendingRequest({ subject: partnerSubject('contoso', 'green-reseller') });
      const none = pendingRequest({ subject: partnerSubject('contoso', 'red-reseller') });
      const cancelled = pendingRequest({ subject: partnerSubject('contoso', 'gold-reseller') });
      const other = pendingRequest({ subject: linkSubject('pink-reseller') });
      for (const r of [linkDue, gdapDue, ready, none, cancelled, other]) await repo().create(r);
      expect(await repo().updateFulfilment(linkDue.id, 0, pending())).toBe('ok');
      expect(await repo().updateFulfilment(gdapDue.id, 0, { rev: 1, link: 'ready', url: LINK, attempts: 1, updatedAt: minutes(1), gdap: { state: 'pending', attempts: 1 } })).toBe('ok');
      expect(await repo().updateFulfilment(ready.id, 0, { rev: 1, link: 'partner_acts', attempts: 1, updatedAt: minutes(1) })).toBe('ok');
      expect(await repo().updateFulfilment(cancelled.id, 0, pending())).toBe('ok');
      const { next, entry } = nextState(cancelled, { status: 'cancelled', action: 'cancel' });
      expect(await repo().transition(next, cancelled.version, entry)).toBe('ok');
      expect((await repo().listFulfilmentDue()).map((r) => r.id).sort()).toEqual([linkDue.id, gdapDue.id].sort());
      expect(await repo().listFulfilmentDue(1)).toHaveLength(1);
    });

    it('the notices of a fulfilment write go onto the outbox in the same write; a bad fulfilment is refused and nothing changes', async () => {
      const r = pendingRequest({ subject: partnerSubject() });
      await repo().create(r);
      const cards = { ...newNotice('cards', r.version, minutes(2)), key: 'cards:link:1' };
      expect(await repo().updateFulfilment(r.id, 0, pending(), [cards])).toBe('ok');
      expect(await repo().getNotices(r.id)).toEqual({ rev: 1, notices: [cards] });
      await expect(repo().updateFulfilment(r.id, 1, { ...pending({ rev: 2 }), url: 'not a link' })).rejects.toThrow();
      expect((await repo().get(r.id))?.fulfilment).toEqual(pending());
    });
  });
}
