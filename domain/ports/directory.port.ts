import type { Organization, OrganizationKind } from '../organization';
import type { Person, PlatformIdentity, Role } from '../person';
import type { PartnerCustomerRelationship, ProviderResellerLink, Subscription } from '../relationship';
import type { DirectoryData } from '../directory-file';
import type { Cloud } from '../geography';
import type { Workload } from '../workload';

/** Read and write access to who is who and who already works with whom. */
export interface DirectoryPort {
  getOrganization(id: string): Promise<Organization | undefined>;
  listOrganizations(filter?: { kind?: OrganizationKind }): Promise<Organization[]>;
  getPerson(id: string): Promise<Person | undefined>;
  /** The person behind a Teams or Slack identity, if the directory knows them. */
  findPersonByIdentity(identity: PlatformIdentity): Promise<Person | undefined>;
  listPeople(orgId: string): Promise<Person[]>;
  /** Issue 19: the partner (not a customer) with this PartnerID, first in ID order, by index (a turn naming a PartnerID read the whole directory). */
  findPartnerByPartnerId(partnerId: string): Promise<Organization | undefined>;
  /** The organization whose Entra tenant this is (compared without regard to case). */
  findOrganizationByTenant(tenantId: string): Promise<Organization | undefined>;
  /**
   * The organization a Slack workspace belongs to: the one naming the workspace in `slackTeamIds`, else
   * the one naming its Enterprise Grid organization in `slackEnterpriseIds`.
   */
  findOrganizationBySlackWorkspace(workspace: { teamId: string; enterpriseId?: string }): Promise<Organization | undefined>;
  /**
   * Records that a Slack workspace belongs to an organization (an admin of it installed the app). A
   * no-op when it already does; WorkspaceTakenError when another organization has it.
   */
  bindSlackWorkspace(orgId: string, teamId: string): Promise<void>;
  /**
   * Adds one person who is not in the directory yet (someone who wrote from their organization's
   * tenant or workspace). 'exists' when a person with that ID or one of its identities is already
   * there (another instance added them first): nothing is changed then.
   */
  addPerson(person: Person): Promise<'added' | 'exists'>;
  /** Replaces one person's roles (approver management); false when there is no such person. */
  setPersonRoles(personId: string, roles: Role[]): Promise<boolean>;
  listLinks(filter: { resellerId?: string; providerId?: string }): Promise<ProviderResellerLink[]>;
  listRelationships(filter: { customerId?: string; partnerId?: string }): Promise<PartnerCustomerRelationship[]>;
  getSubscription(id: string): Promise<Subscription | undefined>;
  listSubscriptions(customerId: string): Promise<Subscription[]>;

  /** Recorded when a link request is approved; adding an existing link is a no-op. */
  addLink(link: ProviderResellerLink): Promise<void>;
  addRelationship(rel: PartnerCustomerRelationship): Promise<void>;
  addSubscriptionSupporter(subscriptionId: string, partnerId: string): Promise<void>;

  /**
   * Upserts a whole, already validated directory (by ID; records not in it are left alone). Idempotent:
   * importing the same data twice changes nothing. Returns how many records of each kind were written.
   * Written in batches (issue 19); `onProgress` hears after each batch how far it got.
   */
  importDirectory(data: DirectoryData, options?: ImportOptions): Promise<ImportCounts>;
  /** Whether the store holds any organization yet (the embedded store seeds the sample on first start). */
  isEmpty(): Promise<boolean>;

  /**
   * Issue 19: organizations that could be offered as a choice, found through the store's indexes rather
   * than by reading the whole directory: active ones (no `inactiveSince`) of these kinds, in one of these
   * countries and this cloud, offering this workload (each filter only when given), and whose name or
   * Japanese name contains `nameContains` (ignoring case). Ordered by name, then ID; at most `limit`;
   * with `after`, only those ordered after that organization (the next page of a scan).
   */
  findCandidates(query: CandidateQuery): Promise<Organization[]>;
  /** Issue 19: the links of all these resellers, in one query (eligibility checks many candidates at once). */
  listLinksOfResellers(resellerIds: readonly string[]): Promise<ProviderResellerLink[]>;
  /** Issue 19: these organizations, in one query; unknown IDs are left out. Ordered by ID. */
  getOrganizations(ids: readonly string[]): Promise<Organization[]>;
  /**
   * Issue 19: the people of all these organizations, in one query (reachability checks every offered
   * organization at once); unknown IDs give nobody. Ordered by ID; group them by `orgId`.
   */
  listPeopleOfOrganizations(orgIds: readonly string[]): Promise<Person[]>;
}

/** What `findCandidates` looks for (see there). */
export interface CandidateQuery {
  kinds: readonly OrganizationKind[];
  countries?: readonly string[];
  cloud?: Cloud;
  workload?: Workload;
  nameContains?: string;
  limit: number;
  /** Issue 19: only candidates after this one in name-then-ID order (the last of the page before). */
  after?: { name: string; id: string };
}

/** How an import reports its progress: records written so far out of all records in the data. */
export interface ImportOptions {
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  /** What the batch just written held. */
  kind: keyof ImportCounts;
  done: number;
  total: number;
}

export interface ImportCounts {
  organizations: number;
  people: number;
  links: number;
  relationships: number;
  subscriptions: number;
}
