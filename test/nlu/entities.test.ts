import { EntityExtractor, type Entity } from '../../dialogs/recognition';

const ORGS = [
  { id: 'contoso-distribution-jp', names: ['Contoso Distribution Japan', 'コントソ・ディストリビューション・ジャパン'] },
  { id: 'tailspin-distribution-jp', names: ['Tailspin Distribution KK', 'テイルスピン・ディストリビューション'] },
  { id: 'sakura-cloud', names: ['Sakura Cloud Solutions', 'さくらクラウドソリューションズ'] },
  { id: 'yamato-manufacturing', names: ['Yamato Manufacturing Co., Ltd.', '大和製造株式会社'] },
  { id: 'fabrikam-distribution-us', names: ['Fabrikam Distribution Inc.'] },
  { id: 'fabrikam-retail', names: ['Fabrikam Retail'] },
];
const extractor = new EntityExtractor(ORGS);
const pick = (text: string, type: Entity['type']) => extractor.extract(text).filter((e) => e.type === type);
const values = (text: string, type: Entity['type']) => pick(text, type).map((e) => e.value);

describe('entities: every span points back into the original text', () => {
  it.each([
    'We want ｃｏｎｔｏｓｏ for O365, PartnerID ４８０１１２３, tenant 8A1F6C2E-3B4D-4E5F-9A6B-7C8D9E0F1A21',
    'ｺﾝﾄｿ・ﾃﾞｨｽﾄﾘﾋﾞｭｰｼｮﾝと連携したい。EAで買ったマイクロソフト365も',
  ])('%s', (text) => {
    const found = extractor.extract(text);
    expect(found.length).toBeGreaterThan(2);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(found.map((e) => e.start)).toEqual([...found.map((e) => e.start)].sort((a, b) => a - b));
  });

  it('finds nothing in plain chat', () => {
    expect(extractor.extract('what can you do for us today?')).toEqual([]);
    expect(extractor.extract('今日はよろしくお願いします')).toEqual([]);
  });
});

describe('workload', () => {
  it.each([
    ['add a partner for O365', 'microsoft365'],
    ['our Office 365 tenant', 'microsoft365'],
    ['M365 licences', 'microsoft365'],
    ['Exchange Online mailboxes', 'microsoft365'],
    ['we need Teams licenses', 'microsoft365'],
    ['マイクロソフト365のパートナー', 'microsoft365'],
    ['オフィスのライセンス', 'microsoft365'],
    ['Azure subscription', 'azure'],
    ['アジュールのパートナー', 'azure'],
    ['Dynamics CRM', 'dynamics365'],
    ['d365 please', 'dynamics365'],
    ['Dynamcis 365 (typo)', 'dynamics365'],
    ['ダイナミクスを追加', 'dynamics365'],
    ['ﾀﾞｲﾅﾐｸｽを追加', 'dynamics365'],
    ['Power Apps and Power BI', 'power_platform'],
    ['Power Automate flows', 'power_platform'],
    ['パワープラットフォーム担当', 'power_platform'],
  ])('%s -> %s', (text, value) => {
    expect(values(text, 'workload')).toContain(value);
  });

  it('half-width katakana with separate voiced marks map back to the whole span', () => {
    expect(pick('ﾀﾞｲﾅﾐｸｽを追加', 'workload')[0]).toMatchObject({ text: 'ﾀﾞｲﾅﾐｸｽ', start: 0, end: 7 });
  });

  it('reads "Office365" and "Office 365" alike and reports the span as typed', () => {
    expect(pick('need Office365 help', 'workload')[0]).toMatchObject({ value: 'microsoft365', text: 'Office365', score: 1 });
  });
});

