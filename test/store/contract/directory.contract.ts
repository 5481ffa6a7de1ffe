import { identityKey, PersonSchema, PlatformIdentitySchema, type PlatformIdentity, type StorePort } from '../../../domain';
import { directoryFixture, IDENTITIES, SUBSCRIPTION_IDS, TENANTS, type RawDirectory } from '../../support/directory-fixtures';
import { INJECTIONS, useStore, type StoreFactory } from './store-factory';

const ids = <T extends { id: string }>(xs: T[]) => xs.map((x) => x.id);
/** A distinct, valid (version 4) GUID for each number. */
const guid = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`;

export function describeDirectoryContract(name: string, factory: StoreFactory): void {
  describe(`${name}: DirectoryPort`, () => {
    const s = useStore(factory);
    const dir = () => s.store.directory;

    it('starts empty, imports a directory and reports what it wrote', async () => {
      expect(await dir().isEmpty()).toBe(true);
      const counts = await dir().importDirectory(directoryFixture());
      expect(counts).toEqual({ organizations: 6, people: 4, links: 1, relationships: 1, subscriptions: 2 });
      expect(await dir().isEmpty()).toBe(false);
    });

    it('reads organizations back as the domain parsed them, by ID and by kind', async () => {
      const data = directoryFixture();
      await dir().importDirectory(data);
      expect(await dir().getOrganization('acme-dist')).toEqual(data.organizations[0]);
      expect(await dir().getOrganization('nobody')).toBeUndefined();
      expect(ids(await dir().listOrganizations())).toEqual(['acme-dist', 'blue-reseller', 'contoso', 'fab-direct', 'green-reseller', 'litware']);
      expect(ids(await dir().listOrganizations({ kind: 'indirect_reseller' }))).toEqual(['blue-reseller', 'green-reseller']);
      expect(await dir().listOrganizations({ kind: 'customer' })).toEqual(data.organizations.filter((o) => o.kind === 'customer'));
    });

    it('finds people by ID, by organization and by Teams or Slack identity', async () => {
      const data = directoryFixture();
      await dir().importDirectory(data);
      const ben = data.people.find((p) => p.id === 'blue-user');
      expect(await dir().getPerson('blue-user')).toEqual(ben);
      expect(ids(await dir().listPeople('blue-reseller'))).toEqual(['blue-admin', 'blue-user']);
      expect(await dir().listPeopleOfOrganizations(['contoso', 'blue-reseller', 'nobody', 'contoso'])).toEqual(
        ['blue-admin', 'blue-user', 'contoso-admin'].map((id) => data.people.find((p) => p.id === id)),
      );
      expect(await dir().listPeopleOfOrganizations([])).toEqual([]);
      expect((await dir().findPersonByIdentity(IDENTITIES.blueUserSlack))?.id).toBe('blue-user');
      expect((await dir().findPersonByIdentity(IDENTITIES.blueUserTeams))?.id).toBe('blue-user');
      expect((await dir().findPersonByIdentity(IDENTITIES.acmeAdminTeams))?.id).toBe('acme-admin');
      const stranger: PlatformIdentity = { platform: 'slack', teamId: 'T0BLUE01', userId: 'U0NOBODY' };
      expect(await dir().findPersonByIdentity(stranger)).toBeUndefined();
    });

    it('imports idempotently: the same file twice changes nothing', async () => {
      await dir().importDirectory(directoryFixture());
      const before = await snapshot(s.store);
      expect(await dir().importDirectory(directoryFixture())).toEqual({ organizations: 6, people: 4, links: 1, relationships: 1, subscriptions: 2 });
      expect(await snapshot(s.store)).toEqual(before);
    });

    it('a re-import updates records by ID: changed fields, removed optional fields, moved identities', async () => {
      await dir().importDirectory(directoryFixture());
      expect((await dir().getOrganization('acme-dist'))?.name).not.toBe('Acme Distribution KK'); // read before: no stale copy after
      expect((await dir().listOrganizations()).length).toBeGreaterThan(0);
      expect((await dir().findPersonByIdentity(IDENTITIES.blueUserSlack))?.id).toBe('blue-user'); // read before: no stale copy after
      expect(await dir().listLinks({ providerId: 'acme-dist' })).toHaveLength(1);
      await dir().importDirectory(
        directoryFixture((raw) => {
          raw.links.push({ providerId: 'acme-dist', resellerId: 'green-reseller', since: '2025-05-05' });
          raw.organizations[0]!.name = 'Acme Distribution KK';
          delete raw.organizations[0]!.nameJa;
          raw.people[1]!.identities = [IDENTITIES.blueUserTeams];
        }),
      );
      const acme = await dir().getOrganization('acme-dist');
      expect(acme?.name).toBe('Acme Distribution KK');
      expect((await dir().listOrganizations()).find((o) => o.id === 'acme-dist')?.name).toBe('Acme Distribution KK');
      expect(acme).not.toHaveProperty('nameJa');
      expect(await dir().findPersonByIdentity(IDENTITIES.blueUserSlack)).toBeUndefined();
      expect((await dir().findPersonByIdentity(IDENTITIES.blueUserTeams))?.id).toBe('blue-user');
      expect((await dir().listLinks({ providerId: 'acme-dist' })).map((l) => l.resellerId)).toEqual(['blue-reseller', 'green-reseller']);
      expect((await dir().listLinks({})).length).toBe(2);
    });

    it('reads made while an import runs leave nothing stale behind once it is done', async () => {
      await dir().importDirectory(directoryFixture());
      const changed = directoryFixture((raw) => {
        raw.organizations[0]!.name = 'Acme Distribution KK';
        raw.people[1]!.identities = [IDENTITIES.blueUserTeams];
        raw.links.push({ providerId: 'acme-dist', resellerId: 'green-reseller', since: '2025-05-05' });
      });
      const importing = dir().importDirectory(changed);
      const reads: Promise<unknown>[] = [];
      for (let i = 0; i < 20; i++) {
        reads.push(dir().getOrganization('acme-dist'), dir().findPersonByIdentity(IDENTITIES.blueUserSlack), dir().listLinks({ providerId: 'acme-dist' }));
        await new Promise((r) => setImmediate(r));
      }
      await importing;
      await Promise.all(reads);
      expect((await dir().getOrganization('acme-dist'))?.name).toBe('Acme Distribution KK');
      expect(await dir().findPersonByIdentity(IDENTITIES.blueUserSlack)).toBeUndefined();
      expect(await dir().listLinks({ providerId: 'acme-dist' })).toHaveLength(2);
    });

    it('refuses to give one identity to a second person (IDENTITY_TAKEN), and the holder keeps it', async () => {
      await dir().importDirectory(directoryFixture());
      const thief = directoryFixture((raw) => {
        raw.people = [{ id: 'blue-admin', orgId: 'blue-reseller', name: 'Bea Blue', roles: ['admin'], identities: [IDENTITIES.acmeAdminTeams] }];
      });
      await expect(dir().importDirectory(thief)).rejects.toMatchObject({ code: 'IDENTITY_TAKEN', identityKey: identityKey(IDENTITIES.acmeAdminTeams) });
      expect((await dir().findPersonByIdentity(IDENTITIES.acmeAdminTeams))?.id).toBe('acme-admin');
      expect((await dir().getPerson('blue-admin'))?.identities).toEqual([]);
    });

    it('lists links and relationships by either side; adding one twice keeps one (and its first date)', async () => {
      await dir().importDirectory(directoryFixture());
      expect(await dir().listLinks({ resellerId: 'blue-reseller' })).toEqual([{ providerId: 'acme-dist', resellerId: 'blue-reseller', since: new Date('2024-04-01T00:00:00.000Z') }]);
      expect(await dir().listLinks({ providerId: 'acme-dist', resellerId: 'green-reseller' })).toEqual([]);
      await dir().addLink({ providerId: 'acme-dist', resellerId: 'green-reseller', since: new Date('2026-01-01T00:00:00Z') });
      await dir().addLink({ providerId: 'acme-dist', resellerId: 'green-reseller', since: new Date('2026-02-02T00:00:00Z') });
      expect(await dir().listLinks({ providerId: 'acme-dist' })).toEqual([
        { providerId: 'acme-dist', resellerId: 'blue-reseller', since: new Date('2024-04-01T00:00:00.000Z') },
        { providerId: 'acme-dist', resellerId: 'green-reseller', since: new Date('2026-01-01T00:00:00Z') },
      ]);
      const rel = { partnerId: 'fab-direct', customerId: 'contoso', workload: 'azure' as const };
      await Promise.all([dir().addRelationship(rel), dir().addRelationship(rel), dir().addRelationship(rel)]);
      expect(await dir().listRelationships({ customerId: 'contoso' })).toEqual([
        { partnerId: 'blue-reseller', customerId: 'contoso', workload: 'microsoft365' },
        rel,
      ]);
      expect(await dir().listRelationships({ partnerId: 'fab-direct' })).toEqual([rel]);
      expect(await dir().listRelationships({ customerId: 'litware' })).toEqual([]);
    });

    it('subscriptions: supporters are added once, concurrently, and survive a re-import', async () => {
      await dir().importDirectory(directoryFixture());
      expect(ids(await dir().listSubscriptions('contoso'))).toEqual([SUBSCRIPTION_IDS.contosoEa, SUBSCRIPTION_IDS.contosoAzure]);
      const ea = await dir().getSubscription(SUBSCRIPTION_IDS.contosoEa);
      expect(ea).toMatchObject({ channel: 'ea', supportedBy: [], termEndsOn: new Date('2026-03-31T00:00:00.000Z') });
      await Promise.all(['blue-reseller', 'fab-direct', 'acme-dist', 'blue-reseller'].map((p) => dir().addSubscriptionSupporter(SUBSCRIPTION_IDS.contosoEa, p)));
      const supporters = (await dir().getSubscription(SUBSCRIPTION_IDS.contosoEa))?.supportedBy;
      expect([...(supporters ?? [])].sort()).toEqual(['acme-dist', 'blue-reseller', 'fab-direct']);
      await dir().importDirectory(directoryFixture());
      expect((await dir().getSubscription(SUBSCRIPTION_IDS.contosoEa))?.supportedBy).toHaveLength(3);
      expect((await dir().getSubscription(SUBSCRIPTION_IDS.contosoAzure))?.supportedBy).toEqual(['fab-direct']);
    });

    it('finds a partner by its PartnerID, never a customer that carries the same one (issue 19: by index)', async () => {
      await dir().importDirectory(
        directoryFixture((raw) => {
          (raw.organizations[4] as Record<string, unknown>).partnerId = '4800002'; // the customer Contoso, with Blue's PartnerID
        }),
      );
      expect((await dir().findPartnerByPartnerId('4800001'))?.id).toBe('acme-dist');
      expect((await dir().findPartnerByPartnerId('4800002'))?.id).toBe('blue-reseller');
      expect(await dir().findPartnerByPartnerId('4899999')).toBeUndefined();
      expect(await dir().findPartnerByPartnerId('')).toBeUndefined();
    });

    it('finds an organization by its tenant (any case) and by its Slack workspace or Enterprise Grid', async () => {
      await dir().importDirectory(
        directoryFixture((raw) => {
          raw.organizations[1]!.slackTeamIds = ['T0BLUE01'];
          raw.organizations[4]!.slackEnterpriseIds = ['E0CONTOSO'];
        }),
      );
      expect((await dir().findOrganizationByTenant(TENANTS.acme))?.id).toBe('acme-dist');
      expect((await dir().findOrganizationByTenant(TENANTS.acme.toUpperCase()))?.id).toBe('acme-dist');
      expect(await dir().findOrganizationByTenant('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      expect((await dir().findOrganizationBySlackWorkspace({ teamId: 'T0BLUE01' }))?.id).toBe('blue-reseller');
      expect((await dir().findOrganizationBySlackWorkspace({ teamId: 'T0ANYWHERE', enterpriseId: 'E0CONTOSO' }))?.id).toBe('contoso');
      // The workspace itself wins over an enterprise named by another organization.
      expect((await dir().findOrganizationBySlackWorkspace({ teamId: 'T0BLUE01', enterpriseId: 'E0CONTOSO' }))?.id).toBe('blue-reseller');
      expect(await dir().findOrganizationBySlackWorkspace({ teamId: 'T0ANYWHERE' })).toBeUndefined();
      expect((await dir().getOrganization('blue-reseller'))?.slackTeamIds).toEqual(['T0BLUE01']);
    });

    it('binds a Slack workspace to one organization: again is a no-op, another organization is refused (WORKSPACE_TAKEN)', async () => {
      await dir().importDirectory(directoryFixture());
      expect(await dir().findOrganizationBySlackWorkspace({ teamId: 'T0GREEN1' })).toBeUndefined(); // read before: no stale copy after
      await dir().bindSlackWorkspace('green-reseller', 'T0GREEN1');
      await dir().bindSlackWorkspace('green-reseller', 'T0GREEN1');
      expect((await dir().findOrganizationBySlackWorkspace({ teamId: 'T0GREEN1' }))?.id).toBe('green-reseller');
      expect((await dir().getOrganization('green-reseller'))?.slackTeamIds).toEqual(['T0GREEN1']);
      await expect(dir().bindSlackWorkspace('contoso', 'T0GREEN1')).rejects.toMatchObject({ code: 'WORKSPACE_TAKEN' });
      expect((await dir().getOrganization('contoso'))?.slackTeamIds).toEqual([]);
    });

    it('adds a person once: a second add of the same ID or identity (another instance) changes nothing', async () => {
      await dir().importDirectory(directoryFixture());
      const who = PlatformIdentitySchema.parse({ platform: 'teams', aadObjectId: 'bbbbbbbb-2222-4333-8444-555566667777', tenantId: TENANTS.blue });
      expect(await dir().findPersonByIdentity(who)).toBeUndefined(); // a miss first: no stale miss after
      const newcomer = PersonSchema.parse({ id: 'blue-newcomer', orgId: 'blue-reseller', name: 'Nia New', roles: ['requester'], identities: [who] });
      const [a, b] = await Promise.all([dir().addPerson(newcomer), dir().addPerson({ ...newcomer, name: 'Other Name' })]);
      expect([a, b].sort()).toEqual(['added', 'exists']);
      expect((await dir().findPersonByIdentity(who))?.id).toBe('blue-newcomer');
      expect(await dir().addPerson({ ...newcomer, id: 'blue-newcomer-2' })).toBe('exists');
      expect(await dir().getPerson('blue-newcomer-2')).toBeUndefined();
      // The refused person left no identity claim behind: the holder keeps it.
      expect((await dir().findPersonByIdentity(who))?.id).toBe('blue-newcomer');
      expect(ids(await dir().listPeople('blue-reseller'))).toEqual(['blue-admin', 'blue-newcomer', 'blue-user']);
    });

    it("sets one person's roles and leaves the rest of them as they were", async () => {
      await dir().importDirectory(directoryFixture());
      expect((await dir().findPersonByIdentity(IDENTITIES.blueUserSlack))?.roles).toEqual(['requester']); // cached read first
      expect(await dir().setPersonRoles('blue-user', ['requester', 'admin', 'admin'])).toBe(true);
      const ben = await dir().findPersonByIdentity(IDENTITIES.blueUserSlack);
      expect(ben?.roles).toEqual(['requester', 'admin']);
      expect(ben?.email).toBe('ben@blue.example');
      expect(await dir().setPersonRoles('nobody', ['admin'])).toBe(false);
      for (const bad of INJECTIONS) expect(await dir().setPersonRoles(bad, ['admin'])).toBe(false);
    });

    it('keeps the Partner Center marks (syncedFrom, inactiveSince, offer, partner of record) and an import without them clears them', async () => {
      const inactive = '2026-05-01T00:00:00.000Z';
      const marked = directoryFixture((raw) => {
        Object.assign(raw.organizations[5]!, { syncedFrom: 'partner_center', inactiveSince: inactive });
        Object.assign(raw.links[0]!, { syncedFrom: 'partner_center', inactiveSince: inactive });
        Object.assign(raw.relationships[0]!, { syncedFrom: 'partner_center', inactiveSince: inactive });
        Object.assign(raw.subscriptions[0]!, { syncedFrom: 'partner_center', inactiveSince: inactive, offerId: 'CFQ7TTC0LH18:0001', partnerOfRecord: '4800002', status: 'suspended' });
      });
      await dir().importDirectory(marked);
      const at = new Date(inactive);
      expect(await dir().getOrganization('litware')).toMatchObject({ syncedFrom: 'partner_center', inactiveSince: at });
      expect((await dir().listOrganizations({ kind: 'customer' })).find((o) => o.id === 'litware')?.inactiveSince).toEqual(at);
      expect(await dir().listLinks({ resellerId: 'blue-reseller' })).toEqual([{ providerId: 'acme-dist', resellerId: 'blue-reseller', since: new Date('2024-04-01T00:00:00.000Z'), syncedFrom: 'partner_center', inactiveSince: at }]);
      expect(await dir().listRelationships({ customerId: 'contoso' })).toEqual([{ partnerId: 'blue-reseller', customerId: 'contoso', workload: 'microsoft365', syncedFrom: 'partner_center', inactiveSince: at }]);
      expect(await dir().getSubscription(SUBSCRIPTION_IDS.contosoEa)).toMatchObject({ offerId: 'CFQ7TTC0LH18:0001', partnerOfRecord: '4800002', status: 'suspended', syncedFrom: 'partner_center', inactiveSince: at });
      // Active again (the file, or a later sync, says so): the marks go, `since` and the supporters stay.
      await dir().importDirectory(directoryFixture());
      const litware = await dir().getOrganization('litware');
      expect(litware).not.toHaveProperty('inactiveSince');
      expect(litware).not.toHaveProperty('syncedFrom');
      expect(await dir().listLinks({ resellerId: 'blue-reseller' })).toEqual([{ providerId: 'acme-dist', resellerId: 'blue-reseller', since: new Date('2024-04-01T00:00:00.000Z') }]);
      expect(await dir().listRelationships({ customerId: 'contoso' })).toEqual([{ partnerId: 'blue-reseller', customerId: 'contoso', workload: 'microsoft365' }]);
      const ea = await dir().getSubscription(SUBSCRIPTION_IDS.contosoEa);
      for (const field of ['offerId', 'partnerOfRecord', 'status', 'syncedFrom', 'inactiveSince']) expect(ea).not.toHaveProperty(field);
      expect(ea?.termEndsOn).toEqual(new Date('2026-03-31T00:00:00.000Z'));
    });

    it('treats operator-shaped IDs as plain values: nothing found, nothing thrown', async () => {
      await dir().importDirectory(directoryFixture());
      for (const bad of INJECTIONS) {
        expect(await dir().getOrganization(bad)).toBeUndefined();
        expect(await dir().getPerson(bad)).toBeUndefined();
        expect(await dir().getSubscription(bad)).toBeUndefined();
        expect(await dir().listPeople(bad)).toEqual([]);
        expect(await dir().listPeopleOfOrganizations([bad])).toEqual([]);
        expect(await dir().listSubscriptions(bad)).toEqual([]);
        expect(await dir().listLinks({ resellerId: bad })).toEqual([]);
        expect(await dir().listRelationships({ customerId: bad })).toEqual([]);
        expect(await dir().listOrganizations({ kind: bad })).toEqual([]);
        await dir().addSubscriptionSupporter(bad, 'fab-direct');
      }
      expect((await dir().getSubscription(SUBSCRIPTION_IDS.contosoEa))?.supportedBy).toEqual([]);
    });

    it('issue 19: finds candidates by kind, country, cloud and workload, active only, by name, bounded; a typed name narrows them', async () => {
      await dir().importDirectory(
        directoryFixture((raw) => {
          raw.organizations.push(
            { id: 'aqua-direct', kind: 'direct_bill_partner', name: 'Aqua Direct', partnerId: '4800005', tenantId: '6a707182-93a4-4fb0-91c2-4d5e6f708193', country: 'JP', workloads: ['azure'] },
            { id: 'gone-direct', kind: 'direct_bill_partner', name: 'Gone Direct', partnerId: '4800006', tenantId: '7b707182-93a4-4fb0-91c2-4d5e6f708194', country: 'JP', workloads: ['azure'], inactiveSince: '2026-01-01T00:00:00.000Z' },
            { id: 'us-direct', kind: 'direct_bill_partner', name: 'Us Direct', partnerId: '4800007', tenantId: '8c707182-93a4-4fb0-91c2-4d5e6f708195', country: 'US', workloads: ['azure'] },
            { id: 'gov-direct', kind: 'direct_bill_partner', name: 'Gov Direct', partnerId: '4800008', tenantId: '9d707182-93a4-4fb0-91c2-4d5e6f708196', country: 'JP', cloud: 'us_government', workloads: ['azure'] },
          );
        }),
      );
      const sellers = ['indirect_reseller', 'direct_bill_partner'] as const;
      const found = (q: Partial<Parameters<ReturnType<typeof dir>['findCandidates']>[0]>) => dir().findCandidates({ kinds: sellers, limit: 50, ...q }).then(ids);
      expect(await found({ countries: ['JP'], cloud: 'public', workload: 'azure' })).toEqual(['aqua-direct', 'fab-direct']);
      expect(await found({ countries: ['JP'], cloud: 'public' })).toEqual(['aqua-direct', 'blue-reseller', 'fab-direct', 'green-reseller']);
      expect(await found({ countries: ['JP', 'US'], workload: 'azure' })).toEqual(['aqua-direct', 'fab-direct', 'gov-direct', 'us-direct']);
      expect(await found({ countries: ['JP'], cloud: 'public', limit: 1 })).toEqual(['aqua-direct']);
      expect(await found({ countries: ['JP'], nameContains: 'DIRECT' })).toEqual(['aqua-direct', 'fab-direct', 'gov-direct']);
      expect(await found({ kinds: ['indirect_provider'], nameContains: 'アクメ' })).toEqual(['acme-dist']);
      expect(await found({ countries: ['JP'], nameContains: '.*' })).toEqual([]); // a typed name is text, not a pattern
      expect(await found({ countries: [] })).toEqual([]);
      expect(await found({ kinds: [] })).toEqual([]);
      for (const bad of INJECTIONS) expect(await found({ countries: [bad as unknown as string] })).toEqual([]);
    });

    it('issue 19: pages of candidates: `after` goes on from the last one of the page before, by name then ID, over kinds and countries', async () => {
      await dir().importDirectory(
        directoryFixture((raw) => {
          raw.organizations.push(
            // Two with the name of the fixture's 'Blue Reseller' (their IDs order them), one in another country, one of another kind.
            { id: 'blue-two', kind: 'indirect_reseller', name: 'Blue Reseller', partnerId: '4800011', tenantId: '1a707182-93a4-4fb0-91c2-4d5e6f708191', country: 'JP' },
            { id: 'a-blue', kind: 'direct_bill_partner', name: 'Blue Reseller', partnerId: '4800012', tenantId: '2a707182-93a4-4fb0-91c2-4d5e6f708192', country: 'JP', workloads: ['azure'] },
            { id: 'us-seller', kind: 'direct_bill_partner', name: 'Amber US', partnerId: '4800013', tenantId: '3a707182-93a4-4fb0-91c2-4d5e6f708193', country: 'US', workloads: ['azure'] },
            { id: 'aqua-direct', kind: 'direct_bill_partner', name: 'Aqua Direct', partnerId: '4800014', tenantId: '4a707182-93a4-4fb0-91c2-4d5e6f708194', country: 'JP', workloads: ['azure'] },
          );
        }),
      );
      const query = { kinds: ['indirect_reseller', 'direct_bill_partner'] as const, countries: ['JP', 'US'] };
      const whole = await dir().findCandidates({ ...query, limit: 50 });
      expect(ids(whole)).toEqual(['us-seller', 'aqua-direct', 'a-blue', 'blue-reseller', 'blue-two', 'fab-direct', 'green-reseller']);
      for (const size of [1, 2, 3]) {
        const paged: string[] = [];
        let after: { name: string; id: string } | undefined;
        for (let n = 0; n < 20; n++) {
          const page = await dir().findCandidates({ ...query, limit: size, ...(after ? { after } : {}) });
          paged.push(...ids(page));
          if (page.length < size) break;
          after = { name: page.at(-1)!.name, id: page.at(-1)!.id };
        }
        expect(paged).toEqual(ids(whole));
      }
      // Between two of the same name, by ID; after the last one, nothing; the other filters still apply.
      expect(ids(await dir().findCandidates({ ...query, limit: 50, after: { name: 'Blue Reseller', id: 'blue-reseller' } }))).toEqual(['blue-two', 'fab-direct', 'green-reseller']);
      expect(ids(await dir().findCandidates({ ...query, limit: 50, after: { name: 'Green Reseller', id: 'green-reseller' } }))).toEqual([]);
      expect(ids(await dir().findCandidates({ ...query, workload: 'azure', limit: 50, after: { name: 'Aqua Direct', id: 'aqua-direct' } }))).toEqual(['a-blue', 'fab-direct']);
      for (const bad of INJECTIONS) {
        expect(await dir().findCandidates({ ...query, limit: 50, after: { name: bad as unknown as string, id: 'x' } })).toEqual([]);
        expect(await dir().findCandidates({ ...query, limit: 50, after: bad as unknown as { name: string; id: string } })).toEqual([]);
      }
    });

    // Issue 19: imports larger than one batch, on both stores. On FerretDB these once hung: a re-import sent
    // 1,000 updates of stored records in one command, more than FerretDB's SQLite pool has connections
    // (adapters/mongo/import-writes.ts); they now take seconds there.
    it('issue 19: imports more than a batch (1,000) of each kind: every record, progress after each batch, and again without changes', async () => {
      const n = 1_100;
      const bulk = directoryFixture((raw) => {
        for (let i = 0; i < n; i++) {
          const id = `bulk-${String(i).padStart(4, '0')}`;
          raw.organizations.push({ id, kind: 'indirect_reseller', name: `Bulk Reseller ${i}`, partnerId: String(5_000_000 + i), tenantId: guid(i), country: i % 2 ? 'JP' : 'US', workloads: ['azure'] });
          raw.people.push({ id: `${id}-admin`, orgId: id, name: `Admin ${i}`, roles: ['admin'], identities: [{ platform: 'teams', aadObjectId: guid(100_000 + i), tenantId: guid(i) }] });
          raw.links.push({ providerId: 'acme-dist', resellerId: id, since: '2025-01-01T00:00:00.000Z' });
          raw.relationships.push({ partnerId: id, customerId: 'contoso', workload: 'azure' });
          raw.subscriptions.push({ id: guid(200_000 + i), customerId: 'contoso', name: `Azure ${i}`, workload: 'azure', channel: 'csp_partner', billing: 'usage', supportedBy: [id] });
        }
      });
      const progress: Array<{ kind: string; done: number; total: number }> = [];
      expect(await dir().importDirectory(bulk, { onProgress: (p) => progress.push(p) })).toEqual({ organizations: n + 6, people: n + 4, links: n + 1, relationships: n + 1, subscriptions: n + 2 });
      const total = 5 * n + 14;
      expect(progress.map((p) => p.kind)).toEqual(['organizations', 'organizations', 'people', 'people', 'links', 'links', 'relationships', 'relationships', 'subscriptions', 'subscriptions']);
      expect(progress.every((p, i) => p.total === total && (i === 0 || p.done > progress[i - 1]!.done))).toBe(true);
      expect(progress.at(-1)!.done).toBe(total);
      expect(await dir().listOrganizations({ kind: 'indirect_reseller' })).toHaveLength(n + 2);
      expect((await dir().findPersonByIdentity(PlatformIdentitySchema.parse({ platform: 'teams', aadObjectId: guid(100_000 + n - 1), tenantId: guid(n - 1) })))?.id).toBe(`bulk-${n - 1}-admin`);
      expect((await dir().listLinks({ providerId: 'acme-dist' })).length).toBe(n + 1);
      expect((await dir().listRelationships({ customerId: 'contoso' })).length).toBe(n + 1);
      expect((await dir().listSubscriptions('contoso')).length).toBe(n + 2);
      expect((await dir().getSubscription(guid(200_000 + 1050)))?.supportedBy).toEqual(['bulk-1050']);
      // Found as candidates (by kind and country) whether written in a batch or one by one.
      const candidates = await dir().findCandidates({ kinds: ['indirect_reseller'], countries: ['US'], limit: 1000 });
      expect(candidates).toHaveLength(n / 2);
      expect(candidates.every((o) => o.country === 'US' && o.kind === 'indirect_reseller')).toBe(true);
      expect(ids(await dir().findCandidates({ kinds: ['indirect_reseller'], countries: ['JP'], nameContains: 'Bulk Reseller 1099', limit: 5 }))).toEqual(['bulk-1099']);
      await dir().addSubscriptionSupporter(guid(200_000 + 1050), 'fab-direct');
      const before = await dir().listOrganizations();
      await dir().importDirectory(bulk);
      expect(await dir().listOrganizations()).toEqual(before);
      expect((await dir().getSubscription(guid(200_000 + 1050)))?.supportedBy).toEqual(['bulk-1050', 'fab-direct']);
      expect((await dir().listLinks({ providerId: 'acme-dist' })).length).toBe(n + 1);
    }, 120_000);

    it('issue 19: in a large import, an identity taken from its holder deep in a batch is refused (IDENTITY_TAKEN); one moved to a later person in the file is not', async () => {
      const people = (edit: (raw: RawDirectory) => void) =>
        directoryFixture((raw) => {
          for (let i = 0; i < 1_100; i++) raw.people.push({ id: `many-${i}`, orgId: 'blue-reseller', name: `Person ${i}`, roles: ['requester'], identities: [{ platform: 'slack', teamId: 'T0BLUE01', userId: `U0MANY${i}` }] });
          edit(raw);
        });
      await dir().importDirectory(people(() => undefined));
      const thief = people((raw) => {
        raw.people = raw.people.filter((p) => p.id !== 'acme-admin'); // a file that does not name the holder
        (raw.people.find((p) => p.id === 'many-1050')!.identities as unknown[]).push(IDENTITIES.acmeAdminTeams);
      });
      await expect(dir().importDirectory(thief)).rejects.toMatchObject({ code: 'IDENTITY_TAKEN', identityKey: identityKey(IDENTITIES.acmeAdminTeams) });
      expect((await dir().findPersonByIdentity(IDENTITIES.acmeAdminTeams))?.id).toBe('acme-admin');
      expect((await dir().getPerson('many-1050'))?.identities).toHaveLength(1);
      // acme-admin (earlier in the file) gives up the identity and many-1080 takes it: as one by one, that is allowed.
      const moved = people((raw) => {
        raw.people.find((p) => p.id === 'acme-admin')!.identities = [];
        (raw.people.find((p) => p.id === 'many-1080')!.identities as unknown[]).push(IDENTITIES.acmeAdminTeams);
      });
      await dir().importDirectory(moved);
      expect((await dir().findPersonByIdentity(IDENTITIES.acmeAdminTeams))?.id).toBe('many-1080');
      expect((await dir().getPerson('acme-admin'))?.identities).toEqual([]);
    }, 120_000);

    it('issue 19: reads the links of many resellers, and many organizations, in one call each', async () => {
      await dir().importDirectory(directoryFixture((raw) => void raw.links.push({ providerId: 'acme-dist', resellerId: 'green-reseller', since: '2025-05-05' })));
      expect((await dir().listLinksOfResellers(['blue-reseller', 'green-reseller', 'nobody'])).map((l) => l.resellerId)).toEqual(['blue-reseller', 'green-reseller']);
      expect(await dir().listLinksOfResellers([])).toEqual([]);
      expect(ids(await dir().getOrganizations(['litware', 'acme-dist', 'nobody', 'acme-dist']))).toEqual(['acme-dist', 'litware']);
      expect(await dir().getOrganizations([])).toEqual([]);
      for (const bad of INJECTIONS) {
        expect(await dir().getOrganizations([bad as unknown as string])).toEqual([]);
        expect(await dir().listLinksOfResellers([bad as unknown as string])).toEqual([]);
      }
    });
  });
}

async function snapshot(store: StorePort) {
  const d = store.directory;
  const orgs = await d.listOrganizations();
  return {
    orgs,
    people: await Promise.all(orgs.map((o) => d.listPeople(o.id))),
    links: await d.listLinks({}),
    relationships: await d.listRelationships({}),
    subscriptions: await d.listSubscriptions('contoso'),
  };
}
