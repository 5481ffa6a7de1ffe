import { OrganizationSchema, type Organization } from './organization';
import { identityKey, PersonSchema, type Person } from './person';
import {
  PartnerCustomerRelationshipSchema,
  ProviderResellerLinkSchema,
  SubscriptionSchema,
  type PartnerCustomerRelationship,
  type ProviderResellerLink,
  type Subscription,
} from './relationship';

/** The directory file: who is who and who already works with whom (YAML or JSON). */
export const DIRECTORY_SECTIONS = ['organizations', 'people', 'links', 'relationships', 'subscriptions'] as const;
export type DirectorySection = (typeof DIRECTORY_SECTIONS)[number];

const SECTION_SCHEMAS = {
  organizations: OrganizationSchema,
  people: PersonSchema,
  links: ProviderResellerLinkSchema.strict(),
  relationships: PartnerCustomerRelationshipSchema.strict(),
  subscriptions: SubscriptionSchema.strict(),
} as const;

export interface DirectoryData {
  organizations: Organization[];
  people: Person[];
  links: ProviderResellerLink[];
  relationships: PartnerCustomerRelationship[];
  subscriptions: Subscription[];
}

/** One problem with one record: where it is and what to do about it. */
export interface DirectoryIssue {
  section: DirectorySection | '(file)';
  /** 0-based position in the section. */
  index: number;
  /** The record's id (or a description) when it has one. */
  record: string;
  field: string;
  reason: string;
}

export type DirectoryParse = { ok: true; data: DirectoryData } | { ok: false; issues: DirectoryIssue[] };

function describe(section: DirectorySection, raw: unknown): string {
  const r = (raw ?? {}) as Record<string, unknown>;
  if (typeof r.id === 'string') return r.id;
  if (section === 'links') return `${String(r.providerId)} -> ${String(r.resellerId)}`;
  if (section === 'relationships') return `${String(r.partnerId)} -> ${String(r.customerId)} (${String(r.workload)})`;
  return '(no id)';
}

/**
 * Validates a parsed directory file completely: every record's shape, unique IDs and identities, and
 * every reference between records. Returns all issues at once so that a file can be fixed in one go.
 */
export function parseDirectory(raw: unknown): DirectoryParse {
  const parser = new DirectoryParser();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return parser.notAnObject();
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    const section = parser.section(key);
    if (!section) continue;
    const list = obj[key];
    if (!Array.isArray(list)) parser.notAList(section, list);
    else list.forEach((item, index) => parser.add(section, index, item));
  }
  return parser.finish();
}

/**
 * Issue 19: the same validation fed one record at a time, so that a reader streaming a big file keeps
 * only the validated records, never the whole parsed file beside them. Issues come out in the same
 * order as `parseDirectory`'s: the file's, then each section's in section order, then the references.
 */
export class DirectoryParser {
  private readonly fileIssues: DirectoryIssue[] = [];
  private readonly sectionIssues = new Map<DirectorySection, DirectoryIssue[]>();
  private readonly data: DirectoryData = { organizations: [], people: [], links: [], relationships: [], subscriptions: [] };
  /** Records validated so far (for progress). */
  records = 0;

  notAnObject(): DirectoryParse {
    return { ok: false, issues: [{ section: '(file)', index: 0, record: '(file)', field: '', reason: `The file must hold an object with the sections ${DIRECTORY_SECTIONS.join(', ')}.` }] };
  }

  /** The section a top-level key names; an unknown key is an issue. A section named again starts over (as JSON.parse keeps the last). */
  section(key: string): DirectorySection | undefined {
    if (!(DIRECTORY_SECTIONS as readonly string[]).includes(key)) {
      this.fileIssues.push({ section: '(file)', index: 0, record: key, field: key, reason: `Unknown section "${key}"; the sections are ${DIRECTORY_SECTIONS.join(', ')}.` });
      return undefined;
    }
    const section = key as DirectorySection;
    this.data[section].length = 0;
    this.sectionIssues.set(section, []);
    return section;
  }

  /** A section whose value is not a list (null counts as an empty one). */
  notAList(section: DirectorySection, value: unknown): void {
    if (value === null || value === undefined) return;
    this.sectionIssues.get(section)?.push({ section, index: 0, record: section, field: section, reason: 'This section must be a list.' });
  }

  add(section: DirectorySection, index: number, item: unknown): void {
    this.records += 1;
    const parsed = SECTION_SCHEMAS[section].safeParse(item);
    if (parsed.success) (this.data[section] as unknown[]).push(parsed.data);
    else {
      const issues = this.sectionIssues.get(section) ?? [];
      this.sectionIssues.set(section, issues);
      for (const i of parsed.error.issues) issues.push({ section, index, record: describe(section, item), field: i.path.join('.') || '(record)', reason: i.message });
    }
  }

