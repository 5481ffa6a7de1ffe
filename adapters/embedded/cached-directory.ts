import type { CandidateQuery, DirectoryData, DirectoryPort, ImportCounts, ImportOptions, Organization, OrganizationKind, PlatformIdentity, ProviderResellerLink, Person, Role } from '../../domain';
import { deepFreeze } from '../../domain/deep-freeze';

/** At most this many answers are kept, the least recently used going first. */
export const CACHED_ANSWERS_MAX = 5_000;
/** A list longer than this is not kept (a distributor's thousands of links), so memory stays bounded. */
const LONGEST_KEPT_LIST = 500;

type Read = 'getOrganization' | 'findPartnerByPartnerId' | 'getPerson' | 'findPersonByIdentity' | 'listPeople' | 'findOrganizationByTenant' | 'findOrganizationBySlackWorkspace' | 'listLinks' | 'listRelationships' | 'getSubscription' | 'listSubscriptions' | 'findCandidates' | 'listLinksOfResellers' | 'getOrganizations' | 'listPeopleOfOrganizations';

/**
 * Issue 19: the LevelDB directory reads each answer from disk, and a turn asks the same few questions
 * (who is writing, their organization, its links, the candidates) again and again: 8× slower than nedb's
 * all-in-memory records at S. This keeps the most recent answers, bounded in count and size, frozen (no
 * caller may change a kept answer), and forgets all of them on any change to the directory. Safe here and
 * only here: the embedded store serves one process (its folder is locked), so every change passes through
 * this object. A read that began before a change does not fill the cache (generation check).
 */
export class CachedDirectory implements DirectoryPort {
  private readonly answers = new Map<string, unknown>();
  private generation = 0;

  constructor(private readonly inner: DirectoryPort) {}

  private async read<T>(method: Read, args: unknown[], load: () => Promise<T>): Promise<T> {
    const key = JSON.stringify([method, ...args]);
    if (this.answers.has(key)) {
      const kept = this.answers.get(key) as T;
      this.answers.delete(key); // most recently used last
      this.answers.set(key, kept);
      return kept;
    }
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation && !(Array.isArray(value) && value.length > LONGEST_KEPT_LIST)) {
      this.answers.set(key, deepFreeze(value));
      if (this.answers.size > CACHED_ANSWERS_MAX) this.answers.delete(this.answers.keys().next().value!);
    }
    return value;
  }

  private async change<T>(write: () => Promise<T>): Promise<T> {
    this.generation++;
    this.answers.clear();
    try {
      return await write();
    } finally {
      this.generation++;
      this.answers.clear();
    }
  }

  /** How many answers are kept (tests). */
  get size(): number {
    return this.answers.size;
  }

  getOrganization(id: string): Promise<Organization | undefined> {
    return this.read('getOrganization', [id], () => this.inner.getOrganization(id));
  }
  listOrganizations(filter?: { kind?: OrganizationKind }): Promise<Organization[]> {
    return this.inner.listOrganizations(filter); // the whole directory: never kept
  }
  getPerson(id: string) {
    return this.read('getPerson', [id], () => this.inner.getPerson(id));
  }
  findPersonByIdentity(identity: PlatformIdentity) {
    return this.read('findPersonByIdentity', [identity], () => this.inner.findPersonByIdentity(identity));
  }
  listPeople(orgId: string) {
    return this.read('listPeople', [orgId], () => this.inner.listPeople(orgId));
  }
  findPartnerByPartnerId(partnerId: string) {
    return this.read('findPartnerByPartnerId', [partnerId], () => this.inner.findPartnerByPartnerId(partnerId));
  }
  findOrganizationByTenant(tenantId: string) {
    return this.read('findOrganizationByTenant', [tenantId.toLowerCase()], () => this.inner.findOrganizationByTenant(tenantId));
  }
  findOrganizationBySlackWorkspace(workspace: { teamId: string; enterpriseId?: string }) {
    return this.read('findOrganizationBySlackWorkspace', [workspace.teamId, workspace.enterpriseId ?? null], () => this.inner.findOrganizationBySlackWorkspace(workspace));
  }
  listLinks(filter: { resellerId?: string; providerId?: string }) {
    return this.read('listLinks', [filter.resellerId ?? null, filter.providerId ?? null], () => this.inner.listLinks(filter));
  }
  listRelationships(filter: { customerId?: string; partnerId?: string }) {
    return this.read('listRelationships', [filter.customerId ?? null, filter.partnerId ?? null], () => this.inner.listRelationships(filter));
  }
  getSubscription(id: string) {
    return this.read('getSubscription', [id], () => this.inner.getSubscription(id));
  }
  listSubscriptions(customerId: string) {
    return this.read('listSubscriptions', [customerId], () => this.inner.listSubscriptions(customerId));
  }
  findCandidates(query: CandidateQuery) {
    return this.read('findCandidates', [query], () => this.inner.findCandidates(query));
  }
  listLinksOfResellers(resellerIds: readonly string[]) {
    return this.read('listLinksOfResellers', [resellerIds], () => this.inner.listLinksOfResellers(resellerIds));
  }
  getOrganizations(ids: readonly string[]) {
    return this.read('getOrganizations', [ids], () => this.inner.getOrganizations(ids));
  }
  listPeopleOfOrganizations(orgIds: readonly string[]) {
    return this.read('listPeopleOfOrganizations', [orgIds], () => this.inner.listPeopleOfOrganizations(orgIds));
  }
  isEmpty(): Promise<boolean> {
    return this.inner.isEmpty();
  }

  bindSlackWorkspace(orgId: string, teamId: string): Promise<void> {
    return this.change(() => this.inner.bindSlackWorkspace(orgId, teamId));
  }
  addPerson(person: Person): Promise<'added' | 'exists'> {
    return this.change(() => this.inner.addPerson(person));
  }
  setPersonRoles(personId: string, roles: Role[]): Promise<boolean> {
    return this.change(() => this.inner.setPersonRoles(personId, roles));
  }
  addLink(link: ProviderResellerLink): Promise<void> {
    return this.change(() => this.inner.addLink(link));
  }
  addRelationship(rel: Parameters<DirectoryPort['addRelationship']>[0]): Promise<void> {
    return this.change(() => this.inner.addRelationship(rel));
  }
  addSubscriptionSupporter(subscriptionId: string, partnerId: string): Promise<void> {
    return this.change(() => this.inner.addSubscriptionSupporter(subscriptionId, partnerId));
  }
  importDirectory(data: DirectoryData, options?: ImportOptions): Promise<ImportCounts> {
    return this.change(() => this.inner.importDirectory(data, options));
  }
}
