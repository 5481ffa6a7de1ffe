import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardBytes, CARD_BUDGET_BYTES, SEARCHABLE_LISTED } from '../../cards';
import type { Organization } from '../../domain';
import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';
import { generatedDirectory, seededDataDir } from '../support/generated-store';

/**
 * Issue 19: with a generated M directory (2,000 resellers) beside the sample, Yamato Manufacturing (JP)
 * has hundreds of partners eligible for Azure: more than a card can list. The form lists the best few,
 * its partner choice searches (Teams typeahead: choices.data, answered by an application/search
 * invoke) and it takes a typed name; every answer holds only eligible partners.
 */
type Rec = Record<string, unknown>;
const generated = generatedDirectory('M');
const byId = new Map<string, Organization>(generated.organizations.map((o) => [o.id, o]));

/** Every element of the card with this type (nested ones too). */
function elements(card: unknown, type: string): Rec[] {
  const out: Rec[] = [];
  const stack: unknown[] = [card];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      if ((x as Rec).type === type) out.push(x as Rec);
      stack.push(...Object.values(x as Rec));
    }
  }
  return out;
}
const partnerChoice = (card: unknown) => elements(card, 'Input.ChoiceSet').find((e) => e.id === 'partnerId')!;

describe('a form with more eligible partners than it lists searches and takes a typed name (issue 19, Teams, M directory)', () => {
  let seeded: string;
  let dataDir: string;
  let h: BotHarness;
  beforeAll(async () => {
    seeded = await seededDataDir('M');
  }, 120_000);
  afterAll(() => rmSync(seeded, { recursive: true, force: true }));
  // Each test starts from its own copy of the seeded store: no conversation carries over.
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pl-m-copy-'));
    cpSync(seeded, dataDir, { recursive: true });
    h = await createBotHarness({ dataDir });
  });
  afterEach(async () => {
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const isEligible = async (partnerId: string) => {
    const v = await h.service.validate({ kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId, workload: 'azure' }, h.person('yuki-suzuki'));
    return v.kind === 'checked' && v.verdict.ok;
  };

  it('in English: the best few are listed, the search answers only eligible partners, a typed name is taken', async () => {
    const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure')).at(-1)!;
    const choice = partnerChoice(form.card);
    expect(choice['choices.data']).toEqual({ type: 'Data.Query', dataset: 'add_partner:azure', count: SEARCHABLE_LISTED });
    expect(choice.style).toBe('filtered');
    const listed = (choice.choices as { value: string }[]).map((c) => c.value);
    expect(listed.length).toBe(SEARCHABLE_LISTED);
    expect(elements(form.card, 'Input.Text').map((e) => e.id)).toContain('typedName');
    expect(form.cardText).toContain('Or type the name');
    expect(cardBytes(form.card)).toBeLessThan(CARD_BUDGET_BYTES);

    // The search: a word many partners share, in Japan (eligible) and elsewhere (not).
    const word = 'Kestrel';
    const elsewhere = generated.organizations.filter((o) => o.kind === 'indirect_reseller' && o.name.includes(word) && o.country !== 'JP');
    expect(elsewhere.length).toBeGreaterThan(0);
    const found = await h.search('yuki-suzuki', { dataset: 'add_partner:azure', queryText: word, queryOptions: { skip: 0, top: 15 } });
    expect(found.status).toBe(200);
    expect(found.body?.type).toBe('application/vnd.microsoft.search.searchResponse');
    expect(found.results.length).toBeGreaterThan(1);
    expect(found.results.length).toBeLessThanOrEqual(15);
    for (const r of found.results) {
      expect(r.title).toContain(word);
      expect(await isEligible(r.value)).toBe(true);
      expect(byId.get(r.value)?.country).toBe('JP');
    }
    expect(found.results.some((r) => elsewhere.some((o) => o.id === r.value))).toBe(false);
    expect(found.replies).toEqual([]);

    // A typed name that is not among the listed ones: exactly one eligible partner has it.
    const target = found.results.find((r) => !listed.includes(r.value))!;
    const name = byId.get(target.value)!.name;
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, typedName: `  ${name.toLowerCase()} ` })).answer!;
    expect(confirmation.cardText).toContain(name);
    expect(confirmation.cardText).toMatch(/Azure/);
  });

  it('in English: a typed name of an ineligible partner is refused, several matches are listed to pick from', async () => {
    const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure')).at(-1)!;
    const abroad = generated.organizations.find((o) => o.kind === 'indirect_reseller' && o.country === 'US')!;
    const none = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, typedName: abroad.name })).answer!;
    expect(none.cardText).toContain(`No organization you can choose here has “${abroad.name}” in its name`);
    expect(strings(partnerChoice(none.card).choices)).not.toContain(abroad.name);

    const several = (await h.execute('yuki-suzuki', { ...buttonData(none.card, 'submit_form')!, typedName: 'Maple' })).answer!;
    expect(several.cardText).toContain('Several organizations you can choose have “Maple” in their name');
    const choices = partnerChoice(several.card).choices as { title: string; value: string }[];
    expect(choices.length).toBeGreaterThan(1);
    for (const c of choices) {
      expect(c.title).toContain('Maple');
      expect(await isEligible(c.value)).toBe(true);
    }
    // Picking one of them goes on to the confirmation.
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(several.card, 'submit_form')!, partnerId: choices[0]!.value })).answer!;
    expect(confirmation.cardText).toContain(byId.get(choices[0]!.value)!.name);
  });

  it('in Japanese: the same search and the refusal of a typed name, in Japanese', async () => {
    const [ask] = await h.say('yuki-suzuki', 'パートナーを追加したい', 'ja-JP');
    const form = (await h.execute('yuki-suzuki', { ...buttonData(ask!.card, 'submit_form')!, workload: 'azure' }, 'ja-JP')).answer!;
    expect(partnerChoice(form.card)['choices.data']).toMatchObject({ dataset: 'add_partner:azure' });
    expect(form.cardText).toContain('または名前を入力');
    const found = await h.search('yuki-suzuki', { dataset: 'add_partner:azure', queryText: 'maple' }, 'ja-JP');
    expect(found.results.length).toBeGreaterThan(0);
    for (const r of found.results) expect(await isEligible(r.value)).toBe(true);
    const none = (await h.execute('yuki-suzuki', { ...buttonData(form.card, 'submit_form')!, typedName: 'Woodgrove' }, 'ja-JP')).answer!;
    expect(none.cardText).toContain('「Woodgrove」を名前に含む、ここで選べる組織はありません');
  });

  it('the search value is checked at the edge; a dataset the person cannot ask about answers nothing', async () => {
    expect((await h.search('yuki-suzuki', { dataset: 'add_partner:bitcoin', queryText: 'a' })).status).toBe(400);
    expect((await h.search('yuki-suzuki', { dataset: { $gt: '' }, queryText: 'a' })).status).toBe(400);
    expect((await h.search('yuki-suzuki', { dataset: 'add_partner:azure', queryText: 'x'.repeat(500) })).status).toBe(400);
    // A customer cannot link with a distributor, so that search is empty; so is another customer's subscription.
    expect((await h.search('yuki-suzuki', { dataset: 'link_distributor', queryText: '' })).results).toEqual([]);
    const other = generated.subscriptions[0]!;
    expect((await h.search('yuki-suzuki', { dataset: `multichannel_support:${other.id}`, queryText: '' })).results).toEqual([]);
    // Nothing typed yet: the best choices, as the form lists them.
    const best = await h.search('yuki-suzuki', { dataset: 'add_partner:azure', queryText: '', queryOptions: { top: 15 } });
    const form = (await h.say('yuki-suzuki', 'Add a second partner for Azure')).at(-1)!;
    expect(best.results.map((r) => r.value)).toEqual((partnerChoice(form.card).choices as { value: string }[]).map((c) => c.value));
  });
});
