import { isActive } from '../organization';
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

/**
 * What validating a subject came to: the rules' verdict, or a refusal before any rule could run (the
 * person picked an organization or subscription we do not know). Callers switch on `kind`.
 */
export type Validation = { kind: 'checked'; verdict: Verdict } | { kind: 'refused'; refusal: Refusal };

const checked = (verdict: Verdict): Validation => ({ kind: 'checked', verdict });
const unknown = (code: 'UNKNOWN_ORGANIZATION' | 'UNKNOWN_SUBSCRIPTION', value: string, field: string): Validation => ({
  kind: 'refused',
  refusal: refusal(code, { value }, field),
});

async function partnerNames(dir: DirectoryPort) {
  const partners = await dir.listOrganizations();
  const byId = new Map(partners.map((o) => [o.id, o]));
  return (id: string) => {
    const o = byId.get(id);
    return o ? nameOf(o) : { en: id, ja: id };
  };
}

/** The organizations an indirect reseller is linked with as its distributors (none for other kinds). */
async function distributorsOf(dir: DirectoryPort, partner: { id: string; kind: string }) {
  if (partner.kind !== 'indirect_reseller') return [];
  const links = await dir.listLinks({ resellerId: partner.id });
  const orgs = await Promise.all(links.map((l) => dir.getOrganization(l.providerId)));
  return orgs.filter((o) => o !== undefined);
}

/**
 * Gathers what the rules need for one subject from the stores and runs the matching rule set. An
 * unknown organization or subscription is itself a refusal (the person picked something we don't know).
 */
export async function verdictFor(subject: RequestSubject, requester: Person, src: FactSources): Promise<Validation> {
  const open = await src.requests.findOpenByKey(subjectKey(subject));
  const openRequestId = open?.id;
  const openRequestCompleting = open?.status === 'completing';
  const { directory: dir, policy } = src;
  switch (subject.kind) {
    case 'link_distributor': {
      const reseller = await dir.getOrganization(subject.resellerId);
      const provider = await dir.getOrganization(subject.providerId);
      if (!reseller) return unknown('UNKNOWN_ORGANIZATION', subject.resellerId, 'resellerId');
      if (!provider) return unknown('UNKNOWN_ORGANIZATION', subject.providerId, 'providerId');
      if (!isActive(provider)) return unknown('UNKNOWN_ORGANIZATION', provider.name, 'providerId');
      const links = (await dir.listLinks({ resellerId: reseller.id })).filter(isActive);
      return checked(validateLinkDistributor({ requester, reseller, provider, links, policy, ...(openRequestId ? { openRequestId, openRequestCompleting } : {}) }));
    }
    case 'add_partner': {
      const customer = await dir.getOrganization(subject.customerId);
      const partner = await dir.getOrganization(subject.partnerId);
      if (!customer) return unknown('UNKNOWN_ORGANIZATION', subject.customerId, 'customerId');
      if (!partner) return unknown('UNKNOWN_ORGANIZATION', subject.partnerId, 'partnerId');
      if (!isActive(partner)) return unknown('UNKNOWN_ORGANIZATION', partner.name, 'partnerId');
      const relationships = (await dir.listRelationships({ customerId: customer.id })).filter(isActive);
      const partnerName = await partnerNames(dir);
      const partnerDistributors = await distributorsOf(dir, partner);
      return checked(validateAddPartner({ requester, customer, partner, workload: subject.workload, relationships, partnerName, policy, partnerDistributors, ...(openRequestId ? { openRequestId, openRequestCompleting } : {}) }));
    }
    case 'multichannel_support': {
      const customer = await dir.getOrganization(subject.customerId);
      const partner = await dir.getOrganization(subject.partnerId);
      if (!customer) return unknown('UNKNOWN_ORGANIZATION', subject.customerId, 'customerId');
      if (!partner) return unknown('UNKNOWN_ORGANIZATION', subject.partnerId, 'partnerId');
      if (!isActive(partner)) return unknown('UNKNOWN_ORGANIZATION', partner.name, 'partnerId');
      const subscription = await dir.getSubscription(subject.subscriptionId);
      if (!subscription) return unknown('UNKNOWN_SUBSCRIPTION', subject.subscriptionId, 'subscriptionId');
      const relationships = (await dir.listRelationships({ customerId: customer.id })).filter(isActive);
      const partnerName = await partnerNames(dir);
      const partnerDistributors = await distributorsOf(dir, partner);
      return checked(validateMultichannel({ requester, customer, partner, subscription, relationships, partnerName, policy, now: src.now, partnerDistributors, ...(openRequestId ? { openRequestId, openRequestCompleting } : {}) }));
    }
  }
}
