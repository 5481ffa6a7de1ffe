import { cardBytes, CARD_BUDGET_BYTES, TEAMS_MESSAGE_MAX_BYTES } from '../../cards';
import { parseDirectory, type DirectoryData } from '../../domain';
import { buttonData, createBotHarness, type BotHarness } from '../support/bot-harness';
import { bothStores } from '../support/both-stores';

/**
 * Issue 19, on both stores: partners added beside the sample directory (shaped like its Trey Research
 * Direct: a direct-bill partner in Japan offering Azure), so that Yamato Manufacturing has either many
 * eligible partners with the longest names the schema allows (the plain list then exceeds Teams'
 * 28 KB and the check before sending cuts it), or more than a form lists (the choice then searches).
 */
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
function partners(count: number, name: (i: number) => { name: string; nameJa?: string }): DirectoryData {
  const parsed = parseDirectory({
    organizations: Array.from({ length: count }, (_, i) => ({
      id: `added-partner-${i}`,
      kind: 'direct_bill_partner',
      ...name(i),
      partnerId: String(8_500_000 + i),
      tenantId: `${hex(i, 8)}-0a1b-4c23-9d4e-5f60718293a4`,
      country: 'JP',
      cloud: 'public',
      workloads: ['azure', 'microsoft365'],
    })),
    people: [],
    links: [],
    relationships: [],
    subscriptions: [],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues.slice(0, 3)));
  return parsed.data;
}
const long = (i: number) => ({ name: `${'長'.repeat(195)} ${i}`, nameJa: `${'長'.repeat(195)}${i}` });

describe.each(bothStores())('forms within the limits (issue 19, %s store)', (store) => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness(store.options());
  });
  afterEach(async () => {
    await h.destroy();
    await store.cleanUp();
  });

  it('45 partners with the longest names: the form is cut to fit Teams, with a note (English)', async () => {
    await h.store.directory.importDirectory(partners(45, long));
    const en = (await h.say('yuki-suzuki', 'Add a second partner for Azure')).at(-1)!;
    expect(cardBytes(en.card!)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(en.cardText).toMatch(/This card was shortened to fit in Teams: \d+ choices are not listed/);
    // The card as Teams gets it: the whole message, well under 28 KB.
    expect(Buffer.byteLength(JSON.stringify(en.card))).toBeLessThan(TEAMS_MESSAGE_MAX_BYTES);
  });

  it("45 partners with the longest names: the note is in the reader's language (Japanese)", async () => {
    await h.store.directory.importDirectory(partners(45, long));
    const [ask] = await h.say('yuki-suzuki', 'パートナーを追加したい', 'ja-JP');
    const ja = (await h.execute('yuki-suzuki', { ...buttonData(ask!.card, 'submit_form')!, workload: 'azure' }, 'ja-JP')).answer!;
    expect(cardBytes(ja.card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(ja.cardText).toMatch(/Teamsの制限のため、カードを短くしました。選択肢のうち \d+ 件は表示されていません/);
  });

  it('60 partners: the form searches, and the search holds only those the rules let Yamato choose', async () => {
    await h.store.directory.importDirectory(partners(60, (i) => ({ name: `Ninety Nine Partners ${i}` })));
    const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure')).at(-1)!;
    expect(JSON.stringify(form.card)).toContain('"choices.data":{"type":"Data.Query","dataset":"add_partner:azure"');
    const found = await h.search('yuki-suzuki', { dataset: 'add_partner:azure', queryText: 'ninety nine partners 1', queryOptions: { top: 15 } });
    // 1, 10–19: eleven names contain it.
    expect(found.results.map((r) => r.value).sort()).toEqual(['added-partner-1', ...Array.from({ length: 10 }, (_, i) => `added-partner-1${i}`)].sort());
    // Woodgrove (US) offers Azure too, but is in another region: never offered, whatever is typed.
    expect((await h.search('yuki-suzuki', { dataset: 'add_partner:azure', queryText: 'Woodgrove' })).results).toEqual([]);
  });
});
