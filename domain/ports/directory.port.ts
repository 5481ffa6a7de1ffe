import type { Organization, OrganizationKind } from '../organization';
import type { Person, PlatformIdentity, Role } from '../person';
import type { PartnerCustomerRelationship, ProviderResellerLink, Subscription } from '../relationship';
import type { DirectoryData } from '../directory-file';

/** Read and write access to who is who and who already works with whom. */
export interface DirectoryPort {
  getOrganization(id: string): Promise<Organization | undefined>;
  listOrganizations(filter?: { kind?: OrganizationKind }): Promise<Organization[]>;
  getPerson(id: string): Promise<Person | undefined>;
  /** The person behind a Teams or Slack identity, if the directory knows them. */
  findPersonByIdentity(identity: PlatformIdentity): Promise<Person | undefined>;
  listPeople(orgId: string): Promise<Person[]>;
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
   */
  importDirectory(data: DirectoryData): Promise<ImportCounts>;
  /** Whether the store holds any organization yet (the embedded store seeds the sample on first start). */
  isEmpty(): Promise<boolean>;
}

export interface ImportCounts {
  organizations: number;
  people: number;
  links: number;
  relationships: number;
  subscriptions: number;
}
