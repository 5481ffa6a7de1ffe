import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { randomRequestIds } from '../../adapters/system/request-ids';
import { CodedError, DEFAULT_POLICY, PartnerLinkService, RequestContendedError, type StorePort } from '../../domain';
import { loadSampleDirectory, sampleLookup } from '../support/sample-directory';

const { person } = sampleLookup();

describe('PartnerLinkService on the embedded store', () => {
  let dir: string;
  let store: StorePort;
  let now: Date;
  let service: PartnerLinkService;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-service-'));
    store = await openStore({ dataDir: dir });
    await store.directory.importDirectory(loadSampleDirectory());
    now = new Date('2026-11-24T09:00:00Z');
    service = new PartnerLinkService({ directory: store.directory, requests: store.requests, clock: { now: () => now }, ids: randomRequestIds, policy: DEFAULT_POLICY });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const link = { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' } as const;

  it('files a valid request, routes it to the distributor admins, and records the link on approval', async () => {
    const out = await service.submit(link, person('mei-kobayashi'), { platform: 'teams', commandId: 'draft-1' });
    expect(out.kind).toBe('submitted');
    if (out.kind !== 'submitted') return;
    expect(out.request.status).toBe('pending_approval');
    expect(out.approvers.map((p) => p.id).sort()).toEqual(['emily-clark', 'hiroshi-yamada']);
    expect(out.request.checks).toContain('REGION_MISMATCH');
    const decided = await service.act(out.request.id, { type: 'approve' }, person('emily-clark'), { platform: 'slack', expectedVersion: out.request.version });
    expect(decided.kind).toBe('applied');
    expect(await store.directory.listLinks({ resellerId: 'fuji-it-partners' })).toEqual([expect.objectContaining({ providerId: 'contoso-distribution-jp' })]);
    const stored = await store.requests.get(out.request.id);
    expect(stored?.audit.map((a) => `${a.action}:${a.from}->${a.to}:${a.platform}`)).toEqual([
      'submit:null->submitted:teams',
      'route:submitted->pending_approval:system',
      'approve:pending_approval->approved:slack',
    ]);
  });

  it('refuses with the rule and files nothing', async () => {
    const out = await service.submit({ ...link, providerId: 'northwind-distribution-eu' }, person('mei-kobayashi'), { platform: 'teams' });
    expect(out).toMatchObject({ kind: 'refused', refusals: [{ code: 'REGION_MISMATCH' }] });
    expect(await service.listMine('mei-kobayashi')).toEqual([]);
  });

  it('a repeated submission (same command ID) returns the same request; another one is a duplicate', async () => {
    const first = await service.submit(link, person('mei-kobayashi'), { platform: 'teams', commandId: 'draft-1' });
    const again = await service.submit(link, person('mei-kobayashi'), { platform: 'teams', commandId: 'draft-1' });
    expect(again.kind).toBe('unchanged');
    if (first.kind === 'submitted' && again.kind === 'unchanged') expect(again.request.id).toBe(first.request.id);
    const other = await service.submit(link, person('mei-kobayashi'), { platform: 'teams', commandId: 'draft-2' });
    expect(other).toMatchObject({ kind: 'refused', refusals: [{ code: 'DUPLICATE_PENDING_REQUEST' }] });
    expect(await service.listMine('mei-kobayashi')).toHaveLength(1);
  });

  it('two admins deciding at the same moment produce exactly one decision; the loser sees who decided', async () => {
    const out = await service.submit(link, person('mei-kobayashi'), { platform: 'teams' });
    if (out.kind !== 'submitted') throw new Error('not submitted');
    const v = out.request.version;
    const [a, b] = await Promise.all([
      service.act(out.request.id, { type: 'approve' }, person('hiroshi-yamada'), { platform: 'teams', expectedVersion: v }),
      service.act(out.request.id, { type: 'reject', reason: 'credit check' }, person('emily-clark'), { platform: 'slack', expectedVersion: v }),
    ]);
    const kinds = [a.kind, b.kind].sort();
    expect(kinds).toEqual(['applied', 'refused']);
    const loser = a.kind === 'refused' ? a : b;
    if (loser.kind === 'refused') expect(['REQUEST_ALREADY_CLOSED', 'STALE_CARD']).toContain(loser.refusal.code);
    const stored = await store.requests.get(out.request.id);
    expect(stored?.audit.filter((e) => e.action === 'approve' || e.action === 'reject')).toHaveLength(1);
  });

  it('add_partner needs the partner, then the customer; the relationship is recorded only at the end', async () => {
    const subject = { kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', workload: 'azure' } as const;
    const out = await service.submit(subject, person('yuki-suzuki'), { platform: 'slack' });
    if (out.kind !== 'submitted') throw new Error('not submitted');
    expect(out.approvers.map((p) => p.id)).toEqual(['daniel-park']);
    const step1 = await service.act(out.request.id, { type: 'approve' }, person('daniel-park'), { platform: 'slack' });
    if (step1.kind !== 'applied') throw new Error('step 1 not applied');
    expect(step1.request).toMatchObject({ status: 'pending_approval', stage: 1 });
    expect((await service.approversFor(step1.request)).map((p) => p.id)).toEqual(['taro-ito']);
    expect(await store.directory.listRelationships({ partnerId: 'trey-research-direct' })).toEqual([]);
    await service.act(out.request.id, { type: 'approve' }, person('taro-ito'), { platform: 'teams' });
    expect(await store.directory.listRelationships({ partnerId: 'trey-research-direct' })).toEqual([expect.objectContaining({ customerId: 'yamato-manufacturing', workload: 'azure' })]);
  });

  it('a refused attempt is audited and changes nothing', async () => {
    const out = await service.submit(link, person('mei-kobayashi'), { platform: 'teams' });
    if (out.kind !== 'submitted') throw new Error('not submitted');
    const r = await service.act(out.request.id, { type: 'approve' }, person('naoki-mori'), { platform: 'teams' });
    expect(r).toMatchObject({ kind: 'refused', refusal: { code: 'NOT_AN_APPROVER' } });
    const stored = await store.requests.get(out.request.id);
    expect(stored?.status).toBe('pending_approval');
    expect(stored?.version).toBe(out.request.version);
    expect(stored?.audit.at(-1)).toMatchObject({ action: 'refused', code: 'NOT_AN_APPROVER', actor: { personId: 'naoki-mori' } });
  });

  it('expires requests past the configured age', async () => {
    const out = await service.submit(link, person('mei-kobayashi'), { platform: 'teams' });
    if (out.kind !== 'submitted') throw new Error('not submitted');
    expect(await service.expireDue()).toEqual([]);
    now = new Date(now.getTime() + 91 * 86_400_000);
    const expired = await service.expireDue();
    expect(expired.map((r) => r.id)).toEqual([out.request.id]);
    expect((await store.requests.get(out.request.id))?.status).toBe('expired');
  });

  it('eligibility: which distributors a reseller may link with, and why not the others', async () => {
    const e = await service.eligibleDistributors('fuji-it-partners', person('mei-kobayashi'));
    if (e.kind === 'refused') throw new Error('refused');
    expect(e.eligible.map((c) => c.org.id).sort()).toEqual(['contoso-distribution-jp', 'tailspin-distribution-jp']);
    const why = Object.fromEntries(e.ineligible.map((c) => [c.org.id, c.verdict.refusals.map((r) => r.code)]));
    expect(why['wingtip-supply-jp']).toEqual(['PROVIDER_NOT_AUTHORIZED']);
    // Issue 19: only the reseller's market is weighed (found through the store's indexes), so distributors
    // of another region or cloud are neither offered nor read.
    expect(Object.keys(why)).toEqual(['wingtip-supply-jp']);
    expect(e.more).toBe(false);
  });

  it('eligibility reads each fact once, however many candidates, and still sees an open request for one of them', async () => {
    const calls: string[] = [];
    const counting = <T extends object>(name: string, port: T): T =>
      new Proxy(port, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            calls.push(`${name}.${String(prop)}`);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    const filed = await service.submit(link, person('mei-kobayashi'), { platform: 'teams' });
    expect(filed.kind).toBe('submitted');
    const counted = new PartnerLinkService({ directory: counting('directory', store.directory), requests: counting('requests', store.requests), clock: { now: () => now }, ids: randomRequestIds, policy: DEFAULT_POLICY });
    const e = await counted.eligibleDistributors('fuji-it-partners', person('mei-kobayashi'));
    if (e.kind === 'refused') throw new Error('refused');
    expect(e.eligible.length + e.ineligible.length).toBe(3); // the Japanese distributors (issue 19: one market)
    const why = Object.fromEntries(e.ineligible.map((c) => [c.org.id, c.verdict.refusals.map((r) => r.code)]));
    expect(why['contoso-distribution-jp']).toContain('DUPLICATE_PENDING_REQUEST');
    const count = (name: string) => calls.filter((c) => c === name).length;
    expect(count('requests.findOpenByKeys')).toBe(1);
    expect(count('requests.findOpenByKey')).toBe(0);
    expect(count('directory.listLinks')).toBe(0);
    expect(count('directory.listLinksOfResellers')).toBe(1);
    expect(count('directory.findCandidates')).toBe(1); // Japan is a region of one country
    expect(count('directory.listOrganizations')).toBe(0); // never the whole directory
    expect(count('directory.getOrganization')).toBe(1); // the reseller: the candidates are already in hand
    expect(calls.length).toBeLessThanOrEqual(5);
  });

  it('validation is a tagged result: the verdict when the rules ran, a refusal naming the field when an organization is unknown', async () => {
    const checked = await service.validate(link, person('mei-kobayashi'));
    expect(checked).toMatchObject({ kind: 'checked', verdict: { ok: true, refusals: [] } });
    const unknown = await service.validate({ ...link, providerId: 'nobody-distribution' }, person('mei-kobayashi'));
    expect(unknown).toMatchObject({ kind: 'refused', refusal: { code: 'UNKNOWN_ORGANIZATION', field: 'providerId', params: { value: 'nobody-distribution' } } });
    const sub = await service.validate({ kind: 'multichannel_support', customerId: 'yamato-manufacturing', partnerId: 'fuji-it-partners', subscriptionId: 'no-such-sub' }, person('mei-kobayashi'));
    expect(sub).toMatchObject({ kind: 'refused', refusal: { code: 'UNKNOWN_SUBSCRIPTION', field: 'subscriptionId' } });
    const filed = await service.submit({ ...link, providerId: 'nobody-distribution' }, person('mei-kobayashi'), { platform: 'teams' });
    expect(filed).toMatchObject({ kind: 'refused', refusals: [{ code: 'UNKNOWN_ORGANIZATION', field: 'providerId' }] });
  });

  it('a compare-and-set that loses every race gives up with a coded error, not a plain one', async () => {
    const out = await service.submit(link, person('mei-kobayashi'), { platform: 'teams' });
    if (out.kind !== 'submitted') throw new Error('not submitted');
    const losing = new PartnerLinkService({
      directory: store.directory,
      requests: Object.assign(Object.create(store.requests) as typeof store.requests, { transition: async () => 'conflict' as const }),
      clock: { now: () => now },
      ids: randomRequestIds,
      policy: DEFAULT_POLICY,
    });
    const failed = await losing.act(out.request.id, { type: 'approve' }, person('emily-clark'), { platform: 'teams' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(RequestContendedError);
    expect(failed).toBeInstanceOf(CodedError);
    expect(failed).toMatchObject({ code: 'REQUEST_CONTENDED', requestId: out.request.id, attempts: 5 });
  });
});