describe('organization names from the directory (fuzzy, both scripts)', () => {
  it.each([
    ['link us with Contoso Distribution Japan', 'contoso-distribution-jp', 1],
    ['link us with contoso', 'contoso-distribution-jp', 1],
    ['link us with Contosso Distribution', 'contoso-distribution-jp', 0.9],
    ['CONTOSO DISTRIBUTION', 'contoso-distribution-jp', 1],
    ['コントソと連携したい', 'contoso-distribution-jp', 1],
    ['ｺﾝﾄｿ・ﾃﾞｨｽﾄﾘﾋﾞｭｰｼｮﾝ', 'contoso-distribution-jp', 1],
    ['テイルスピンディストリビューションにお願い', 'tailspin-distribution-jp', 1],
    ['Tailspin Distribution KK', 'tailspin-distribution-jp', 1],
    ['さくらクラウドさんに頼みたい', 'sakura-cloud', 1],
    ['大和製造です', 'yamato-manufacturing', 1],
    ['Yamato Manufacturing', 'yamato-manufacturing', 1],
  ])('%s -> %s', (text, id, minScore) => {
    const [org] = pick(text, 'organization');
    expect(org?.value).toBe(id);
    expect(org!.score).toBeGreaterThanOrEqual(minScore);
  });

  it('does not guess when a short name is shared, but still matches the full names', () => {
    expect(values('we talked to Fabrikam', 'organization')).toEqual([]);
    expect(values('Fabrikam Distribution and Fabrikam Retail', 'organization')).toEqual(['fabrikam-distribution-us', 'fabrikam-retail']);
  });

  it('does not match generic words or unrelated names', () => {
    expect(values('a distributor in Japan', 'organization')).toEqual([]);
    expect(values('Northwind Traders', 'organization')).toEqual([]);
  });

  it('a katakana name inside a longer katakana word is not the organization', () => {
    const katakana = new EntityExtractor([{ id: 'kumo', names: ['クモ'] }, { id: 'sakura-cloud', names: ['さくらクラウドソリューションズ'] }]);
    const orgs = (text: string) => katakana.extract(text).filter((e) => e.type === 'organization').map((e) => e.value);
    expect(orgs('スクモールに頼む')).toEqual([]);
    expect(orgs('クモさんに頼む')).toEqual(['kumo']);
    expect(orgs('「クモ」と連携')).toEqual(['kumo']);
  });

  it('finds nothing without a directory', () => {
    expect(new EntityExtractor().extract('Contoso Distribution Japan').filter((e) => e.type === 'organization')).toEqual([]);
  });
});

describe('identifiers', () => {
  const guid = '8a1f6c2e-3b4d-4e5f-9a6b-7c8d9e0f1a21';
  const other = '11111111-2222-3333-4444-555555555555';

  it('PartnerID: digits next to "PartnerID", "MPN" or パートナーID, including full-width digits', () => {
    expect(values('our PartnerID is 4801123', 'partner_id')).toEqual(['4801123']);
    expect(values('MPN ID: 1234567', 'partner_id')).toEqual(['1234567']);
    expect(values('partner id 12345678 and 7654321', 'partner_id')).toEqual(['12345678', '7654321']);
    expect(values('パートナーIDは４８０１１２３です', 'partner_id')).toEqual(['4801123']);
    expect(values('1234567 がうちのパートナー ID です', 'partner_id')).toEqual(['1234567']);
  });

  it('PartnerID: not any number', () => {
    expect(values('we have 1234567 users', 'partner_id')).toEqual([]);
    expect(values('PartnerID 12', 'partner_id')).toEqual([]);
    expect(values('partner id 2024/05/01', 'partner_id')).toEqual([]);
  });

  it('tenant ID by default, subscription ID when the nearest word says so', () => {
    expect(pick(`tenant ${guid.toUpperCase()}`, 'tenant_id')[0]).toMatchObject({ value: guid, text: guid.toUpperCase() });
    expect(values(`just ${guid}`, 'tenant_id')).toEqual([guid]);
    expect(values(`subscription ${other} in tenant ${guid}`, 'subscription_id')).toEqual([other]);
    expect(values(`subscription ${other} in tenant ${guid}`, 'tenant_id')).toEqual([guid]);
    expect(values(`サブスクリプションID: ${other}`, 'subscription_id')).toEqual([other]);
    expect(values(`テナント ${guid} のサブスク ${other}`, 'subscription_id')).toEqual([other]);
    expect(values(`{${guid}}`, 'tenant_id')).toEqual([guid]);
  });

  it('domains, lower-cased, not file names or abbreviations', () => {
    expect(values('our domain is Contoso.onmicrosoft.com.', 'domain')).toEqual(['contoso.onmicrosoft.com']);
    expect(values('fabrikam.co.jp のテナント', 'domain')).toEqual(['fabrikam.co.jp']);
    expect(values('we use node.js, e.g. for scripts', 'domain')).toEqual([]);
    expect(values('contoso.onmicrosoft.com', 'organization')).toEqual([]);
  });
});

