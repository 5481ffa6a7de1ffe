import fc from 'fast-check';
import { BlockKitError, clickToActionData, decodeInputBlockId, renderCard, validateBlocks } from '../../../adapters/slack/block-kit';
import { tokenFor } from '../../../adapters/slack/block-kit/input-ids.codec';
import { anyCard, anyEntrySeed, type EntrySeed } from './support/card.arbitraries';
import { buttons, inputBlocks, simulateClick, type UserEntry } from './support/slack-click.simulator';
import { entryFor, modelOf, type CardModel, type OracleButton } from './support/teams.oracle';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };
const memoryStash = () => {
  const store = new Map<string, string>();
  return { stash: (json: string) => (store.set(`k${store.size}`, json), `k${store.size - 1}`), unstash: (k: string) => store.get(k) };
};
const EMPTY_SEED: EntrySeed = { typed: null, number: '', date: null, time: null, picks: [] };

/** What Teams sends for `button` when the inputs hold what `entries` describe (see teams.oracle.ts). */
function expectedClick(button: Extract<OracleButton, { action: unknown }>, model: CardModel, values: (string | undefined)[], invalid: number) {
  const a = button.action;
  const actionId = typeof a.id === 'string' && a.id !== '' ? { actionId: a.id } : {};
  if (button.kind === 'submit' && typeof a.data === 'string') return { ok: true, kind: 'submit', data: {}, text: a.data, ...actionId };
  const data: Record<string, unknown> = typeof a.data === 'object' && a.data !== null && !Array.isArray(a.data) ? JSON.parse(JSON.stringify(a.data)) : {};
  const define = (k: string, v: unknown) => Object.defineProperty(data, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (typeof a.associatedInputs !== 'string' || a.associatedInputs.toLowerCase() !== 'none') {
    if (invalid >= 0) return { ok: false, error: 'invalid_input', inputIds: [model.inputs[invalid]!.input.id] };
    const missing = model.inputs.filter((i, n) => i.input.isRequired === true && values[n] === undefined).map((i) => i.input.id);
    if (missing.length) return { ok: false, error: 'required_input_missing', inputIds: missing, inputLabels: missing.map(() => expect.any(String)) };
    for (const [k, v] of model.hidden) define(k, v);
    model.inputs.forEach((i, n) => values[n] !== undefined && define(i.input.id as string, values[n]));
  }
  if (button.kind === 'execute') return { ok: true, kind: 'execute', ...(typeof a.verb === 'string' ? { verb: a.verb } : {}), data, ...actionId };
  return { ok: true, kind: 'submit', data, ...actionId };
}

describe('properties over arbitrary Adaptive Cards', () => {
  it('regression (found by the property below): a heading made only of control characters renders no empty header', () => {
    for (const text of ['\u0000', '\u0007\u001f', ' \u0000 ']) {
      const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, style: 'heading' }, { type: 'TextBlock', text: 'after' }], actions: [] };
      const message = renderCard(card, { stash: memoryStash().stash });
      expect(validateBlocks(message.blocks)).toEqual([]);
      expect(message.blocks.some((b) => b.type === 'header')).toBe(false);
    }
  });

  it('renders valid Block Kit for messages and modals, and never throws (given a stash)', () => {
    fc.assert(
      fc.property(anyCard, (card) => {
        const { stash } = memoryStash();
        const message = renderCard(card, { stash });
        expect(validateBlocks(message.blocks)).toEqual([]);
        expect(message.text.trim().length).toBeGreaterThan(0);
        expect(message.text.length).toBeLessThanOrEqual(3000);
        expect(message.text).not.toMatch(/<[@!#]/);
        const modal = renderCard(card, { stash, surface: 'modal', locale: 'ja' });
        expect(validateBlocks(modal.blocks, { surface: 'modal' })).toEqual([]);
      }),
      RUNS,
    );
  });

  it('without a stash, the only possible error is a typed ACTION_PAYLOAD_TOO_LARGE', () => {
    fc.assert(
      fc.property(anyCard, (card) => {
        try {
          expect(validateBlocks(renderCard(card).blocks)).toEqual([]);
        } catch (e) {
          expect(e).toBeInstanceOf(BlockKitError);
          expect((e as BlockKitError).code).toBe('ACTION_PAYLOAD_TOO_LARGE');
        }
      }),
      RUNS,
    );
  });

  it('every input is an input block mapping back to its id, and every click maps back to what Teams sends', () => {
    fc.assert(
      fc.property(anyCard, fc.array(anyEntrySeed, { maxLength: 12 }), (card, seeds) => {
        const { stash, unstash } = memoryStash();
        const { blocks } = renderCard(card, { stash });
        fc.pre(blocks.length < 50); // a card cut at 50 blocks has its own test
        const model = modelOf(card);

        const rendered = inputBlocks(blocks);
        expect(rendered).toHaveLength(model.inputs.length);
        rendered.forEach((block, n) => {
          const { input, kind } = model.inputs[n]!;
          const ref = decodeInputBlockId(block.block_id)!;
          expect(ref.kind).toBe(kind);
          expect(block.element.action_id).toBe(block.block_id);
          if (ref.id !== undefined) expect(ref.id).toBe(input.id);
          else expect(ref.token).toBe(tokenFor(input.id as string));
        });

        const shown = buttons(blocks);
        expect(shown).toHaveLength(model.buttons.length);
        const acts = model.inputs.map((i, n) => entryFor(i, seeds.length ? seeds[n % seeds.length]! : EMPTY_SEED));
        const entries = new Map<string, UserEntry>(rendered.map((b, n) => [b.block_id, acts[n]!.entry]));
        const invalid = acts.findIndex((a) => a.invalid);
        model.buttons.forEach((expected, n) => {
          const got = clickToActionData(simulateClick(blocks, shown[n]!, entries), { unstash });
          if (!('action' in expected)) {
            expect(got).toMatchObject({ ok: true, kind: expected.kind });
            return;
          }
          const want = expectedClick(expected, model, acts.map((a) => a.value), invalid);
          expect(want.ok ? got : { ...got, message: undefined }).toEqual(want.ok ? want : { ...want, message: undefined });
        });
      }),
      RUNS,
    );
  });
});
