import type {
  CandidateQuery,
  DirectoryData,
  DirectoryPort,
  ImportCounts,
  Organization,
  OrganizationKind,
  PartnerCustomerRelationship,
  Person,
  PlatformIdentity,
  ProviderResellerLink,
  Role,
  Subscription,
} from '../../domain';
import { identityKey } from '../../domain';
import {
  asKey,
  asKeys,
  CANDIDATE_ORDER,
  candidateFilter,
  IdentityTakenError,
  keyedImportUpdate,
  linkFromDocument,
  linkToDocument,
  organizationFromDocument,
  organizationToDocument,
  personFromDocument,
  personToDocument,
  relationshipFromDocument,
  relationshipToDocument,
  subscriptionFromDocument,
  subscriptionImportUpdate,
  WorkspaceTakenError,
} from '../store-common';
import { uniqueViolation, type Collections, type NedbDoc } from './nedb-collections';

type DirectoryCollections = Pick<Collections, 'organizations' | 'people' | 'links' | 'relationships' | 'subscriptions'>;
const BY_ID = { _id: 1 };

/**
 * The directory in nedb. nedb runs one operation at a time, so each update below is atomic.
 *
 * Organizations, links and the people found by identity are read on every turn (who is writing;
 * eligibility) and change only through this class (an import, addLink), so they are kept parsed and
 * frozen in memory and dropped when that happens. That is safe here and only here: the embedded store
 * serves one process (its folder is locked), so no other writer can make them stale.
 */
export class EmbeddedDirectory implements DirectoryPort {
  private readonly organizations = new Kept(async (): Promise<Organizations> => {
    const all = (await this.c.organizations.findAsync({}).sort(BY_ID)).map((doc) => deepFreeze(organizationFromDocument(doc)));
    const byTenant = new Map(all.map((o) => [o.tenantId.toLowerCase(), o]));
    const bySlack = new Map<string, Organization>();
    for (const o of all) for (const w of [...o.slackTeamIds, ...o.slackEnterpriseIds]) if (!bySlack.has(w)) bySlack.set(w, o);
    return { all, byId: new Map(all.map((o) => [o.id, o])), byTenant, bySlack };
  });
  private readonly links = new Kept(async (): Promise<Links> => {
    const all = (await this.c.links.findAsync({}).sort(BY_ID)).map((doc) => deepFreeze(linkFromDocument(doc)));
    return { all, byReseller: groupBy(all, (l) => l.resellerId), byProvider: groupBy(all, (l) => l.providerId) };
  });
  /** People found by identity key (misses are not kept: anyone can send any ID). */
  private readonly peopleByIdentity = new Map<string, Person>();
  /** Bumped by every change, so a person read that began before it does not fill the cache. */
  private generation = 0;

  constructor(private readonly c: DirectoryCollections) {}

  /** The directory changed (or is about to): everything kept of it is dropped. */
  private changed(): void {
    this.generation++;
    this.organizations.drop();
    this.links.drop();
    this.peopleByIdentity.clear();
  }

  /** Runs a change with the caches dropped before (reads meanwhile load afresh) and after it. */
  private async changing<T>(change: () => Promise<T>): Promise<T> {
    this.changed();
    try {
      return await change();
    } finally {
      this.changed();
    }
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    const k = asKey(id);
    return k === undefined ? undefined : (await this.organizations.get()).byId.get(k);
  }

  async listOrganizations(filter?: { kind?: OrganizationKind }): Promise<Organization[]> {
    const kind = asKey(filter?.kind);
    // A kind that is not a string is no kind at all, not "every kind".
    if (filter?.kind !== undefined && kind === undefined) return [];
    const { all } = await this.organizations.get();
    return kind === undefined ? [...all] : all.filter((o) => o.kind === kind);
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.c.people.findOneAsync({ _id: k });
    return doc ? personFromDocument(doc) : undefined;
  }

  async findPersonByIdentity(identity: PlatformIdentity): Promise<Person | undefined> {
    const key = identityKey(identity);
    const known = this.peopleByIdentity.get(key);
    if (known) return known;
    const generation = this.generation;
    const doc = await this.c.people.findOneAsync({ identityKeys: key });
    if (!doc) return undefined;
    const person = deepFreeze(personFromDocument(doc));
    if (generation === this.generation) this.peopleByIdentity.set(key, person);
    return person;
  }

