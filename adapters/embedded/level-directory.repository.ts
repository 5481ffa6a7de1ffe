import type {
  CandidateQuery,
  DirectoryData,
  DirectoryPort,
  ImportCounts,
  ImportOptions,
  Organization,
  OrganizationKind,
  OrganizationNameRecord,
  PartnerCustomerRelationship,
  Person,
  PlatformIdentity,
  ProviderResellerLink,
  Role,
  SavedOrganizationIndexPort,
  Subscription,
} from '../../domain';
import { identityKey } from '../../domain';
import {
  asKey,
  asKeys,
  candidateFilter,
  IdentityTakenError,
  importCounts,
  ImportProgressCounter,
  inBatches,
  linkFromDocument,
  linkKey,
  linkToDocument,
  namesDiffer,
  organizationFromDocument,
  organizationToDocument,
  personFromDocument,
  personToDocument,
  relationshipFromDocument,
  relationshipKey,
  relationshipToDocument,
  subscriptionFromDocument,
  subscriptionToDocument,
  WorkspaceTakenError,
} from '../store-common';
import {
  identityKeyOf,
  indexPrefix,
  lastPart,
  linkIndexKeys,
  ORGANIZATION_INDEX_KEY,
  organizationIndexKeys,
  personIdentities,
  personIndexKeys,
  recordKey,
  recordPrefix,
  SEP,
  relationshipIndexKeys,
  subscriptionIndexKeys,
} from './level-keys';
import { del, put, reindex, type BatchOp, type LevelKv } from './level-kv';
import { candidateMatches, mergeCandidates } from './level-candidates';
import { importedLink, importedRelationship, importedSubscription } from './level-import';

type Doc = Record<string, unknown>;

/**
 * Issue 19: the directory of the embedded store in LevelDB (`DATA_DIR/directory`). Records stay on disk
 * and are read when asked for; secondary indexes are key prefixes (level-keys.ts), so no lookup reads
 * the whole directory and the heap does not grow with it. Every change runs under the store's lock
 * (one at a time) and writes a record with its index entries in one atomic batch.
 */
export class LevelDirectory implements DirectoryPort, SavedOrganizationIndexPort {
  /**
   * Changes to organization names written by this process so far: the names generation. Only this process
   * writes the folder (the lock file), so a counter in memory is enough; the saved index itself is deleted
   * in the same batch as any change to a name, so bytes found after a restart are of the names as they are.
   */
  private namesChanged = 0;

  constructor(private readonly kv: LevelKv) {}

  async namesGeneration(): Promise<number> {
    return this.namesChanged;
  }

  async savedOrganizationIndex(): Promise<{ bytes: Uint8Array | undefined; generation: number }> {
    // The generation first: a change written after it makes the save below refuse what was built meanwhile.
    const generation = this.namesChanged;
    return { bytes: await this.kv.getBytes(ORGANIZATION_INDEX_KEY), generation };
  }

  async saveOrganizationIndex(bytes: Uint8Array, generation: number): Promise<boolean> {
    return this.kv.exclusive(async () => {
      if (generation !== this.namesChanged) return false;
      await this.kv.putBytes(ORGANIZATION_INDEX_KEY, bytes);
      return true;
    });
  }

  async organizationNames(): Promise<OrganizationNameRecord[]> {
    // Read as whole records, as the index was always built here (one process: only a start or a change builds it).
    return (await this.listOrganizations()).map((o) => ({ id: o.id, name: o.name, ...(o.nameJa ? { nameJa: o.nameJa } : {}) }));
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? undefined : await this.kv.get<Doc>(recordKey('org', k));
    return doc ? organizationFromDocument(doc) : undefined;
  }

  async listOrganizations(filter?: { kind?: OrganizationKind }): Promise<Organization[]> {
    if (filter?.kind === undefined) return this.all('org', organizationFromDocument);
    const kind = asKey(filter.kind);
    if (kind === undefined) return [];
    return this.byIndex(indexPrefix('org.kind', kind), 'org', organizationFromDocument);
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? undefined : await this.kv.get<Doc>(recordKey('person', k));
    return doc ? personFromDocument(doc) : undefined;
  }

  async findPersonByIdentity(identity: PlatformIdentity): Promise<Person | undefined> {
    const holder = await this.kv.get<string>(identityKeyOf(identityKey(identity)));
    return holder === undefined ? undefined : this.getPerson(holder);
  }

  async listPeople(orgId: string): Promise<Person[]> {
    const k = asKey(orgId);
    return k === undefined ? [] : this.byIndex(indexPrefix('person.org', k), 'person', personFromDocument);
  }