  finish(): DirectoryParse {
    const issues = [...this.fileIssues];
    for (const section of DIRECTORY_SECTIONS) issues.push(...(this.sectionIssues.get(section) ?? []));
    issues.push(...crossCheck(this.data));
    return issues.length ? { ok: false, issues } : { ok: true, data: this.data };
  }
}

function crossCheck(d: DirectoryData): DirectoryIssue[] {
  const issues: DirectoryIssue[] = [];
  const orgs = new Map<string, Organization>();
  d.organizations.forEach((o, index) => {
    if (orgs.has(o.id)) issues.push({ section: 'organizations', index, record: o.id, field: 'id', reason: 'Duplicate organization id; each id must be unique.' });
    orgs.set(o.id, o);
  });
  const tenants = new Map<string, string>();
  d.organizations.forEach((o, index) => {
    const other = tenants.get(o.tenantId.toLowerCase());
    if (other) issues.push({ section: 'organizations', index, record: o.id, field: 'tenantId', reason: `Tenant ID already used by "${other}"; a tenant belongs to one organization.` });
    tenants.set(o.tenantId.toLowerCase(), o.id);
  });
  // A Slack workspace or Enterprise Grid organization belongs to one organization, as a tenant does.
  const workspaces = new Map<string, string>();
  d.organizations.forEach((o, index) => {
    for (const [field, ids] of [['slackTeamIds', o.slackTeamIds], ['slackEnterpriseIds', o.slackEnterpriseIds]] as const) {
      ids.forEach((w, j) => {
        const other = workspaces.get(w);
        if (other && other !== o.id) issues.push({ section: 'organizations', index, record: o.id, field: `${field}.${j}`, reason: `Slack ID ${w} already belongs to "${other}"; a workspace belongs to one organization.` });
        workspaces.set(w, o.id);
      });
    }
  });
  const people = new Set<string>();
  const identities = new Map<string, string>();
  d.people.forEach((p, index) => {
    if (people.has(p.id)) issues.push({ section: 'people', index, record: p.id, field: 'id', reason: 'Duplicate person id.' });
    people.add(p.id);
    if (!orgs.has(p.orgId)) issues.push({ section: 'people', index, record: p.id, field: 'orgId', reason: `No organization "${p.orgId}" in this file.` });
    p.identities.forEach((id, j) => {
      const key = identityKey(id);
      const owner = identities.get(key);
      if (owner) issues.push({ section: 'people', index, record: p.id, field: `identities.${j}`, reason: `Identity already belongs to "${owner}".` });
      identities.set(key, p.id);
    });
  });
  const kindOf = (id: string) => orgs.get(id)?.kind;
  d.links.forEach((l, index) => {
    const record = `${l.providerId} -> ${l.resellerId}`;
    if (kindOf(l.providerId) !== 'indirect_provider') issues.push({ section: 'links', index, record, field: 'providerId', reason: `"${l.providerId}" is not an indirect provider in this file.` });
    if (kindOf(l.resellerId) !== 'indirect_reseller') issues.push({ section: 'links', index, record, field: 'resellerId', reason: `"${l.resellerId}" is not an indirect reseller in this file.` });
  });
  d.relationships.forEach((r, index) => {
    const record = `${r.partnerId} -> ${r.customerId} (${r.workload})`;
    const pk = kindOf(r.partnerId);
    if (!pk || pk === 'customer') issues.push({ section: 'relationships', index, record, field: 'partnerId', reason: `"${r.partnerId}" is not a partner in this file.` });
    if (kindOf(r.customerId) !== 'customer') issues.push({ section: 'relationships', index, record, field: 'customerId', reason: `"${r.customerId}" is not a customer in this file.` });
  });
  const subs = new Set<string>();
  d.subscriptions.forEach((s, index) => {
    if (subs.has(s.id)) issues.push({ section: 'subscriptions', index, record: s.id, field: 'id', reason: 'Duplicate subscription id.' });
    subs.add(s.id);
    if (kindOf(s.customerId) !== 'customer') issues.push({ section: 'subscriptions', index, record: s.id, field: 'customerId', reason: `"${s.customerId}" is not a customer in this file.` });
    s.supportedBy.forEach((p, j) => {
      const k = kindOf(p);
      if (!k || k === 'customer') issues.push({ section: 'subscriptions', index, record: s.id, field: `supportedBy.${j}`, reason: `"${p}" is not a partner in this file.` });
    });
  });
  return issues;
}