  async listPeople(orgId: string): Promise<Person[]> {
    const k = asKey(orgId);
    if (k === undefined) return [];
    return (await this.c.people.findAsync({ orgId: k }).sort(BY_ID)).map(personFromDocument);
  }

  async findOrganizationByTenant(tenantId: string): Promise<Organization | undefined> {
    const k = asKey(tenantId);
    return k === undefined ? undefined : (await this.organizations.get()).byTenant.get(k.toLowerCase());
  }

  async findOrganizationBySlackWorkspace(workspace: { teamId: string; enterpriseId?: string }): Promise<Organization | undefined> {
    const { bySlack } = await this.organizations.get();
    const team = asKey(workspace.teamId);
    const enterprise = asKey(workspace.enterpriseId);
    return (team !== undefined ? bySlack.get(team) : undefined) ?? (enterprise !== undefined ? bySlack.get(enterprise) : undefined);
  }

  async bindSlackWorkspace(orgId: string, teamId: string): Promise<void> {
    const id = asKey(orgId);
    const team = asKey(teamId);
    if (id === undefined || team === undefined) return;
    const owner = await this.findOrganizationBySlackWorkspace({ teamId: team });
    if (owner && owner.id !== id && owner.slackTeamIds.includes(team)) throw new WorkspaceTakenError(team, id, owner.id);
    if (owner?.id === id) return;
    await this.changing(() => this.c.organizations.updateAsync({ _id: id }, { $addToSet: { slackTeamIds: team } }, {}));
  }

  async addPerson(person: Person): Promise<'added' | 'exists'> {
    if (await this.c.people.findOneAsync({ _id: person.id })) return 'exists';
    return this.changing(async () => {
      try {
        await this.c.people.insertAsync(personToDocument(person) as NedbDoc);
        return 'added';
      } catch (err) {
        if (uniqueViolation(err)) return 'exists';
        throw err;
      }
    });
  }

  async setPersonRoles(personId: string, roles: Role[]): Promise<boolean> {
    const id = asKey(personId);
    if (id === undefined) return false;
    const n = await this.changing(() => this.c.people.updateAsync({ _id: id }, { $set: { roles: [...new Set(roles)] } }, {}));
    return n.numAffected > 0;
  }

  async listLinks(filter: { resellerId?: string; providerId?: string }): Promise<ProviderResellerLink[]> {
    const query = pick(filter, ['resellerId', 'providerId']);
    if (!query) return [];
    const links = await this.links.get();
    const { resellerId, providerId } = query;
    if (resellerId !== undefined) return (links.byReseller.get(resellerId) ?? []).filter((l) => providerId === undefined || l.providerId === providerId);
    if (providerId !== undefined) return [...(links.byProvider.get(providerId) ?? [])];
    return [...links.all]; // no filter: every link, as the query would
  }


  async listRelationships(filter: { customerId?: string; partnerId?: string }): Promise<PartnerCustomerRelationship[]> {
    const query = pick(filter, ['customerId', 'partnerId']);
    if (!query) return [];
    return (await this.c.relationships.findAsync(query).sort(BY_ID)).map(relationshipFromDocument);
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.c.subscriptions.findOneAsync({ _id: k });
    return doc ? subscriptionFromDocument(doc) : undefined;
  }

  async listSubscriptions(customerId: string): Promise<Subscription[]> {
    const k = asKey(customerId);
    if (k === undefined) return [];
    return (await this.c.subscriptions.findAsync({ customerId: k }).sort(BY_ID)).map(subscriptionFromDocument);
  }

  async addLink(link: ProviderResellerLink): Promise<void> {
    await this.changing(() => insertIfAbsent(this.c.links, linkToDocument(link)));
  }

  async addRelationship(rel: PartnerCustomerRelationship): Promise<void> {
    await insertIfAbsent(this.c.relationships, relationshipToDocument(rel));
  }

  async addSubscriptionSupporter(subscriptionId: string, partnerId: string): Promise<void> {
    const id = asKey(subscriptionId);
    const partner = asKey(partnerId);
    if (id === undefined || partner === undefined) return;
    await this.c.subscriptions.updateAsync({ _id: id }, { $addToSet: { supportedBy: partner } }, {});
  }

