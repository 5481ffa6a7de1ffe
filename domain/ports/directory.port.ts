import type { Organization, OrganizationKind } from '../organization';
import type { Person, PlatformIdentity } from '../person';
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
