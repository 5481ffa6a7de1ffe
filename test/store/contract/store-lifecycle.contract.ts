import { subjectKey } from '../../../domain';
import { directoryFixture, IDENTITIES } from '../../support/directory-fixtures';
import { nextState, pendingRequest, submittedRequest, T0 } from '../../support/request-fixtures';
import { useStore, type StoreFactory } from './store-factory';

export function describeStoreLifecycleContract(name: string, factory: StoreFactory): void {
  describe(`${name}: StorePort (open, ping, restart)`, () => {
    const s = useStore(factory);

    it('says what it is and where, and answers a ping', async () => {
      expect(['embedded', 'mongodb']).toContain(s.store.kind);
      expect(s.store.location.length).toBeGreaterThan(0);
      expect(await s.store.ping()).toBe(true);
    });

    it('restart: everything written before close is there after reopening', async () => {
      const before = s.store;
      await before.directory.importDirectory(directoryFixture());
      const r = pendingRequest();
      await before.requests.create(r);
      const step = nextState(r, { status: 'approved', action: 'approve' });
      await before.requests.transition(step.next, r.version, step.entry);
      await before.conversationState.write({ 'conv/1': { step: 3 } });
      const { eTag } = (await before.conversationState.read(['conv/1']))['conv/1']!;
      await before.references.save({ key: 'person:blue-user:slack', platform: 'slack', personId: 'blue-user', reference: { channel: 'D1' }, updatedAt: T0 });
      await before.events.claim({ id: 'Ev-restart', source: 'slack', payload: { n: 1 } }, T0);
      await before.close();

      const after = await s.reopen();
      expect(await after.ping()).toBe(true);
      expect(await after.directory.isEmpty()).toBe(false);
      expect((await after.directory.findPersonByIdentity(IDENTITIES.blueUserSlack))?.id).toBe('blue-user');
      expect(await after.requests.get(r.id)).toEqual(step.next);
      expect((await after.conversationState.read(['conv/1']))['conv/1']).toEqual({ step: 3, eTag });
      expect((await after.references.get('person:blue-user:slack'))?.reference).toEqual({ channel: 'D1' });
      expect(await after.events.claim({ id: 'Ev-restart', source: 'slack', payload: {} }, T0)).toBe('duplicate');
    });

    it('restart: the unique rules still hold after reopening', async () => {
      const open = submittedRequest();
      await s.store.requests.create(open);
      await s.store.close();
      const after = await s.reopen();
      expect(await after.requests.create(submittedRequest({ requesterId: 'blue-admin' }))).toEqual({ created: false, existingId: open.id });
      expect((await after.requests.findOpenByKey(subjectKey(open.subject)))?.id).toBe(open.id);
    });
  });
}
