import { trusted } from 'mongoose';
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
  importCounts,
  ImportProgressCounter,
  inBatches,
  keyedImportUpdate,
  linkFromDocument,
  linkToDocument,
  namesDiffer,
  organizationFromDocument,
  organizationToDocument,
  personFromDocument,
  relationshipFromDocument,
  relationshipToDocument,
  subscriptionFromDocument,
  subscriptionImportUpdate,
  subscriptionToDocument,
  WorkspaceTakenError,
} from '../store-common';
import type { DirectoryModels } from './models/directory.models';
import type { StoredDoc } from './models';
import { bulkUpserts, insertAllNew, insertNew } from './import-writes';
import { isDuplicateKey } from './mongo-errors';
import { MongoPeopleWriter } from './mongo-people.writer';
import type { MongoNamesGeneration } from './mongo-organization-index';
import type { WriteLocks } from './write-locks';

const BY_ID = { _id: 1 } as const;

/** The directory in MongoDB: one collection per kind of record, keyed by ID or natural key. */
export class MongoDirectory implements DirectoryPort {
  private readonly people: MongoPeopleWriter;

  constructor(
    private readonly m: DirectoryModels,
    private readonly locks: WriteLocks,
    /** Raised after a write that adds an organization or changes one's names (the saved name index's generation). */
    private readonly names: MongoNamesGeneration,
  ) {
    this.people = new MongoPeopleWriter(m);
  }

