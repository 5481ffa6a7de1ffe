import { clickToActionData, decodeInputBlockId, renderCard, validateBlocks } from '../../../adapters/slack/block-kit';
import type { InputBlock, SectionBlock } from '../../../adapters/slack/block-kit/block-kit.types';
import { card, submit, text } from './support/cards';
import { buttons, inputBlocks, simulateClick } from './support/slack-click.simulator';

describe("renderCard enforces Slack's limits", () => {
  it('51+ blocks: the first blocks, a note, then the card actions; 50 blocks in all', () => {
    const body = Array.from({ length: 60 }, (_, i) => text(`line ${i}`, { separator: true }));
    const { blocks, truncated } = renderCard(card([{ type: 'Input.Text', id: 'early' }, ...body, { type: 'Input.Text', id: 'late', value: 'kept' }], [submit('Approve', { op: 'ok' })]));
    expect(blocks).toHaveLength(50);
    expect(truncated).toBe(true);
    expect(validateBlocks(blocks)).toEqual([]);
    expect(blocks[48]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Some content was shortened to fit in Slack.', verbatim: true }] });
    expect(blocks[49]).toMatchObject({ type: 'actions', elements: [{ text: { text: 'Approve' } }] });
    // The cut input still submits its initial value, as Teams would.
    const click = clickToActionData(simulateClick(blocks, buttons(blocks)[0]!));
    expect(click).toEqual({ ok: true, kind: 'submit', data: { op: 'ok', late: 'kept' } });
  });

  it('a card with exactly 50 blocks is not shortened', () => {
    const body = Array.from({ length: 50 }, (_, i) => ({ type: 'Image', url: `https://i.example/${i}.png` }));
    const r = renderCard(card(body));
    expect(r.blocks).toHaveLength(50);
    expect(r.truncated).toBe(false);
  });

  it('3001-char text is split into sections at line breaks; one over-long line is cut with an ellipsis', () => {
    const lines = Array.from({ length: 4 }, () => 'x'.repeat(1000)).join('\n');
    const split = renderCard(card([text(lines)]));
    expect(split.blocks).toHaveLength(2);
    expect(split.truncated).toBe(false);
    const one = renderCard(card([text('y'.repeat(3001))]));
    const section = one.blocks[0] as SectionBlock;
    expect(section.text!.text).toHaveLength(3000);
    expect(section.text!.text.endsWith('…')).toBe(true);
    expect(one.truncated).toBe(true);
    expect(validateBlocks(one.blocks)).toEqual([]);
  });

  it('a cut never breaks a link or an escaped character', () => {
    const md = `${'a'.repeat(2990)} [link](https://example.com/very/long/path)`;
    const section = renderCard(card([text(md)])).blocks[0] as SectionBlock;
    expect(section.text!.text).toBe(`${'a'.repeat(2990)}…`);
    const amp = renderCard(card([text(`${'b'.repeat(2997)}&&&`)])).blocks[0] as SectionBlock;
    expect(amp.text!.text).not.toMatch(/&a?m?p?…$/);
  });

  it('80-char button title -> 75 chars with an ellipsis', () => {
    const { blocks } = renderCard(card([], [submit('T'.repeat(80))]));
    const title = buttons(blocks)[0]!.text.text;
    expect(title).toHaveLength(75);
    expect(title.endsWith('…')).toBe(true);
  });

  it('30 actions -> two actions blocks of 25 and 5', () => {
    const actions = Array.from({ length: 30 }, (_, i) => submit(`A${i}`, { i }));
    const { blocks } = renderCard(card([{ type: 'ActionSet', actions }]));
    expect(blocks.map((b) => (b.type === 'actions' ? b.elements.length : 0))).toEqual([25, 5]);
    expect(new Set(buttons(blocks).map((b) => b.action_id)).size).toBe(30);
    expect(validateBlocks(blocks)).toEqual([]);
  });

  it('120 options -> the first 100 and a hint; long option titles and values fit', () => {
    const choices = Array.from({ length: 120 }, (_, i) => ({ title: `Choice ${i} ${'t'.repeat(80)}`, value: i === 7 ? `v7-${'v'.repeat(160)}` : `v${i}` }));
    const { blocks, truncated } = renderCard(card([{ type: 'Input.ChoiceSet', id: 'c', label: 'Pick', choices }], [submit('Go')]));
    expect(validateBlocks(blocks)).toEqual([]);
    expect(truncated).toBe(true);
    const input = inputBlocks(blocks)[0]!;
    expect(input.hint).toEqual({ type: 'plain_text', text: 'Showing the first 100 of 120 choices.' });
    const options = (input.element as { options: { text: { text: string }; value: string }[] }).options;
    expect(options).toHaveLength(100);
    expect(options[0]!.text.text).toHaveLength(75);
    expect(options[7]!.value.length).toBeLessThanOrEqual(150);
    // A long value travels as a token and comes back whole.
    const click = clickToActionData(simulateClick(blocks, buttons(blocks)[0]!, new Map([[input.block_id, { picked: [7] }]])));
    expect(click).toEqual({ ok: true, kind: 'submit', data: { c: choices[7]!.value } });
  });

  it('many long choice values overflow the button value: a stash is needed, never a silent cut', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ title: `C${i}`, value: `${i}-${'v'.repeat(160)}` }));
    const c = card([{ type: 'Input.ChoiceSet', id: 'c', label: 'Pick', choices }], [submit('Go')]);
    expect(() => renderCard(c)).toThrow(expect.objectContaining({ code: 'ACTION_PAYLOAD_TOO_LARGE' }));
    const store = new Map<string, string>();
    const { blocks } = renderCard(c, { stash: (json) => (store.set('k', json), 'k') });
    const input = inputBlocks(blocks)[0]!;
    const click = clickToActionData(simulateClick(blocks, buttons(blocks)[0]!, new Map([[input.block_id, { picked: [39] }]])), { unstash: (k) => store.get(k) });
    expect(click).toEqual({ ok: true, kind: 'submit', data: { c: choices[39]!.value } });
  });

  it('300-char input ids -> stable hashed block_ids that map back through the payload', () => {
    const id = `field-${'x'.repeat(294)}`;
    const other = `field-${'y'.repeat(294)}`;
    const c = card([{ type: 'Input.Text', id }, { type: 'Input.Text', id: other }], [submit('Go')]);
    const first = renderCard(c);
    const again = renderCard(c);
    const [a, b] = inputBlocks(first.blocks) as [InputBlock, InputBlock];
    expect(a.block_id.length).toBeLessThanOrEqual(255);
    expect(a.block_id).toBe(inputBlocks(again.blocks)[0]!.block_id);
    expect(a.block_id).not.toBe(b.block_id);
    expect(decodeInputBlockId(a.block_id)).toEqual({ kind: 'text', required: false, token: expect.stringMatching(/^~/) });
    const click = clickToActionData(simulateClick(first.blocks, buttons(first.blocks)[0]!, new Map([[a.block_id, { typed: 'A' }], [b.block_id, { typed: 'B' }]])));
    expect(click).toEqual({ ok: true, kind: 'submit', data: { [id]: 'A', [other]: 'B' } });
  });

  it('header, label, placeholder, fields and alt text are fitted', () => {
    const { blocks } = renderCard(
      card([
        { type: 'Input.Text', id: 'x', label: 'L'.repeat(2100), placeholder: 'P'.repeat(200), value: 'v'.repeat(3100) },
        { type: 'FactSet', facts: [{ title: 'T', value: 'v'.repeat(2100) }] },
        { type: 'Image', url: 'https://i.example/a.png', altText: 'a'.repeat(2100) },
      ]),
    );
    expect(validateBlocks(blocks)).toEqual([]);
    const input = inputBlocks(blocks)[0]!;
    expect(input.label.text).toHaveLength(2000);
    expect((input.element as { placeholder: { text: string } }).placeholder.text).toHaveLength(150);
  });
});