  async findOrganizationByTenant(tenantId: string): Promise<Organization | undefined> {
    const k = asKey(tenantId);
    if (k === undefined) return undefined;
    const [first] = await this.kv.keys(indexPrefix('org.tenant', k.toLowerCase()), 1);
    return first === undefined ? undefined : this.getOrganization(lastPart(first));
  }

  async findPartnerByPartnerId(partnerId: string): Promise<Organization | undefined> {
    const k = asKey(partnerId);
    if (k === undefined) return undefined;
    // In ID order; a customer carrying the same PartnerID is passed over (a few at most share one).
    for (const key of await this.kv.keys(indexPrefix('org.partnerId', k), 20)) {
      const org = await this.getOrganization(lastPart(key));
      if (org && org.kind !== 'customer') return org;
    }
    return undefined;
  }

  async findOrganizationBySlackWorkspace(workspace: { teamId: string; enterpriseId?: string }): Promise<Organization | undefined> {
    // The first organization in ID order keeps a shared ID (as the nedb store decided).
    for (const w of [asKey(workspace.teamId), asKey(workspace.enterpriseId)]) {
      if (w === undefined) continue;
      const [first] = await this.kv.keys(indexPrefix('org.slack', w), 1);
      if (first !== undefined) return this.getOrganization(lastPart(first));
    }
    return undefined;
  }

  async bindSlackWorkspace(orgId: string, teamId: string): Promise<void> {
    const id = asKey(orgId);
    const team = asKey(teamId);
    if (id === undefined || team === undefined) return;
    await this.kv.exclusive(async () => {
      const owner = await this.findOrganizationBySlackWorkspace({ teamId: team });
      if (owner && owner.id !== id && owner.slackTeamIds.includes(team)) throw new WorkspaceTakenError(team, id, owner.id);
      if (owner?.id === id) return;
      const org = await this.getOrganization(id);
      if (!org || org.slackTeamIds.includes(team)) return;
      await this.kv.batch(this.organizationWrite(org, { ...org, slackTeamIds: [...org.slackTeamIds, team] }));
    });
  }

  async addPerson(person: Person): Promise<'added' | 'exists'> {
    return this.kv.exclusive(async () => {
      if (await this.kv.get(recordKey('person', person.id))) return 'exists';
      for (const key of personIdentities(person)) if ((await this.kv.get(identityKeyOf(key))) !== undefined) return 'exists';
      await this.kv.batch(this.personWrite(undefined, person));
      return 'added';
    });
  }

  async setPersonRoles(personId: string, roles: Role[]): Promise<boolean> {
    const id = asKey(personId);
    if (id === undefined) return false;
    return this.kv.exclusive(async () => {
      const person = await this.getPerson(id);
      if (!person) return false;
      await this.kv.batch([put(recordKey('person', id), personToDocument({ ...person, roles: [...new Set(roles)] }))]);
      return true;
    });
  }

  async listLinks(filter: { resellerId?: string; providerId?: string }): Promise<ProviderResellerLink[]> {
    const query = pick(filter, ['resellerId', 'providerId']);
    if (!query) return [];
    const { resellerId, providerId } = query;
    if (resellerId !== undefined) {
      const links = await this.byIndex(indexPrefix('link.reseller', resellerId), 'link', linkFromDocument);
      return providerId === undefined ? links : links.filter((l) => l.providerId === providerId);
    }
    if (providerId !== undefined) return this.byIndex(indexPrefix('link.provider', providerId), 'link', linkFromDocument);
    return this.all('link', linkFromDocument);
  }

  async listRelationships(filter: { customerId?: string; partnerId?: string }): Promise<PartnerCustomerRelationship[]> {
    const query = pick(filter, ['customerId', 'partnerId']);
    if (!query) return [];
    const { customerId, partnerId } = query;
    if (customerId !== undefined) {
      const rels = await this.byIndex(indexPrefix('rel.customer', customerId), 'rel', relationshipFromDocument);
      return partnerId === undefined ? rels : rels.filter((r) => r.partnerId === partnerId);
    }
    if (partnerId !== undefined) return this.byIndex(indexPrefix('rel.partner', partnerId), 'rel', relationshipFromDocument);
    return this.all('rel', relationshipFromDocument);
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? undefined : await this.kv.get<Doc>(recordKey('sub', k));
    return doc ? subscriptionFromDocument(doc) : undefined;
  }

  async listSubscriptions(customerId: string): Promise<Subscription[]> {
    const k = asKey(customerId);
    return k === undefined ? [] : this.byIndex(indexPrefix('sub.customer', k), 'sub', subscriptionFromDocument);
  }

