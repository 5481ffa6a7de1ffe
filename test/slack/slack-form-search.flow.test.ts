import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateBlocks } from '../../adapters/slack/block-kit';
import type { Organization } from '../../domain';
import { generatedDirectory, seededDataDir } from '../support/generated-store';
import { textOf, createSlackHarness, PEOPLE, type PostedMessage, type SlackHarness } from './support/slack-harness';

/**
 * Issue 19 on Slack, through signed HTTP requests and the fake Web API: with a generated M directory
 * beside the sample, the add-partner form's partner choice is an external_select; Slack's
 * block_suggestion requests are answered in the acknowledgement (Bolt's options answer) with only
 * eligible partners, and a typed name is taken. Static selects hold at most 100 options: the menu
 * never gets more.
 */
type Rec = Record<string, unknown>;
const generated = generatedDirectory('M');
const byId = new Map<string, Organization>(generated.organizations.map((o) => [o.id, o]));
const last = (list: PostedMessage[]): PostedMessage => {
  const m = list.at(-1);
  if (!m) throw new Error('nothing was shown');
  return m;
};
const inputElements = (m: PostedMessage) => (m.blocks as Rec[]).filter((b) => b.type === 'input').map((b) => b.element as Rec);

describe('Slack: a long list of partners is searched as the person types (issue 19, M directory)', () => {
  let seeded: string;
  let dataDir: string;
  let h: SlackHarness;
  beforeAll(async () => {
    seeded = await seededDataDir('M');
  }, 120_000);
  afterAll(() => rmSync(seeded, { recursive: true, force: true }));
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'pl-m-slack-'));
    cpSync(seeded, dataDir, { recursive: true });
    h = await createSlackHarness({ dataDir });
  });
  afterEach(() => h.destroy());

  const isEligible = async (partnerId: string) => {
    const yuki = (await h.store.directory.getPerson('yuki-suzuki'))!;
    const v = await h.runtime.service.validate({ kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId, workload: 'azure' }, yuki);
    return v.kind === 'checked' && v.verdict.ok;
  };

  it('in English: the menu loads eligible partners as Yuki types, and her pick is confirmed', async () => {
    await h.dm('yuki', 'Add a second partner for Azure');
    const form = last(h.shown(PEOPLE.yuki.dm));
    expect(validateBlocks(form.blocks)).toEqual([]);
    const select = inputElements(form).find((e) => e.type === 'external_select')!;
    expect(select).toMatchObject({ action_id: 'acs:add_partner:azure', min_query_length: 0 });
    expect(inputElements(form).some((e) => e.type === 'plain_text_input')).toBe(true); // the typed name
    expect(textOf(form)).toContain('Or type the name');

    const word = 'Kestrel';
    const answer = await h.suggest('yuki', form, 'partnerId', word);
    expect(answer.status).toBe(200);
    expect(answer.options.length).toBeGreaterThan(1);
    for (const o of answer.options) {
      expect(o.text.text).toContain(word);
      expect(await isEligible(o.value)).toBe(true);
    }
    const abroad = generated.organizations.filter((o) => o.kind === 'indirect_reseller' && o.name.includes(word) && o.country !== 'JP');
    expect(abroad.length).toBeGreaterThan(0);
    expect(answer.options.some((o) => abroad.some((a) => a.id === o.value))).toBe(false);
    // Nothing is stored for an options request: it is not a delivery of the inbox.
    expect(await h.store.events.listDue('slack', new Date(Date.now() + 60_000))).toEqual([]);

    const picked = answer.options[0]!.value;
    await h.click('yuki', form, 'submit_form', { partnerId: picked });
    const confirmation = last(h.shown(PEOPLE.yuki.dm));
    expect(textOf(confirmation)).toContain(byId.get(picked)!.name);
    expect(textOf(confirmation)).toMatch(/Azure/);
  });

  it('in Japanese: nothing typed yet gives the best partners (at most 100); a typed name nobody eligible has is refused in Japanese', async () => {
    h.api.locales.set(PEOPLE.yuki.userId, 'ja-JP');
    await h.dm('yuki', 'パートナーを追加したい');
    const ask = last(h.shown(PEOPLE.yuki.dm));
    await h.click('yuki', ask, 'submit_form', { workload: 'azure' });
    const form = last(h.shown(PEOPLE.yuki.dm));
    expect(textOf(form)).toContain('または名前を入力');
    const best = await h.suggest('yuki', form, 'partnerId', '');
    expect(best.options.length).toBe(100);
    for (const o of best.options.slice(0, 20)) expect(await isEligible(o.value)).toBe(true);

    await h.click('yuki', form, 'submit_form', { typedName: 'Woodgrove' });
    const again = last(h.shown(PEOPLE.yuki.dm));
    expect(textOf(again)).toContain('「Woodgrove」を名前に含む、ここで選べる組織はありません');
    expect(validateBlocks(again.blocks)).toEqual([]);
  });

  it('an options request for a dataset that is not ours, or one that fails the edge check, gets no options', async () => {
    await h.dm('yuki', 'Add a second partner for Azure');
    const form = last(h.shown(PEOPLE.yuki.dm));
    const block = (form.blocks as Rec[]).find((b) => (b.element as Rec | undefined)?.type === 'external_select')!;
    const forged = { ...form, blocks: [{ ...block, element: { ...(block.element as Rec), action_id: 'acs:add_partner:nonsense' } }] };
    expect((await h.suggest('yuki', forged, 'partnerId', 'Kestrel')).options).toEqual([]);
    const tooLong = await h.suggest('yuki', form, 'partnerId', 'x'.repeat(500));
    expect(tooLong.options).toEqual([]);
  });
});
