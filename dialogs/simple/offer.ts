import { FILED_BY, REQUEST_KINDS, type Organization, type RequestKind } from '../../domain';

/** The request kinds this organization can file (what the menu and help offer). */
export function offerFor(org: Organization | undefined): RequestKind[] {
  return org ? REQUEST_KINDS.filter((k) => FILED_BY[k].includes(org.kind)) : [];
}
