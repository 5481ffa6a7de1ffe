import type {
  CandidateQuery,
  DirectoryData,
  DirectoryPort,
  ImportCounts,
  ImportOptions,
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
  importCounts,
  ImportProgressCounter,
  inBatches,
  keyedImportUpdate,
  linkKey,
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
import { replace, replacing, upserting, writeBatch } from './nedb-import-batch';

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
    return { all, byId: new Map(all.map((o) => [o.id, o])), byTenant, bySlack: slackIndex(all) };
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
    this.peopleChanged();
    this.organizations.drop();
    this.links.drop();
  }

  /** Only people changed: the organizations and links kept stay (issue 19: reloading 100,000 organizations held a turn for seconds). */
  private peopleChanged(): void {
    this.generation++;
    this.peopleByIdentity.clear();
  }

  /** Runs a change with the caches dropped before (reads meanwhile load afresh) and after it. */
  private async changing<T>(change: () => Promise<T>, drop: () => void = () => this.changed()): Promise<T> {
    drop();
    try {
      return await change();
    } finally {
      drop();
    }
  }

  /**
   * Issue 19: one organization changed. Instead of dropping every organization kept (the next turn would
   * read them all again), the kept ones, once loaded, take that one record afresh from nedb, in place (no
   * copy of 100,000 entries; readers only ever get records or copies of the list). Chained on the kept
   * value, so a load that began before the change gets it too; reading it again is harmless.
   */
  private organizationChanged(id: string): void {
    this.organizations.patch(async (orgs) => {
      const doc = await this.c.organizations.findOneAsync({ _id: id });
      const old = orgs.byId.get(id);
      if (!doc) return old ? undefined : orgs; // gone: only a full reload says what else changed
      const org = deepFreeze(organizationFromDocument(doc));
      const at = sortedIndex(orgs.all, id, (o) => o.id);
      if (old) orgs.all[at] = org;
      else orgs.all.splice(at, 0, org);
      orgs.byId.set(id, org);
      if (old) orgs.byTenant.delete(old.tenantId.toLowerCase());
      orgs.byTenant.set(org.tenantId.toLowerCase(), org);
      for (const w of old ? [...old.slackTeamIds, ...old.slackEnterpriseIds] : []) if (orgs.bySlack.get(w)?.id === id) orgs.bySlack.delete(w);
      for (const w of [...org.slackTeamIds, ...org.slackEnterpriseIds]) {
        const owner = orgs.bySlack.get(w);
        // The first organization in ID order keeps a shared ID, as slackIndex decides at load.
        if (!owner || owner.id > id) orgs.bySlack.set(w, org);
      }
      return orgs;
    });
  }

  /** Issue 19: as organizationChanged, for one link: the kept links take it without reading every link again. */
  private linkChanged(link: ProviderResellerLink): void {
    this.links.patch(async (links) => {
      const key = linkKey(link);
      const doc = await this.c.links.findOneAsync({ _id: key });
      if (!doc) return undefined;
      const fresh = deepFreeze(linkFromDocument(doc));
      const put = (list: ProviderResellerLink[]) => {
        const at = sortedIndex(list, key, linkKey);
        if (list[at] && linkKey(list[at]!) === key) list[at] = fresh;
        else list.splice(at, 0, fresh);
        return list;
      };
      put(links.all);
      links.byReseller.set(fresh.resellerId, put(links.byReseller.get(fresh.resellerId) ?? []));
      links.byProvider.set(fresh.providerId, put(links.byProvider.get(fresh.providerId) ?? []));
      return links;
    });
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
    await this.c.organizations.updateAsync({ _id: id }, { $addToSet: { slackTeamIds: team } }, {});
    this.organizationChanged(id);
  }

  async addPerson(person: Person): Promise<'added' | 'exists'> {
    if (await this.c.people.findOneAsync({ _id: person.id })) return 'exists';
    return this.changing(
      async () => {
        try {
          await this.c.people.insertAsync(personToDocument(person) as NedbDoc);
          return 'added';
        } catch (err) {
          if (uniqueViolation(err)) return 'exists';
          throw err;
        }
      },
      () => this.peopleChanged(),
    );
  }

  async setPersonRoles(personId: string, roles: Role[]): Promise<boolean> {
    const id = asKey(personId);
    if (id === undefined) return false;
    const n = await this.changing(
      () => this.c.people.updateAsync({ _id: id }, { $set: { roles: [...new Set(roles)] } }, {}),
      () => this.peopleChanged(),
    );
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
    await insertIfAbsent(this.c.links, linkToDocument(link));
    this.linkChanged(link);
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

  async importDirectory(data: DirectoryData, options?: ImportOptions): Promise<ImportCounts> {
    // Organizations and people are replaced whole (the file is their source of truth); the rest is
    // upserted by key. Without transactions an interrupted import is partial, and running it again
    // completes it: every step is idempotent. Issue 19: in batches; the new records of a batch are one
    // nedb insert (one append), a record the import would not change is not written again, and only a
    // changed one is written by itself, in the file's order.
    const progress = new ImportProgressCounter(data, options);
    await this.changing(async () => {
      for (const batch of inBatches(data.organizations)) {
        await writeBatch(this.c.organizations, batch.map((o) => replacing(this.c.organizations, organizationDocument(o))));
        progress.wrote('organizations', batch.length);
      }
      for (const batch of inBatches(data.people)) {
        await writeBatch(this.c.people, batch.map((p) => ({ ...replacing(this.c.people, personToDocument(p) as NedbDoc), write: () => this.putPerson(p) })));
        progress.wrote('people', batch.length);
      }
      for (const batch of inBatches(data.links)) {
        await writeBatch(this.c.links, batch.map((l) => upserting(this.c.links, keyedImportUpdate(linkToDocument(l)))));
        progress.wrote('links', batch.length);
      }
    });
    for (const batch of inBatches(data.relationships)) {
      await writeBatch(this.c.relationships, batch.map((r) => upserting(this.c.relationships, keyedImportUpdate(relationshipToDocument(r)))));
      progress.wrote('relationships', batch.length);
    }
    for (const batch of inBatches(data.subscriptions)) {
      await writeBatch(this.c.subscriptions, batch.map((sub) => upserting(this.c.subscriptions, { _id: sub.id, update: subscriptionImportUpdate(sub) })));
      progress.wrote('subscriptions', batch.length);
    }
    return importCounts(data);
  }

  /**
   * Issue 19: organizations stored before the candidate keys existed get them (once, at open): without
   * them findCandidates would not find them.
   */
  async addCandidateKeys(): Promise<void> {
    const missing = await this.c.organizations.findAsync({ kind: { $ne: 'customer' }, candidateKind: { $exists: false } });
    if (missing.length === 0) return;
    await this.changing(async () => {
      for (const doc of missing) await replace(this.c.organizations, organizationDocument(organizationFromDocument(doc)));
    });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.c.organizations.countAsync({})) === 0;
  }

  async findCandidates(query: CandidateQuery): Promise<Organization[]> {
    const q = candidateFilter(query);
    if (!q) return [];
    // Through nedb's index of the candidate keys (kind and country), not the organizations kept in memory.
    const docs = await this.c.organizations.findAsync({ ...q.filter, ...candidateKeyFilter(query) }).sort(CANDIDATE_ORDER).limit(q.limit);
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

  async listPeopleOfOrganizations(orgIds: readonly string[]): Promise<Person[]> {
    const keys = [...new Set(asKeys(orgIds))];
    if (keys.length === 0) return [];
    return (await this.c.people.findAsync({ orgId: { $in: keys } }).sort(BY_ID)).map(personFromDocument);
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

  /**
   * Once loaded, the value becomes what `change` makes of it (undefined: load afresh next time). Nothing
   * is loaded for it: a value not yet asked for will be read with the change in it.
   */
  patch(change: (value: T) => Promise<T | undefined>): void {
    const current = this.value;
    if (!current) return;
    const patched = current.then(async (v) => {
      const next = await change(v);
      if (next === undefined) throw new Error('reload');
      return next;
    });
    this.value = patched;
    patched.catch(() => {
      if (this.value === patched) this.value = undefined;
    });
  }
}

/** Where `key` is, or would go, in a list sorted by key (as nedb sorts strings: code unit order). */
function sortedIndex<T>(list: readonly T[], key: string, keyOf: (item: T) => string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(list[mid]!) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Organizations by Slack workspace or Enterprise Grid ID (the first in ID order keeps a shared one). */
function slackIndex(all: readonly Organization[]): Map<string, Organization> {
  const bySlack = new Map<string, Organization>();
  for (const o of all) for (const w of [...o.slackTeamIds, ...o.slackEnterpriseIds]) if (!bySlack.has(w)) bySlack.set(w, o);
  return bySlack;
}

/** Links by each end, each list in _id order (as the query sorted them). */
interface Links {
  all: ProviderResellerLink[];
  byReseller: Map<string, ProviderResellerLink[]>;
  byProvider: Map<string, ProviderResellerLink[]>;
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

/** Kept in memory; changed in place only by organizationChanged (callers get records or copies). */
interface Organizations {
  all: Organization[];
  byId: Map<string, Organization>;
  /** By lower-case tenant ID. */
  byTenant: Map<string, Organization>;
  /** By Slack workspace or Enterprise Grid ID. */
  bySlack: Map<string, Organization>;
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

async function insertIfAbsent(ds: DirectoryCollections['links'], doc: Record<string, unknown>): Promise<void> {
  try {
    await ds.insertAsync(doc as NedbDoc);
  } catch (err) {
    // Already there (keyed by its natural key): adding it again is a no-op, and `since` is kept.
    if (!uniqueViolation(err)) throw err;
  }
}

/**
 * Issue 19: what nedb indexes an organization under for findCandidates (see INDEXES): its kind, and its
 * kind with its country. Customers are never candidates and get neither, so that 80,000 of them do not
 * share one indexed value. Extra fields in the stored document only: organizationFromDocument drops them.
 */
function candidateKeys(kind: string, country: string): { candidateKind?: string; candidateKey?: string } {
  return kind === 'customer' ? {} : { candidateKind: kind, candidateKey: `${kind}:${country}` };
}

function organizationDocument(o: Organization): NedbDoc {
  return { ...(organizationToDocument(o) as NedbDoc), ...candidateKeys(o.kind, o.country) };
}

/** The indexed part of a candidate query; nothing (every organization is read) when a customer is asked for. */
function candidateKeyFilter(query: CandidateQuery): Record<string, unknown> {
  const kinds = asKeys(query.kinds);
  if (kinds.includes('customer')) return {};
  const countries = query.countries === undefined ? undefined : [...new Set(asKeys(query.countries))];
  if (countries === undefined) return { candidateKind: { $in: kinds } };
  return { candidateKey: { $in: kinds.flatMap((k) => countries.map((c) => candidateKeys(k, c).candidateKey)) } };
}
