import type { AuditEntry, PartnerRequest, RequestRepositoryPort } from '../../../domain';

/**
 * The request repository of the lifecycle model test (request-lifecycle.model.test.ts): the rows in a
 * map, compare-and-set on the version, and every method act() does not use throwing (the stores have
 * their own contract suite; there the lifecycle is under test).
 */
export class MemoryRequests implements RequestRepositoryPort {
  private readonly rows = new Map<string, PartnerRequest>();
  async create(r: PartnerRequest) {
    this.rows.set(r.id, structuredClone(r));
    return { created: true as const };
  }
  async get(id: string) {
    const r = this.rows.get(id);
    return r && structuredClone(r);
  }
  async transition(next: PartnerRequest, expectedVersion: number, entry: AuditEntry) {
    const cur = this.rows.get(next.id);
    if (!cur || cur.version !== expectedVersion) return 'conflict' as const;
    expect(next.audit.at(-1)).toEqual(entry);
    this.rows.set(next.id, structuredClone(next));
    return 'ok' as const;
  }
  async appendAudit(id: string, entry: AuditEntry) {
    this.rows.get(id)?.audit.push(structuredClone(entry));
  }
  async countRepeatedAttempt(id: string, index: number, at: Date) {
    const e = this.rows.get(id)?.audit[index];
    if (e) Object.assign(e, { repeats: (e.repeats ?? 0) + 1, lastRepeatAt: at });
  }
  findOpenByKey = notUsed;
  findOpenByKeys = notUsed;
  listByRequester = notUsed;
  listAwaitingOrg = notUsed;
  listAwaiting = notUsed;
  listExpired = notUsed;
  listCompleting = notUsed;
  recordReminder = notUsed;
  countByStatus = notUsed;
  listPartnerChecksDue = notUsed;
  updatePartnerCheck = notUsed;
  recordFulfilmentCheck = notUsed;
  updateFulfilment = notUsed;
  listFulfilmentDue = notUsed;
  getNotices = notUsed;
  setNotices = notUsed;
  listNoticesDue = notUsed;
}
export function notUsed(): never {
  throw new Error('not used by act()');
}
