import type { DirectoryPort, Organization } from '../../../domain';
import type { Recognition } from '../../recognition';

/** Directory organizations named in the text (by name or PartnerID), in the order they appear. */
export async function namedOrganizations(recognition: Recognition, directory: DirectoryPort): Promise<Organization[]> {
  const out: Organization[] = [];
  for (const e of recognition.entities) {
    let org: Organization | undefined;
    if (e.type === 'organization') org = await directory.getOrganization(e.value);
    // Issue 19: by index; this read the whole directory on every turn naming a PartnerID.
    if (e.type === 'partner_id') org = await directory.findPartnerByPartnerId(e.value);
    if (org && !out.some((o) => o.id === org.id)) out.push(org);
  }
  return out;
}