  async getOrganization(id: string): Promise<Organization | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.m.organizations.findById(k).lean<StoredDoc>();
    return doc ? organizationFromDocument(stripKeys(doc)) : undefined;
  }

  async listOrganizations(filter?: { kind?: OrganizationKind }): Promise<Organization[]> {
    const kind = asKey(filter?.kind);
    // A kind that is not a string is no kind at all, not "every kind".
    if (filter?.kind !== undefined && kind === undefined) return [];
    const docs = await this.m.organizations.find(kind === undefined ? {} : { kind }).sort(BY_ID).lean<StoredDoc[]>();
    return docs.map((d) => organizationFromDocument(stripKeys(d)));
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.m.people.findById(k).lean<StoredDoc>();
    return doc ? personFromDocument(doc) : undefined;
  }

  async findPersonByIdentity(identity: PlatformIdentity): Promise<Person | undefined> {
    const owner = await this.m.identities.findById(identityKey(identity)).lean<StoredDoc>();
    return typeof owner?.personId === 'string' ? this.getPerson(owner.personId) : undefined;
  }

  async listPeople(orgId: string): Promise<Person[]> {
    const k = asKey(orgId);
    if (k === undefined) return [];
    return (await this.m.people.find({ orgId: k }).sort(BY_ID).lean<StoredDoc[]>()).map(personFromDocument);
  }

  async findPartnerByPartnerId(partnerId: string): Promise<Organization | undefined> {
    const k = asKey(partnerId);
    if (k === undefined) return undefined;
    const doc = await this.m.organizations.findOne({ partnerId: k, kind: trusted({ $ne: 'customer' }) }).sort(BY_ID).lean<StoredDoc>();
    return doc ? organizationFromDocument(stripKeys(doc)) : undefined;
  }

  async findOrganizationByTenant(tenantId: string): Promise<Organization | undefined> {
    const k = asKey(tenantId);
    if (k === undefined) return undefined;
    // Stored as the file wrote it; the lower-case copy is what is indexed and compared.
    const doc = await this.m.organizations.findOne({ tenantKey: k.toLowerCase() }).sort(BY_ID).lean<StoredDoc>();
    return doc ? organizationFromDocument(stripKeys(doc)) : undefined;
  }

  async findOrganizationBySlackWorkspace(workspace: { teamId: string; enterpriseId?: string }): Promise<Organization | undefined> {
    const team = asKey(workspace.teamId);
    const enterprise = asKey(workspace.enterpriseId);
    if (team !== undefined) {
      const doc = await this.m.organizations.findOne({ slackTeamIds: team }).sort(BY_ID).lean<StoredDoc>();
      if (doc) return organizationFromDocument(stripKeys(doc));
    }
    if (enterprise === undefined) return undefined;
    const doc = await this.m.organizations.findOne({ slackEnterpriseIds: enterprise }).sort(BY_ID).lean<StoredDoc>();
    return doc ? organizationFromDocument(stripKeys(doc)) : undefined;
  }

  async bindSlackWorkspace(orgId: string, teamId: string): Promise<void> {
    const id = asKey(orgId);
    const team = asKey(teamId);
    if (id === undefined || team === undefined) return;
    await this.locks.with(`slack-workspace:${team}`, async () => {
      const owner = await this.m.organizations.findOne({ slackTeamIds: team }, { _id: 1 }).lean<StoredDoc>();
      if (owner && owner._id !== id) throw new WorkspaceTakenError(team, id, String(owner._id));
      if (!owner) await this.m.organizations.updateOne({ _id: id }, { $addToSet: { slackTeamIds: team } });
    });
  }

  addPerson(person: Person): Promise<'added' | 'exists'> {
    return this.people.add(person);
  }

  async setPersonRoles(personId: string, roles: Role[]): Promise<boolean> {
    const id = asKey(personId);
    if (id === undefined) return false;
    const r = await this.m.people.updateOne({ _id: id }, { $set: { roles: [...new Set(roles)] } });
    return r.matchedCount > 0;
  }

  async listLinks(filter: { resellerId?: string; providerId?: string }): Promise<ProviderResellerLink[]> {
    const query = pick(filter, ['resellerId', 'providerId']);
    if (!query) return [];
    return (await this.m.links.find(query).sort(BY_ID).lean<StoredDoc[]>()).map(linkFromDocument);
  }

  async listRelationships(filter: { customerId?: string; partnerId?: string }): Promise<PartnerCustomerRelationship[]> {
    const query = pick(filter, ['customerId', 'partnerId']);
    if (!query) return [];
    return (await this.m.relationships.find(query).sort(BY_ID).lean<StoredDoc[]>()).map(relationshipFromDocument);
  }

  async getSubscription(id: string): Promise<Subscription | undefined> {
    const k = asKey(id);
    const doc = k === undefined ? null : await this.m.subscriptions.findById(k).lean<StoredDoc>();
    return doc ? subscriptionFromDocument(doc) : undefined;
  }

  async listSubscriptions(customerId: string): Promise<Subscription[]> {
    const k = asKey(customerId);
    if (k === undefined) return [];
    return (await this.m.subscriptions.find({ customerId: k }).sort(BY_ID).lean<StoredDoc[]>()).map(subscriptionFromDocument);
  }

  async addLink(link: ProviderResellerLink): Promise<void> {
    await insertIfAbsent(() => this.m.links.create(linkToDocument(link)));
  }

  async addRelationship(rel: PartnerCustomerRelationship): Promise<void> {
    await insertIfAbsent(() => this.m.relationships.create(relationshipToDocument(rel)));
  }

  async addSubscriptionSupporter(subscriptionId: string, partnerId: string): Promise<void> {
    const id = asKey(subscriptionId);
    const partner = asKey(partnerId);
    if (id === undefined || partner === undefined) return;
    // Locked: on FerretDB two unlocked $addToSet could each write back the list without the other.
    await this.locks.with(`subscription:${id}`, () => this.m.subscriptions.updateOne({ _id: id }, { $addToSet: { supportedBy: partner } }));
  }

  async importDirectory(data: DirectoryData, options?: ImportOptions): Promise<ImportCounts> {
    // No transactions: an interrupted import is partial, and running it again completes it, since
    // every step is an idempotent upsert by key. Issue 19: a bulk write per batch and kind, not a round
    // trip (or three) per record. A batch is first inserted as it is (on FerretDB an insert of many
    // is one SQLite transaction per hundred records, an upsert is a lookup and a transaction per
    // record: seeding was 50 times slower); only when one of its records is already stored is the
    // batch written again as upserts, which then make the stored ones what the file says.
    const progress = new ImportProgressCounter(data, options);
    for (const batch of inBatches(data.organizations)) {
      const docs = batch.map((o) => ({ ...organizationToDocument(o), tenantKey: o.tenantId.toLowerCase() }));
      // Whether this batch adds an organization or changes names: assumed until known (a write that fails
      // halfway may have written some), and the names generation is raised after the write, never before.
      let renamed = true;
      try {
        const { allNew, inserted } = await insertNew(this.m.organizations, docs);
        if (!allNew) {
          // Some were stored: new organizations among them, or else their stored names read before they are replaced.
          renamed = inserted !== 0 || (await this.namesChange(batch));
          await bulkUpserts(this.m.organizations, docs.map((d, i) => ({ replaceOne: { filter: { _id: batch[i]!.id }, replacement: d, upsert: true } })));
        }
      } finally {
        if (renamed) await this.names.raise();
      }
      progress.wrote('organizations', batch.length);
    }
    for (const batch of inBatches(data.people)) {
      await this.people.putAll(batch);
      progress.wrote('people', batch.length);
    }
    for (const batch of inBatches(data.links)) {
      const docs = batch.map(linkToDocument);
      if (!(await insertAllNew(this.m.links, docs))) await bulkUpserts(this.m.links, docs.map(keyedUpsert));
      progress.wrote('links', batch.length);
    }
    for (const batch of inBatches(data.relationships)) {
      const docs = batch.map(relationshipToDocument);
      if (!(await insertAllNew(this.m.relationships, docs))) await bulkUpserts(this.m.relationships, docs.map(keyedUpsert));
      progress.wrote('relationships', batch.length);
    }
    for (const batch of inBatches(data.subscriptions)) {
      // New subscriptions need no lock: nobody can be adding a supporter to one that is not there yet.
      if (!(await insertAllNew(this.m.subscriptions, batch.map(subscriptionToDocument)))) {
        // Locked as addSubscriptionSupporter locks (FerretDB's $addToSet is a read-modify-write), a few
        // hundred at a time, so that each locked write is over well within the locks' lease.
        for (const part of inBatches(batch, LOCKED_PART)) {
          await this.locks.withAll(
            part.map((s) => `subscription:${s.id}`),
            () => bulkUpserts(this.m.subscriptions, part.map((s) => ({ updateOne: { filter: { _id: s.id }, update: subscriptionImportUpdate(s), upsert: true } }))),
          );
        }
      }
      progress.wrote('subscriptions', batch.length);
    }
    return importCounts(data);
  }

  /** Whether writing these over the stored ones changes the names of one (read before the write). */
  private async namesChange(batch: readonly Organization[]): Promise<boolean> {
    // One lookup by _id each, a few dozen at a time: FerretDB answers those from SQLite's index, and an
    // `$in` by reading the whole collection (2.5 s for one ID at M).
    for (const part of inBatches(batch, NAME_LOOKUPS)) {
      const stored = await Promise.all(part.map((o) => this.m.organizations.findById(o.id, { name: 1, nameJa: 1 }).lean<StoredDoc>()));
      if (part.some((o, i) => namesDiffer(stored[i] ?? undefined, o))) return true;
    }
    return false;
  }

  async isEmpty(): Promise<boolean> {
    return (await this.m.organizations.findOne({}, { _id: 1 }).lean<StoredDoc>()) === null;
  }

  async findCandidates(query: CandidateQuery): Promise<Organization[]> {
    const q = candidateFilter(query);
    if (!q) return [];
    // `null` matches a missing field in MongoDB (mongoose will not cast `$exists` on a Date path).
    const filter: Record<string, unknown> = { ...q.filter, inactiveSince: null };
    // Issue 19: the next page starts after the last candidate of the one before, in the same order.
    if (q.after) filter.$and = [{ $or: [{ name: trusted({ $gt: q.after.name }) }, { name: q.after.name, _id: trusted({ $gt: q.after.id }) }] }];
    const docs = await this.m.organizations.find(trustedOperators(filter)).sort(CANDIDATE_ORDER).limit(q.limit).lean<StoredDoc[]>();
    return docs.map((d) => organizationFromDocument(stripKeys(d)));
  }

  async listLinksOfResellers(resellerIds: readonly string[]): Promise<ProviderResellerLink[]> {
    const ids = [...new Set(asKeys(resellerIds))];
    if (ids.length === 0) return [];
    return (await this.m.links.find({ resellerId: trusted({ $in: ids }) }).sort(BY_ID).lean<StoredDoc[]>()).map(linkFromDocument);
  }

  async getOrganizations(ids: readonly string[]): Promise<Organization[]> {
    const keys = [...new Set(asKeys(ids))];
    if (keys.length === 0) return [];
    const docs = await this.m.organizations.find({ _id: trusted({ $in: keys }) }).sort(BY_ID).lean<StoredDoc[]>();
    return docs.map((d) => organizationFromDocument(stripKeys(d)));
  }

  async listPeopleOfOrganizations(orgIds: readonly string[]): Promise<Person[]> {
    const keys = [...new Set(asKeys(orgIds))];
    if (keys.length === 0) return [];
    return (await this.m.people.find({ orgId: trusted({ $in: keys }) }).sort(BY_ID).lean<StoredDoc[]>()).map(personFromDocument);
  }
}

/** An organization document without the store's own lookup fields. */
/**
 * The store sanitizes filters (an operator in a value is refused); the operators of a filter built here
 * from checked strings (`candidateFilter`) are marked as meant.
 */
function trustedOperators(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v && typeof v === 'object' && !(v instanceof RegExp) && !Array.isArray(v) ? trusted(v) : v]));
}

function stripKeys(doc: StoredDoc): StoredDoc {
  const { tenantKey: _t, ...rest } = doc;
  return rest;
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

function keyedUpsert(doc: Record<string, unknown>) {
  const { _id, update } = keyedImportUpdate(doc);
  return { updateOne: { filter: { _id }, update, upsert: true } };
}

/** How many stored organizations' names are looked up at once before a re-import replaces them. */
const NAME_LOOKUPS = 50;

/** How many subscriptions of a batch are locked and written at once when the batch is not all new. */
const LOCKED_PART = 200;

async function insertIfAbsent(insert: () => Promise<unknown>): Promise<void> {
  try {
    await insert();
  } catch (err) {
    // Already there (keyed by its natural key): adding it again is a no-op, and `since` is kept.
    if (!isDuplicateKey(err)) throw err;
  }
}