describe('purchase channel', () => {
  it.each([
    ['we bought it directly from Microsoft', 'microsoft_direct'],
    ['it was web direct', 'microsoft_direct'],
    ['bought online last year', 'microsoft_direct'],
    ['マイクロソフトから直接買いました', 'microsoft_direct'],
    ['through the Advisor program', 'advisor'],
    ['アドバイザー経由', 'advisor'],
    ['under Open licensing', 'open'],
    ['オープンライセンスで購入', 'open'],
    ['through our EA', 'ea'],
    ['an Enterprise Agreement', 'ea'],
    ['エンタープライズ契約のサブスク', 'ea'],
    ['EA契約', 'ea'],
    ['bought from another partner', 'csp_partner'],
    ['他のパートナーから購入', 'csp_partner'],
    ['via a syndication partner', 'syndication_partner'],
    ['from a third-party reseller', 'third_party'],
    ['サードパーティー経由', 'third_party'],
  ])('%s -> %s', (text, value) => {
    expect(values(text, 'purchase_channel')).toEqual([value]);
  });

  it('"open" and "another partner" alone are not channels', () => {
    expect(values('open a request', 'purchase_channel')).toEqual([]);
    expect(values('please open the menu', 'purchase_channel')).toEqual([]);
  });
});

describe('country and cloud', () => {
  it.each([
    ['a distributor in Japan', 'JP'],
    ['国内のディストリビューター', 'JP'],
    ['日本のリセラー', 'JP'],
    ['a German distributor', 'DE'],
    ['ドイツのディストリビューター', 'DE'],
    ['a French reseller', 'FR'],
    ['フランスのリセラー', 'FR'],
    ['resellers in the UK', 'GB'],
    ['英国の会社', 'GB'],
    ['a US reseller', 'US'],
    ['米国のリセラー', 'US'],
    ['Canada', 'CA'],
  ])('%s -> %s', (text, code) => {
    expect(values(text, 'country')).toContain(code);
  });

  it('"us" the pronoun is not the United States', () => {
    expect(values('link us with a distributor', 'country')).toEqual([]);
  });

  it('したい is not Thailand (katakana folded to hiragana must not create countries)', () => {
    expect(values('連携したい国内の会社', 'country')).toEqual(['JP']);
  });

  it.each([
    ['does it work in GCC?', 'us_government'],
    ['US Gov customers', 'us_government'],
    ['米国政府クラウド', 'us_government'],
    ['operated by 21Vianet', 'china_21vianet'],
    ['中国のクラウド', 'china_21vianet'],
    ['Microsoft Cloud Germany', 'germany'],
    ['ドイツのクラウド', 'germany'],
    ['the public cloud', 'public'],
  ])('%s -> cloud %s', (text, cloud) => {
    expect(values(text, 'cloud')).toContain(cloud);
  });

  it('リマインド is not India: katakana countries respect katakana word boundaries', () => {
    expect(values('承認者にリマインドしてください', 'country')).toEqual([]);
    expect(values('リマインド', 'country')).toEqual([]);
    expect(values('ｲﾝﾄﾞﾈｼｱ', 'country')).toEqual(['ID']);
    expect(values('インドの販売店', 'country')).toEqual(['IN']);
    expect(values('インドとドイツ', 'country')).toEqual(['IN', 'DE']);
  });

  it('Germany alone is a country, not the closed cloud', () => {
    expect(values('a distributor in Germany', 'cloud')).toEqual([]);
  });
});