  async addLink(link: ProviderResellerLink): Promise<void> {
    await this.kv.exclusive(async () => {
      const key = recordKey('link', linkKey(link));
      if ((await this.kv.get(key)) !== undefined) return; // adding it again is a no-op, and `since` is kept
      await this.kv.batch([put(key, linkToDocument(link)), ...reindex([], linkIndexKeys(link))]);
    });
  }

  async addRelationship(rel: PartnerCustomerRelationship): Promise<void> {
    await this.kv.exclusive(async () => {
      const key = recordKey('rel', relationshipKey(rel));
      if ((await this.kv.get(key)) !== undefined) return;
      await this.kv.batch([put(key, relationshipToDocument(rel)), ...reindex([], relationshipIndexKeys(rel))]);
    });
  }

  async addSubscriptionSupporter(subscriptionId: string, partnerId: string): Promise<void> {
    const id = asKey(subscriptionId);
    const partner = asKey(partnerId);
    if (id === undefined || partner === undefined) return;
    await this.kv.exclusive(async () => {
      const sub = await this.getSubscription(id);
      if (!sub || sub.supportedBy.includes(partner)) return;
      await this.kv.batch([put(recordKey('sub', id), subscriptionToDocument({ ...sub, supportedBy: [...sub.supportedBy, partner] }))]);
    });
  }

