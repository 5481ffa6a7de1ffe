import type { Organization } from '../organization';
import type { DirectoryPort } from '../ports/directory.port';
import type { RequestRepositoryPort } from '../ports/request-repository.port';
import { subjectKey, type PartnerRequest, type RequestSubject } from '../request';
import type { FactSources } from './facts';

/** Remembers each answer of `load` by key for as long as this object lives (one evaluation). */
function memo<A, R>(load: (arg: A) => Promise<R>, keyOf: (arg: A) => string) {
  const seen = new Map<string, Promise<R>>();
  return (arg: A): Promise<R> => {
    const key = keyOf(arg);
    let hit = seen.get(key);
    if (!hit) {
      hit = load(arg);
      seen.set(key, hit);
    }
    return hit;
  };
}

const filterKey = (f: object | undefined) => JSON.stringify(f ?? {});

/**
 * A directory that asks the real one at most once per distinct read, for one evaluation of many
 * candidates (the same reseller, its links and every organization are otherwise read once per
 * candidate). Writes go straight through. Organizations already in hand are known without asking.
 */
function snapshotDirectory(dir: DirectoryPort, known: readonly Organization[]): DirectoryPort {
  const byId = new Map(known.map((o) => [o.id, Promise.resolve<Organization | undefined>(o)]));
  const getOrganization = memo((id: string) => byId.get(id) ?? dir.getOrganization(id), String);
  return {
    getOrganization,
    listOrganizations: memo((f?: Parameters<DirectoryPort['listOrganizations']>[0]) => dir.listOrganizations(f), filterKey),
    getPerson: (id) => dir.getPerson(id),
    findPersonByIdentity: (identity) => dir.findPersonByIdentity(identity),
    listPeople: (orgId) => dir.listPeople(orgId),
    findOrganizationByTenant: (tenantId) => dir.findOrganizationByTenant(tenantId),
    findOrganizationBySlackWorkspace: (w) => dir.findOrganizationBySlackWorkspace(w),
    bindSlackWorkspace: (orgId, teamId) => dir.bindSlackWorkspace(orgId, teamId),
    addPerson: (person) => dir.addPerson(person),
    setPersonRoles: (personId, roles) => dir.setPersonRoles(personId, roles),
    listLinks: memo((f: Parameters<DirectoryPort['listLinks']>[0]) => dir.listLinks(f), filterKey),
    listRelationships: memo((f: Parameters<DirectoryPort['listRelationships']>[0]) => dir.listRelationships(f), filterKey),
    getSubscription: memo((id: string) => dir.getSubscription(id), String),
    listSubscriptions: (customerId) => dir.listSubscriptions(customerId),
    addLink: (link) => dir.addLink(link),
    addRelationship: (rel) => dir.addRelationship(rel),
    addSubscriptionSupporter: (s, p) => dir.addSubscriptionSupporter(s, p),
    importDirectory: (data) => dir.importDirectory(data),
    isEmpty: () => dir.isEmpty(),
  };
}

/** Requests whose open ones for the given subject keys were fetched in one query up front. */
function prefetchedRequests(requests: RequestRepositoryPort, open: Map<string, PartnerRequest>, asked: ReadonlySet<string>): RequestRepositoryPort {
  return {
    findOpenByKey: (key) => (asked.has(key) ? Promise.resolve(open.get(key)) : requests.findOpenByKey(key)),
    findOpenByKeys: (keys) => requests.findOpenByKeys(keys),
    create: (r) => requests.create(r),
    get: (id) => requests.get(id),
    listByRequester: (personId, opts) => requests.listByRequester(personId, opts),
    listAwaitingOrg: (orgId) => requests.listAwaitingOrg(orgId),
    listExpired: (now) => requests.listExpired(now),
    transition: (next, expected, entry, notices) => requests.transition(next, expected, entry, notices),
    getNotices: (id) => requests.getNotices(id),
    setNotices: (id, rev, notices) => requests.setNotices(id, rev, notices),
    listNoticesDue: (now, limit) => requests.listNoticesDue(now, limit),
    appendAudit: (id, entry, notices) => requests.appendAudit(id, entry, notices),
    recordReminder: (id, expected, reminders, entry, notices) => requests.recordReminder(id, expected, reminders, entry, notices),
    countRepeatedAttempt: (id, index, at) => requests.countRepeatedAttempt(id, index, at),
    countByStatus: () => requests.countByStatus(),
    listCompleting: (limit) => requests.listCompleting(limit),
    listPartnerChecksDue: (now, limit) => requests.listPartnerChecksDue(now, limit),
    updatePartnerCheck: (id, attempts, check, entry) => requests.updatePartnerCheck(id, attempts, check, entry),
    recordFulfilmentCheck: (id, check) => requests.recordFulfilmentCheck(id, check),
    updateFulfilment: (id, rev, fulfilment, notices) => requests.updateFulfilment(id, rev, fulfilment, notices),
    listFulfilmentDue: (limit) => requests.listFulfilmentDue(limit),
  };
}

/**
 * The fact sources for judging many subjects at once: open requests for all of them in one query, and
 * each directory read once. Only for one evaluation (one turn): nothing is kept between turns, so
 * another instance's writes are seen at the next one.
 */
export async function snapshotSources(src: FactSources, subjects: readonly RequestSubject[], known: readonly Organization[]): Promise<FactSources> {
  const keys = [...new Set(subjects.map(subjectKey))];
  const open = new Map<string, PartnerRequest>();
  for (const r of await src.requests.findOpenByKeys(keys)) open.set(subjectKey(r.subject), r);
  return { ...src, directory: snapshotDirectory(src.directory, known), requests: prefetchedRequests(src.requests, open, new Set(keys)) };
}
