import { channelReferenceKey, personReferenceKey, postedCardKey, type StoredReference } from '../../../domain';
import { T0, minutes } from '../../support/request-fixtures';
import { INJECTIONS, useStore, type StoreFactory } from './store-factory';

const teamsRef = (personId: string, at = T0): StoredReference => ({
  key: personReferenceKey(personId, 'teams'),
  platform: 'teams',
  personId,
  reference: {
    activityId: '1:abc',
    user: { id: '29:1xyz', aadObjectId: 'aaaaaaaa-1111-4222-8333-444455556666' },
    conversation: { id: 'a:1conv', conversationType: 'personal', tenantId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
    serviceUrl: 'https://smba.trafficmanager.net/jp/',
    channelId: 'msteams',
    'odd.key': { $odd: true },
  },
  updatedAt: at,
});

export function describeConversationReferenceContract(name: string, factory: StoreFactory): void {
  describe(`${name}: ConversationReferencePort`, () => {
    const s = useStore(factory);
    const refs = () => s.store.references;

    it('saves and reads a reference back exactly (opaque JSON, even odd keys)', async () => {
      const ref = teamsRef('blue-user');
      await refs().save(ref);
      expect(await refs().get(ref.key)).toEqual(ref);
      expect(await refs().get(personReferenceKey('blue-user', 'slack'))).toBeUndefined();
    });

    it('a second save of a key replaces the first', async () => {
      await refs().save(teamsRef('blue-user'));
      const newer = { ...teamsRef('blue-user', minutes(5)), reference: { channelId: 'msteams', conversation: { id: 'a:2conv' } } };
      await Promise.all([refs().save(newer), refs().save(newer)]);
      expect(await refs().get(newer.key)).toEqual(newer);
    });

    it('lists a person\'s references and keeps channel references apart', async () => {
      const slack: StoredReference = { key: personReferenceKey('blue-user', 'slack'), platform: 'slack', personId: 'blue-user', reference: { channel: 'D0123', team: 'T0BLUE01' }, updatedAt: T0 };
      const channel: StoredReference = { key: channelReferenceKey('acme-dist', 'slack'), platform: 'slack', orgId: 'acme-dist', reference: { channel: 'C0APPROVE' }, updatedAt: T0 };
      for (const r of [teamsRef('blue-user'), slack, channel, teamsRef('acme-admin')]) await refs().save(r);
      expect((await refs().listForPerson('blue-user')).map((r) => r.key).sort()).toEqual([slack.key, teamsRef('blue-user').key].sort());
      expect(await refs().get(channel.key)).toEqual(channel);
      expect((await refs().listForPeople(['acme-admin', 'blue-user', 'nobody', 'blue-user'])).map((r) => r.key)).toEqual(
        [teamsRef('acme-admin').key, slack.key, teamsRef('blue-user').key].sort(),
      );
      expect(await refs().listForPeople([])).toEqual([]);
      expect(await refs().getMany([channel.key, 'channel:nobody:teams', slack.key])).toEqual([channel, slack].sort((a, b) => (a.key < b.key ? -1 : 1)));
      expect(await refs().getMany([])).toEqual([]);
    });

    it('lists the cards posted about a request, and only those', async () => {
      const posted = (n: number, requestId: string): StoredReference => ({ key: postedCardKey(requestId, `teams:${n}`), platform: 'teams', requestId, reference: { conversation: { id: `19:c${n}` }, activityId: `m${n}` }, updatedAt: T0 });
      for (const r of [posted(1, 'PL-AAAA0001'), posted(2, 'PL-AAAA0001'), posted(3, 'PL-BBBB0002'), teamsRef('blue-user')]) await refs().save(r);
      expect((await refs().listForRequest('PL-AAAA0001')).map((r) => r.key).sort()).toEqual([posted(1, 'PL-AAAA0001').key, posted(2, 'PL-AAAA0001').key]);
      expect(await refs().get(posted(3, 'PL-BBBB0002').key)).toEqual(posted(3, 'PL-BBBB0002'));
      expect(await refs().listForRequest('PL-NONE0000')).toEqual([]);
    });

    it('deletes; deleting a missing key is fine', async () => {
      await refs().save(teamsRef('blue-user'));
      await refs().delete(teamsRef('blue-user').key);
      await refs().delete('person:nobody:teams');
      expect(await refs().get(teamsRef('blue-user').key)).toBeUndefined();
    });

    it('treats operator-shaped keys as plain values', async () => {
      await refs().save(teamsRef('blue-user'));
      for (const bad of INJECTIONS) {
        expect(await refs().get(bad)).toBeUndefined();
        expect(await refs().listForPerson(bad)).toEqual([]);
        expect(await refs().listForRequest(bad)).toEqual([]);
        expect(await refs().listForPeople([bad])).toEqual([]);
        expect(await refs().getMany([bad])).toEqual([]);
        await refs().delete(bad);
      }
      expect(await refs().get(teamsRef('blue-user').key)).toBeDefined();
    });
  });
}
