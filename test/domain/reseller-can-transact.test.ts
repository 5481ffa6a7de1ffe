import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { randomRequestIds } from '../../adapters/system/request-ids';
import { DEFAULT_POLICY, PartnerLinkService, validateAddPartner, type StorePort } from '../../domain';
import { createBotHarness, type BotHarness } from '../support/bot-harness';
import { loadSampleDirectory, sampleLookup } from '../support/sample-directory';

const { data, org, person } = sampleLookup();

// Issue 18: an indirect reseller offered to a customer must be enrolled and linked with a distributor
// in its own CSP region and cloud.
describe('RESELLER_CANNOT_TRANSACT', () => {
  const addPartner = (partnerId: string, distributors: string[]) => validateAddPartner({
    requester: person('yuki-suzuki'), customer: org('yamato-manufacturing'), partner: org(partnerId), workload: 'microsoft365',
    relationships: [], policy: DEFAULT_POLICY, partnerDistributors: distributors.map(org),
  });
  const codes = (partnerId: string, distributors: string[]) => addPartner(partnerId, distributors).refusals.map((r) => r.code);

  it('a reseller still enrolling is refused, with a reason in English and Japanese', () => {
    const v = addPartner('kumo-startup-it', []);
    expect(v.refusals.map((r) => r.code)).toEqual(['RESELLER_CANNOT_TRANSACT']);
    expect(v.refusals[0]!.message.en).toBe('Kumo Startup IT is not enrolled in CSP as an indirect reseller yet, so it cannot sell to customers. Choose another partner from the list.');
    expect(v.refusals[0]!.message.ja).toContain('クモ・スタートアップITはまだ CSP の間接リセラーとして登録されていない');
    expect(v.refusals[0]!.field).toBe('partnerId');
  });
  it('an enrolled reseller with no distributor is refused', () => {
    const v = addPartner('fuji-it-partners', []);
    expect(v.refusals.map((r) => r.code)).toEqual(['RESELLER_CANNOT_TRANSACT']);
    expect(v.refusals[0]!.message.en).toContain('Fuji IT Partners is not linked with a distributor in its CSP region and cloud');
    expect(v.refusals[0]!.message.ja).toContain('富士ITパートナーズは同じ CSP リージョンとクラウドのディストリビューター');
  });
  it('a distributor in another region, in another cloud or not authorized does not count', () => {
    expect(codes('fuji-it-partners', ['northwind-distribution-eu'])).toEqual(['RESELLER_CANNOT_TRANSACT']);
    expect(codes('fuji-it-partners', ['wingtip-supply-jp'])).toEqual(['RESELLER_CANNOT_TRANSACT']);
    expect(codes('fuji-it-partners', [])).toEqual(['RESELLER_CANNOT_TRANSACT']);
    const govDistributor = { ...org('contoso-distribution-jp'), cloud: 'us_government' as const };
    expect(validateAddPartner({
      requester: person('yuki-suzuki'), customer: org('yamato-manufacturing'), partner: org('fuji-it-partners'), workload: 'microsoft365',
      relationships: [], policy: DEFAULT_POLICY, partnerDistributors: [govDistributor],
    }).refusals.map((r) => r.code)).toEqual(['RESELLER_CANNOT_TRANSACT']);
  });
  it('a reseller linked with a distributor in its region and cloud passes; direct-bill partners are not concerned', () => {
    expect(codes('fuji-it-partners', ['contoso-distribution-jp'])).toEqual([]);
    expect(addPartner('fuji-it-partners', ['contoso-distribution-jp']).passed).toContain('RESELLER_CANNOT_TRANSACT');
    expect(codes('trey-research-direct', [])).toEqual([]);
  });
  it('the sample directory links the US Government reseller with a US Government distributor', () => {
    expect(data.links).toContainEqual(expect.objectContaining({ providerId: 'adatum-federal-distribution', resellerId: 'relecloud-federal' }));
  });
});

describe('partners offered to a customer (embedded store, sample directory)', () => {
  let dir: string;
  let store: StorePort;
  let service: PartnerLinkService;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-transact-'));
    store = await openStore({ dataDir: dir });
    await store.directory.importDirectory(loadSampleDirectory());
    service = new PartnerLinkService({ directory: store.directory, requests: store.requests, clock: { now: () => new Date('2026-11-24T09:00:00Z') }, ids: randomRequestIds, policy: DEFAULT_POLICY });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = (xs: { org: { id: string } }[]) => xs.map((c) => c.org.id).sort();

  it('add partner: Kumo Startup IT (not enrolled) and Fuji IT Partners (no distributor) are not offered; Sakura Cloud is', async () => {
    const e = await service.eligiblePartners('yamato-manufacturing', 'dynamics365', person('yuki-suzuki'));
    if (e.kind !== 'listed') throw new Error('expected a list');
    expect(ids(e.ineligible)).toEqual(expect.arrayContaining(['kumo-startup-it', 'fuji-it-partners']));
    const kumo = e.ineligible.find((c) => c.org.id === 'kumo-startup-it')!;
    expect(kumo.verdict.refusals.map((r) => r.code)).toContain('RESELLER_CANNOT_TRANSACT');
    const m365 = await service.eligiblePartners('yamato-manufacturing', 'azure', person('yuki-suzuki'));
    if (m365.kind !== 'listed') throw new Error('expected a list');
    expect(ids(m365.eligible)).toEqual(['sakura-cloud', 'trey-research-direct']);
  });
  it('multi-channel: Kumo Startup IT is not offered for the EA subscription', async () => {
    const e = await service.eligibleMultichannelPartners('yamato-manufacturing', '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61', person('yuki-suzuki'));
    if (e.kind !== 'listed') throw new Error('expected a list');
    expect(ids(e.eligible)).not.toContain('kumo-startup-it');
    expect(e.ineligible.find((c) => c.org.id === 'kumo-startup-it')!.verdict.refusals.map((r) => r.code)).toContain('RESELLER_CANNOT_TRANSACT');
  });
  it('the US Government customer still has its existing partner, linked with a US Government distributor', async () => {
    const e = await service.eligiblePartners('bayview-county-gov', 'azure', person('marcus-lee'));
    if (e.kind !== 'listed') throw new Error('expected a list');
    expect(ids(e.eligible)).toEqual(['relecloud-federal']);
  });
});

describe('transcripts: the partner form offers only resellers that can transact (issue 18)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['teams', 'en-US', 'Add a second partner for Microsoft 365', 'Trey Research Direct', /Kumo Startup IT|Fuji IT Partners/],
    ['slack', 'en-US', 'Add a second partner for Microsoft 365', 'Trey Research Direct', /Kumo Startup IT|Fuji IT Partners/],
    ['teams', 'ja-JP', 'Microsoft 365 のパートナーを追加したい', 'トレイ・リサーチ・ダイレクト', /クモ・スタートアップIT|富士ITパートナーズ/],
    ['slack', 'ja-JP', 'Microsoft 365 のパートナーを追加したい', 'トレイ・リサーチ・ダイレクト', /クモ・スタートアップIT|富士ITパートナーズ/],
  ] as const)('%s %s: Kumo Startup IT (not enrolled) and Fuji IT Partners (no distributor) are not offered', async (platform, locale, text, offered, absent) => {
    const form = (await h.say('taro-ito', text, locale, platform)).at(-1)!;
    expect(form.cardText).toContain(offered);
    expect(form.cardText).not.toMatch(absent);
  });
});