  async importDirectory(data: DirectoryData, options?: ImportOptions): Promise<ImportCounts> {
    // Organizations and people are replaced whole (the file is their source of truth); links and
    // relationships keep their first `since`; subscriptions keep supporters added since. In batches of
    // one LevelDB write each, in the file's order; a person is written by itself (the identity rule
    // must see the people before it). Without a transaction over the whole file an interrupted import
    // is partial, and running it again completes it: every step is idempotent.
    const progress = new ImportProgressCounter(data, options);
    await this.kv.exclusive(async () => {
      for (const batch of inBatches(data.organizations)) {
        const before = await this.kv.getMany<Doc>(batch.map((o) => recordKey('org', o.id)));
        const old = new Map(before.map((d) => [String(d._id), organizationFromDocument(d)]));
        const renamed = batch.some((o) => namesDiffer(old.get(o.id), o));
        await this.kv.batch([...batch.flatMap((o) => this.organizationWrite(old.get(o.id), o)), ...(renamed ? [del(ORGANIZATION_INDEX_KEY)] : [])]);
        // Counted once written: an index built from names read before this write is then refused.
        if (renamed) this.namesChanged++;
        progress.wrote('organizations', batch.length);
      }
      for (const batch of inBatches(data.people)) {
        for (const p of batch) await this.importPerson(p);
        progress.wrote('people', batch.length);
      }
      await this.importKeyed(data.links, 'links', progress, (l) => recordKey('link', linkKey(l)), (old, l) => {
        const next = importedLink(old ? linkFromDocument(old) : undefined, l);
        return [put(recordKey('link', linkKey(l)), linkToDocument(next)), ...reindex([], linkIndexKeys(next))];
      });
      await this.importKeyed(data.relationships, 'relationships', progress, (r) => recordKey('rel', relationshipKey(r)), (old, r) => {
        const next = importedRelationship(old ? relationshipFromDocument(old) : undefined, r);
        return [put(recordKey('rel', relationshipKey(r)), relationshipToDocument(next)), ...reindex([], relationshipIndexKeys(next))];
      });
      await this.importKeyed(data.subscriptions, 'subscriptions', progress, (s) => recordKey('sub', s.id), (old, s) => {
        const before = old ? subscriptionFromDocument(old) : undefined;
        const next = importedSubscription(before, s);
        return [put(recordKey('sub', s.id), subscriptionToDocument(next)), ...reindex(before ? subscriptionIndexKeys(before) : [], subscriptionIndexKeys(next))];
      });
    });
    return importCounts(data);
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.kv.has(recordPrefix('org')));
  }

  async findCandidates(query: CandidateQuery): Promise<Organization[]> {
    const q = candidateFilter(query);
    if (!q) return [];
    const kinds = [...new Set(asKeys(query.kinds))];
    const countries = query.countries === undefined ? undefined : [...new Set(asKeys(query.countries))];
    // One name-ordered scan per kind (and country), each stopping at `limit` matches; then merged.
    const prefixes = countries === undefined ? kinds.map((k) => indexPrefix('org.cand', k)) : kinds.flatMap((k) => countries.map((c) => indexPrefix('org.candc', k, c)));
    const lists: Organization[][] = [];
    for (const prefix of prefixes) {
      const found: Organization[] = [];
      // Issue 19: the next page of a scan starts after the last candidate of the one before (name, then ID).
      for await (const [key] of this.kv.entries(prefix, q.after ? q.after.name + SEP + q.after.id : undefined)) {
        const org = await this.getOrganization(lastPart(key));
        if (org && candidateMatches(org, query)) found.push(org);
        if (found.length >= q.limit) break;
      }
      lists.push(found);
    }
    return mergeCandidates(lists, q.limit);
  }

  async listLinksOfResellers(resellerIds: readonly string[]): Promise<ProviderResellerLink[]> {
    const ids = [...new Set(asKeys(resellerIds))];
    const links = (await Promise.all(ids.map((id) => this.byIndex(indexPrefix('link.reseller', id), 'link', linkFromDocument)))).flat();
    return links.sort((a, b) => compare(linkKey(a), linkKey(b)));
  }

  async getOrganizations(ids: readonly string[]): Promise<Organization[]> {
    const keys = [...new Set(asKeys(ids))].sort(compare);
    return (await this.kv.getMany<Doc>(keys.map((k) => recordKey('org', k)))).map(organizationFromDocument);
  }

  async listPeopleOfOrganizations(orgIds: readonly string[]): Promise<Person[]> {
    const ids = [...new Set(asKeys(orgIds))];
    const people = (await Promise.all(ids.map((id) => this.listPeople(id)))).flat();
    return people.sort((a, b) => compare(a.id, b.id));
  }

  /** Every record of a kind, in key order. */
  private async all<T>(kind: 'org' | 'link' | 'rel', parse: (doc: Doc) => T): Promise<T[]> {
    const out: T[] = [];
    for await (const [, value] of this.kv.entries(recordPrefix(kind))) out.push(parse(JSON.parse(value) as Doc));
    return out;
  }

  /** The records an index prefix names (by the last part of each key), in the index's order. */
  private async byIndex<T>(prefix: string, kind: 'org' | 'person' | 'link' | 'rel' | 'sub', parse: (doc: Doc) => T): Promise<T[]> {
    const keys = await this.kv.keys(prefix);
    return (await this.kv.getMany<Doc>(keys.map((k) => recordKey(kind, lastPart(k))))).map(parse);
  }

  private organizationWrite(old: Organization | undefined, o: Organization): BatchOp[] {
    return [put(recordKey('org', o.id), organizationToDocument(o)), ...reindex(old ? organizationIndexKeys(old) : [], organizationIndexKeys(o))];
  }

  /** A person with their index entry and identity claims (claims they no longer hold are released). */
  private personWrite(old: Person | undefined, p: Person): BatchOp[] {
    const released = old ? personIdentities(old).filter((k) => !personIdentities(p).includes(k)) : [];
    return [
      put(recordKey('person', p.id), personToDocument(p)),
      ...reindex(old ? personIndexKeys(old) : [], personIndexKeys(p)),
      ...released.map((k) => del(identityKeyOf(k))),
      ...personIdentities(p).map((k) => put(identityKeyOf(k), p.id)),
    ];
  }

  private async importPerson(p: Person): Promise<void> {
    for (const key of personIdentities(p)) {
      const holder = await this.kv.get<string>(identityKeyOf(key));
      if (holder !== undefined && holder !== p.id) throw new IdentityTakenError(key, p.id, holder);
    }
    await this.kv.batch(this.personWrite(await this.getPerson(p.id), p));
  }

  private async importKeyed<T>(
    items: readonly T[],
    kind: 'links' | 'relationships' | 'subscriptions',
    progress: ImportProgressCounter,
    keyOf: (item: T) => string,
    write: (old: Doc | undefined, item: T) => BatchOp[],
  ): Promise<void> {
    for (const batch of inBatches(items)) {
      const ops: BatchOp[] = [];
      const seen = new Map<string, Doc>();
      for (const item of batch) {
        const key = keyOf(item);
        const old = seen.get(key) ?? (await this.kv.get<Doc>(key));
        const itemOps = write(old, item);
        const record = itemOps[0];
        if (record?.type === 'put') seen.set(key, JSON.parse(record.value) as Doc);
        ops.push(...itemOps);
      }
      await this.kv.batch(ops);
      progress.wrote(kind, batch.length);
    }
  }
}

/** Strings as both stores order them (code unit order). */
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A filter from the given string fields only; undefined when a given field is not a string. */
function pick<K extends string>(filter: Partial<Record<K, unknown>>, keys: K[]): Partial<Record<K, string>> | undefined {
  const query: Partial<Record<K, string>> = {};
  for (const key of keys) {
    if (filter[key] === undefined) continue;
    const v = asKey(filter[key]);
    if (v === undefined) return undefined;
    query[key] = v;
  }
  return query;
}
