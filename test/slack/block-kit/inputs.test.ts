import { decodeInputBlockId, renderCard, validateBlocks } from '../../../adapters/slack/block-kit';
import type { InputBlock } from '../../../adapters/slack/block-kit/block-kit.types';
import { card } from './support/cards';

function inputOf(el: Record<string, unknown>, opts: { surface?: 'message' | 'modal' } = {}): InputBlock {
  const { blocks } = renderCard(card([el]), opts);
  expect(validateBlocks(blocks, opts)).toEqual([]);
  const input = blocks.find((b): b is InputBlock => b.type === 'input');
  if (!input) throw new Error('no input block');
  return input;
}

describe('renderCard: inputs become input blocks keyed by the input id', () => {
  it('Input.Text: label, placeholder, value, required, block_id/action_id from the id', () => {
    const block = inputOf({ type: 'Input.Text', id: 'name', label: 'Your name', placeholder: 'e.g. Aiko', value: 'Ai', isRequired: true, maxLength: 40 });
    expect(block).toEqual({
      type: 'input',
      block_id: 'aciT1:name',
      label: { type: 'plain_text', text: 'Your name' },
      element: {
        type: 'plain_text_input',
        action_id: 'aciT1:name',
        max_length: 40,
        initial_value: 'Ai',
        placeholder: { type: 'plain_text', text: 'e.g. Aiko' },
      },
      optional: false,
    });
    expect(decodeInputBlockId(block.block_id)).toEqual({ kind: 'text', required: true, id: 'name' });
  });

  it('Input.Text multiline, label from placeholder when there is no label, optional by default', () => {
    const block = inputOf({ type: 'Input.Text', id: 'notes', placeholder: 'Notes', isMultiline: true });
    expect(block.label.text).toBe('Notes');
    expect(block.optional).toBe(true);
    expect(block.element).toMatchObject({ type: 'plain_text_input', multiline: true });
    expect(inputOf({ type: 'Input.Text', id: 'x' }).label.text).toBe('Input');
  });

  it('Input.Text inlineAction -> a button under the input', () => {
    const { blocks } = renderCard(card([{ type: 'Input.Text', id: 'q', inlineAction: { type: 'Action.Submit', title: 'Send', data: { a: 1 } } }]));
    expect(blocks.map((b) => b.type)).toEqual(['input', 'actions']);
  });

  it('Input.Number in a message -> plain_text_input (number_input is modal-only)', () => {
    const block = inputOf({ type: 'Input.Number', id: 'qty', label: 'Quantity', value: 3, min: 1, max: 10 });
    expect(block.element).toEqual({ type: 'plain_text_input', action_id: 'aciN0:qty', initial_value: '3' });
  });

  it('Input.Number in a modal -> number_input with min/max; decimals only when needed', () => {
    const whole = inputOf({ type: 'Input.Number', id: 'qty', label: 'Q', value: 3, min: 1, max: 10, placeholder: 'How many' }, { surface: 'modal' });
    expect(whole.element).toEqual({
      type: 'number_input',
      action_id: 'aciN0:qty',
      is_decimal_allowed: false,
      initial_value: '3',
      min_value: '1',
      max_value: '10',
      placeholder: { type: 'plain_text', text: 'How many' },
    });
    const decimal = inputOf({ type: 'Input.Number', id: 'rate', label: 'R', min: 0.5 }, { surface: 'modal' });
    expect(decimal.element).toMatchObject({ is_decimal_allowed: true, min_value: '0.5' });
    const inverted = inputOf({ type: 'Input.Number', id: 'n', label: 'N', min: 5, max: 1, value: 9 }, { surface: 'modal' });
    expect(inverted.element).not.toHaveProperty('min_value');
    expect(renderCard(card([{ type: 'Input.Number', id: 'n' }])).blocks.length).toBe(1);
  });

  it('Input.Date -> datepicker; Input.Time -> timepicker (bad initial values are left out)', () => {
    expect(inputOf({ type: 'Input.Date', id: 'd', label: 'D', value: '2024-02-29' }).element).toEqual({ type: 'datepicker', action_id: 'aciD0:d', initial_date: '2024-02-29' });
    expect(inputOf({ type: 'Input.Date', id: 'd', label: 'D', value: '2023-02-29' }).element).not.toHaveProperty('initial_date');
    expect(inputOf({ type: 'Input.Time', id: 't', label: 'T', value: '09:30' }).element).toEqual({ type: 'timepicker', action_id: 'aciH0:t', initial_time: '09:30' });
    expect(inputOf({ type: 'Input.Time', id: 't', label: 'T', value: '25:00' }).element).not.toHaveProperty('initial_time');
  });

  it('Input.Toggle -> checkboxes with one option, checked when value is valueOn', () => {
    const block = inputOf({ type: 'Input.Toggle', id: 'agree', title: 'I agree', value: 'yes', valueOn: 'yes', valueOff: 'no' });
    expect(block.label.text).toBe('I agree');
    expect(block.element).toEqual({
      type: 'checkboxes',
      action_id: 'aciG0:agree',
      options: [{ text: { type: 'plain_text', text: 'Yes' }, value: 'on' }],
      initial_options: [{ text: { type: 'plain_text', text: 'Yes' }, value: 'on' }],
    });
    const labelled = inputOf({ type: 'Input.Toggle', id: 'a', label: 'Terms', title: 'I accept the terms' });
    expect(labelled.element).toMatchObject({ options: [{ text: { text: 'I accept the terms' } }] });
    expect(labelled.element).not.toHaveProperty('initial_options');
  });

  const choices = [
    { title: 'Red', value: 'r' },
    { title: 'Green', value: 'g' },
    { title: 'Blue', value: 'b' },
  ];

  it('ChoiceSet compact -> static_select; multi -> multi_static_select with initial options', () => {
    expect(inputOf({ type: 'Input.ChoiceSet', id: 'c', label: 'Colour', choices, value: 'g', placeholder: 'Pick' }).element).toEqual({
      type: 'static_select',
      action_id: 'aciC0:c',
      options: choices.map((c) => ({ text: { type: 'plain_text', text: c.title }, value: c.value })),
      initial_option: { text: { type: 'plain_text', text: 'Green' }, value: 'g' },
      placeholder: { type: 'plain_text', text: 'Pick' },
    });
    const multi = inputOf({ type: 'Input.ChoiceSet', id: 'm', label: 'Colours', choices, isMultiSelect: true, value: 'b,r,zzz' });
    expect(multi.element).toMatchObject({ type: 'multi_static_select', action_id: 'aciM0:m', initial_options: [{ value: 'r' }, { value: 'b' }] });
  });

  it('ChoiceSet expanded -> radio_buttons / checkboxes; filtered -> static_select', () => {
    expect(inputOf({ type: 'Input.ChoiceSet', id: 'c', label: 'C', choices, style: 'expanded', value: 'r' }).element).toMatchObject({ type: 'radio_buttons', initial_option: { value: 'r' } });
    expect(inputOf({ type: 'Input.ChoiceSet', id: 'c', label: 'C', choices, style: 'Expanded', isMultiSelect: true }).element).toMatchObject({ type: 'checkboxes' });
    expect(inputOf({ type: 'Input.ChoiceSet', id: 'c', label: 'C', choices, style: 'filtered' }).element).toMatchObject({ type: 'static_select' });
  });

  it('an expanded ChoiceSet with more than 10 choices becomes a menu (Slack allows 10 radio options)', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ title: `C${i}`, value: `${i}` }));
    expect(inputOf({ type: 'Input.ChoiceSet', id: 'c', label: 'C', choices: many, style: 'expanded' }).element.type).toBe('static_select');
  });

  it('duplicate choice values keep the first; empty titles show the value', () => {
    const block = inputOf({ type: 'Input.ChoiceSet', id: 'c', label: 'C', choices: [{ title: 'A', value: 'a' }, { title: 'A again', value: 'a' }, { title: '', value: 'b' }] });
    expect(block.element).toMatchObject({ options: [{ text: { text: 'A' }, value: 'a' }, { text: { text: 'b' }, value: 'b' }] });
  });

  it('inputs without an id are not rendered (Teams never submits them); hidden inputs are not shown', () => {
    const { blocks } = renderCard(card([{ type: 'Input.Text', label: 'no id' }, { type: 'Input.Text', id: 'h', isVisible: false }, { type: 'TextBlock', text: 'x' }]));
    expect(blocks.map((b) => b.type)).toEqual(['section']);
  });

  it('a repeated input id still gives unique block_ids', () => {
    const { blocks } = renderCard(card([{ type: 'Input.Text', id: 'dup' }, { type: 'Input.Text', id: 'dup' }]));
    expect(validateBlocks(blocks)).toEqual([]);
    expect(blocks.map((b) => (b as InputBlock).block_id)).toEqual(['aciT0:dup', 'aciT0.2:dup']);
    expect(decodeInputBlockId('aciT0.2:dup')).toEqual({ kind: 'text', required: false, id: 'dup' });
  });
});