  async importDirectory(data: DirectoryData): Promise<ImportCounts> {
    // Organizations and people are replaced whole (the file is their source of truth); the rest is
    // upserted by key. Without transactions an interrupted import is partial, and running it again
    // completes it: every step is idempotent.
    await this.changing(async () => {
      for (const o of data.organizations) await replace(this.c.organizations, organizationToDocument(o));
      for (const p of data.people) await this.putPerson(p);
      for (const l of data.links) await upsertSet(this.c.links, linkToDocument(l));
    });
    for (const r of data.relationships) await upsertSet(this.c.relationships, relationshipToDocument(r));
    for (const s of data.subscriptions) await this.c.subscriptions.updateAsync({ _id: s.id }, subscriptionImportUpdate(s), { upsert: true });
    return {
      organizations: data.organizations.length,
      people: data.people.length,
      links: data.links.length,
      relationships: data.relationships.length,
      subscriptions: data.subscriptions.length,
    };
  }

  async isEmpty(): Promise<boolean> {
    return (await this.c.organizations.countAsync({})) === 0;
  }

  async findCandidates(query: CandidateQuery): Promise<Organization[]> {
    const q = candidateFilter(query);
    if (!q) return [];
    // Through nedb's `country` (or `kind`) index, not the organizations kept in memory.
    const docs = await this.c.organizations.findAsync(q.filter).sort(CANDIDATE_ORDER).limit(q.limit);
    return docs.map(organizationFromDocument);
  }

  async listLinksOfResellers(resellerIds: readonly string[]): Promise<ProviderResellerLink[]> {
    const ids = [...new Set(asKeys(resellerIds))];
    if (ids.length === 0) return [];
    return (await this.c.links.findAsync({ resellerId: { $in: ids } }).sort(BY_ID)).map(linkFromDocument);
  }

  async getOrganizations(ids: readonly string[]): Promise<Organization[]> {
    const keys = [...new Set(asKeys(ids))];
    if (keys.length === 0) return [];
    return (await this.c.organizations.findAsync({ _id: { $in: keys } }).sort(BY_ID)).map(organizationFromDocument);
  }

  private async putPerson(p: Person): Promise<void> {
    try {
      await replace(this.c.people, personToDocument(p));
    } catch (err) {
      const clash = uniqueViolation(err);
      if (!clash) throw err;
      const key = String(clash.key);
      const owner = await this.c.people.findOneAsync({ identityKeys: key });
      throw new IdentityTakenError(key, p.id, owner?._id);
    }
  }
}

/** A value loaded on first use and kept until dropped; a failed load is not kept, so the next use retries. */
class Kept<T> {
  private value: Promise<T> | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.value) {
      const loading = this.load();
      this.value = loading;
      loading.catch(() => {
        if (this.value === loading) this.value = undefined;
      });
    }
    return this.value;
  }

  drop(): void {
    this.value = undefined;
  }
}

/** Links by each end, each list in _id order (as the query sorted them). */
interface Links {
  all: readonly ProviderResellerLink[];
  byReseller: ReadonlyMap<string, readonly ProviderResellerLink[]>;
  byProvider: ReadonlyMap<string, readonly ProviderResellerLink[]>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface Organizations {
  all: readonly Organization[];
  byId: ReadonlyMap<string, Organization>;
  /** By lower-case tenant ID. */
  byTenant: ReadonlyMap<string, Organization>;
  /** By Slack workspace or Enterprise Grid ID. */
  bySlack: ReadonlyMap<string, Organization>;
}

/** Shared cached objects must not be changed by whoever receives them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A filter from the given string fields only; undefined when a given field is not a string. */
function pick<K extends string>(filter: Partial<Record<K, unknown>>, keys: K[]): Record<string, string> | undefined {
  const query: Record<string, string> = {};
  for (const key of keys) {
    if (filter[key] === undefined) continue;
    const v = asKey(filter[key]);
    if (v === undefined) return undefined;
    query[key] = v;
  }
  return query;
}

function replace(ds: DirectoryCollections['organizations'], doc: Record<string, unknown>) {
  // nedb takes a replacement's _id from the document, not from the query, so it is in both.
  return ds.updateAsync({ _id: doc._id }, doc, { upsert: true });
}

function upsertSet(ds: DirectoryCollections['links'], doc: Record<string, unknown>) {
  const { _id, update } = keyedImportUpdate(doc);
  return ds.updateAsync({ _id }, update, { upsert: true });
}

async function insertIfAbsent(ds: DirectoryCollections['links'], doc: Record<string, unknown>): Promise<void> {
  try {
    await ds.insertAsync(doc as NedbDoc);
  } catch (err) {
    // Already there (keyed by its natural key): adding it again is a no-op, and `since` is kept.
    if (!uniqueViolation(err)) throw err;
  }
}
