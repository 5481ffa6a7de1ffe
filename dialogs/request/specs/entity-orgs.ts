import type { DirectoryPort, Organization } from '../../../domain';
import type { Recognition } from '../../recognition';

/** Directory organizations named in the text (by name or PartnerID), in the order they appear. */
export async function namedOrganizations(recognition: Recognition, directory: DirectoryPort): Promise<Organization[]> {
  const out: Organization[] = [];
  let all: Organization[] | undefined;
  for (const e of recognition.entities) {
    let org: Organization | undefined;
    if (e.type === 'organization') org = await directory.getOrganization(e.value);
    if (e.type === 'partner_id') {
      all ??= await directory.listOrganizations();
      org = all.find((o) => o.kind !== 'customer' && o.partnerId === e.value);
    }
    if (org && !out.some((o) => o.id === org.id)) out.push(org);
  }
  return out;
}
