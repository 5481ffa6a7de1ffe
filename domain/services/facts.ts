import type { Organization } from '../organization';
import type { Person } from '../person';
import type { DomainPolicy } from '../policy';
import type { DirectoryPort } from '../ports/directory.port';
import type { RequestRepositoryPort } from '../ports/request-repository.port';
import { subjectKey, type RequestSubject } from '../request';
import { refusal, type Refusal, type Verdict } from '../result';
import { nameOf, validateAddPartner, validateLinkDistributor, validateMultichannel } from '../rules';

export interface FactSources {
  directory: DirectoryPort;
  requests: RequestRepositoryPort;
  policy: DomainPolicy;
  now: Date;
}

async function org(dir: DirectoryPort, id: string, field: string): Promise<Organization | Refusal> {
  const found = await dir.getOrganization(id);
  return found ?? refusal('UNKNOWN_ORGANIZATION', { value: id }, field);
}
const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && 'code' in x && 'message' in x;

async function partnerNames(dir: DirectoryPort) {
  const partners = await dir.listOrganizations();
  const byId = new Map(partners.map((o) => [o.id, o]));
  return (id: string) => {
    const o = byId.get(id);
    return o ? nameOf(o) : { en: id, ja: id };
  };
}

/**
 * Gathers what the rules need for one subject from the stores and runs the matching rule set. An
 * unknown organization or subscription is itself a refusal (the person picked something we don't know).
 */
export async function verdictFor(subject: RequestSubject, requester: Person, src: FactSources): Promise<Verdict | Refusal> {
  const open = await src.requests.findOpenByKey(subjectKey(subject));
  const openRequestId = open?.id;
  const { directory: dir, policy } = src;
  switch (subject.kind) {
    case 'link_distributor': {
      const reseller = await org(dir, subject.resellerId, 'resellerId');
      const provider = await org(dir, subject.providerId, 'providerId');
      if (isRefusal(reseller)) return reseller;
      if (isRefusal(provider)) return provider;
      const links = await dir.listLinks({ resellerId: reseller.id });
      return validateLinkDistributor({ requester, reseller, provider, links, policy, ...(openRequestId ? { openRequestId } : {}) });
    }
    case 'add_partner': {
      const customer = await org(dir, subject.customerId, 'customerId');
      const partner = await org(dir, subject.partnerId, 'partnerId');
      if (isRefusal(customer)) return customer;
      if (isRefusal(partner)) return partner;
      const relationships = await dir.listRelationships({ customerId: customer.id });
      const partnerName = await partnerNames(dir);
      return validateAddPartner({ requester, customer, partner, workload: subject.workload, relationships, partnerName, policy, ...(openRequestId ? { openRequestId } : {}) });
    }
    case 'multichannel_support': {
      const customer = await org(dir, subject.customerId, 'customerId');
      const partner = await org(dir, subject.partnerId, 'partnerId');
      if (isRefusal(customer)) return customer;
      if (isRefusal(partner)) return partner;
      const subscription = await dir.getSubscription(subject.subscriptionId);
      if (!subscription) return refusal('UNKNOWN_SUBSCRIPTION', { value: subject.subscriptionId }, 'subscriptionId');
      const relationships = await dir.listRelationships({ customerId: customer.id });
      const partnerName = await partnerNames(dir);
      return validateMultichannel({ requester, customer, partner, subscription, relationships, partnerName, policy, now: src.now, ...(openRequestId ? { openRequestId } : {}) });
    }
  }
}

export { isRefusal };