describe('validateBlocks catches what Slack would reject', () => {
  it.each([
    ['too many blocks', Array.from({ length: 51 }, () => ({ type: 'divider' }))],
    ['empty section text', [{ type: 'section', text: { type: 'mrkdwn', text: ' ' } }]],
    ['long section text', [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }]],
    ['11 fields', [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }]],
    ['long header', [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }]],
    ['mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'h' } }]],
    ['image without alt text', [{ type: 'image', image_url: 'https://x.example/a.png' }]],
    ['26 buttons', [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => ({ type: 'button', text: { type: 'plain_text', text: 'b' }, action_id: `a${i}` })) }]],
    ['long button text', [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b'.repeat(76) }, action_id: 'a' }] }]],
    ['long button value', [{ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'b' }, action_id: 'a', value: 'v'.repeat(2001) }] }]],
    ['duplicate block ids', [{ type: 'divider', block_id: 'x' }, { type: 'divider', block_id: 'x' }]],
    ['long block id', [{ type: 'divider', block_id: 'x'.repeat(256) }]],
    ['input without label', [{ type: 'input', block_id: 'i', element: { type: 'plain_text_input', action_id: 'i' } }]],
    ['101 options', [{ type: 'input', block_id: 'i', label: { type: 'plain_text', text: 'l' }, element: { type: 'static_select', action_id: 'i', options: Array.from({ length: 101 }, (_, i) => ({ text: { type: 'plain_text', text: 't' }, value: `${i}` })) } }]],
    ['11 radio options', [{ type: 'input', block_id: 'i', label: { type: 'plain_text', text: 'l' }, element: { type: 'radio_buttons', action_id: 'i', options: Array.from({ length: 11 }, (_, i) => ({ text: { type: 'plain_text', text: 't' }, value: `${i}` })) } }]],
    ['initial option not in options', [{ type: 'input', block_id: 'i', label: { type: 'plain_text', text: 'l' }, element: { type: 'static_select', action_id: 'i', options: [{ text: { type: 'plain_text', text: 't' }, value: 'a' }], initial_option: { text: { type: 'plain_text', text: 't' }, value: 'b' } } }]],
    ['number_input in a message', [{ type: 'input', block_id: 'i', label: { type: 'plain_text', text: 'l' }, element: { type: 'number_input', action_id: 'i', is_decimal_allowed: false } }]],
    ['bad initial date', [{ type: 'input', block_id: 'i', label: { type: 'plain_text', text: 'l' }, element: { type: 'datepicker', action_id: 'i', initial_date: '2024-13-01' } }]],
    ['unknown block', [{ type: 'video' }]],
  ])('%s', (_name, blocks) => {
    expect(validateBlocks(blocks)).not.toEqual([]);
  });
});
