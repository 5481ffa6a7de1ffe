import { clickToActionData, renderCard } from '../../../adapters/slack/block-kit';
import { card, submit } from './support/cards';
import { buttons, inputBlocks, simulateClick, type UserEntry } from './support/slack-click.simulator';

function formClick(body: unknown[], entries: Record<number, UserEntry> = {}, action: unknown = submit('Go', { a: 1 }), opts = {}) {
  const { blocks } = renderCard(card(body, [action]));
  const inputs = inputBlocks(blocks);
  const map = new Map(Object.entries(entries).map(([i, e]) => [inputs[Number(i)]!.block_id, e]));
  return clickToActionData(simulateClick(blocks, buttons(blocks)[0]!, map), opts);
}

describe('clickToActionData: Teams input value conventions', () => {
  it('text, number (as a string), date, time, choices and toggles', () => {
    const r = formClick(
      [
        { type: 'Input.Text', id: 't' },
        { type: 'Input.Number', id: 'n' },
        { type: 'Input.Date', id: 'd' },
        { type: 'Input.Time', id: 'h' },
        { type: 'Input.ChoiceSet', id: 'c', choices: [{ title: 'A', value: 'a' }, { title: 'B', value: 'b' }] },
        { type: 'Input.ChoiceSet', id: 'm', isMultiSelect: true, choices: [{ title: 'A', value: 'a' }, { title: 'B', value: 'b' }, { title: 'C', value: 'c' }] },
        { type: 'Input.Toggle', id: 'g', title: 'On?' },
      ],
      { 0: { typed: 'hi' }, 1: { typed: ' 007.50 ' }, 2: { date: '2024-05-01' }, 3: { time: '17:45' }, 4: { picked: [1] }, 5: { picked: [2, 0] }, 6: { picked: [0] } },
    );
    // Multi-select values follow the order of the choices, as Teams joins them.
    expect(r).toEqual({ ok: true, kind: 'submit', data: { a: 1, t: 'hi', n: '7.5', d: '2024-05-01', h: '17:45', c: 'b', m: 'a,c', g: 'true' } });
  });

  it('empty inputs are left out, an unchecked toggle sends valueOff; emptyInputs "empty-string" sends ""', () => {
    const body = [
      { type: 'Input.Text', id: 't' },
      { type: 'Input.ChoiceSet', id: 'm', isMultiSelect: true, choices: [{ title: 'A', value: 'a' }] },
      { type: 'Input.Toggle', id: 'g', title: 'On?', valueOn: 'Y', valueOff: 'N' },
    ];
    expect(formClick(body)).toEqual({ ok: true, kind: 'submit', data: { a: 1, g: 'N' } });
    expect(formClick(body, {}, undefined, { emptyInputs: 'empty-string' })).toEqual({ ok: true, kind: 'submit', data: { a: 1, t: '', m: '', g: 'N' } });
  });

  it('untouched inputs keep their initial values, also when Slack leaves them out of state', () => {
    const { blocks } = renderCard(card([{ type: 'Input.Text', id: 't', value: 'initial' }, { type: 'Input.Toggle', id: 'g', title: 'x', value: 'true' }], [submit('Go')]));
    const payload = simulateClick(blocks, buttons(blocks)[0]!);
    expect(clickToActionData(payload)).toEqual({ ok: true, kind: 'submit', data: { t: 'initial', g: 'true' } });
    payload.state = { values: {} };
    expect(clickToActionData(payload)).toEqual({ ok: true, kind: 'submit', data: { t: 'initial', g: 'true' } });
  });

  it('inputs override data keys with the same name, and odd keys survive exactly', () => {
    const r = formClick([{ type: 'Input.Text', id: '__proto__' }, { type: 'Input.Text', id: 'a' }], { 0: { typed: 'p' }, 1: { typed: 'from input' } }, submit('Go', { a: 'from data', constructor: 1, 'we.ird key': true }));
    expect(r.ok).toBe(true);
    const data = (r as { data: Record<string, unknown> }).data;
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toBe('p');
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(data.a).toBe('from input');
    expect(data['we.ird key']).toBe(true);
  });

  it('associatedInputs "none" sends the data only', () => {
    expect(formClick([{ type: 'Input.Text', id: 't' }], { 0: { typed: 'x' } }, submit('Cancel', { op: 'cancel' }, { associatedInputs: 'None' }))).toEqual({ ok: true, kind: 'submit', data: { op: 'cancel' } });
  });

  it('hidden inputs send their initial values, as Teams does', () => {
    const r = formClick([
      { type: 'Input.Text', id: 'secret', value: 'carried', isVisible: false },
      { type: 'Container', isVisible: false, items: [{ type: 'Input.Toggle', id: 'flag', title: 'f' }] },
    ]);
    expect(r).toEqual({ ok: true, kind: 'submit', data: { a: 1, secret: 'carried', flag: 'false' } });
  });

  it('required inputs left empty are refused with their ids and the labels people saw (Teams would not submit)', () => {
    const body = [
      { type: 'Input.Text', id: 'reason', label: 'Reason for rejecting', isRequired: true },
      { type: 'Input.Toggle', id: 'ok', title: 'Sure?', isRequired: true },
      { type: 'Input.Date', id: 'd' },
    ];
    expect(formClick(body)).toEqual({ ok: false, error: 'required_input_missing', message: expect.any(String), inputIds: ['reason', 'ok'], inputLabels: ['Reason for rejecting', 'Sure?'] });
    expect(formClick(body, { 0: { typed: 'because' }, 1: { picked: [0] } })).toEqual({ ok: true, kind: 'submit', data: { a: 1, reason: 'because', ok: 'true' } });
  });

  it('a number that is not a number is refused with the input id', () => {
    expect(formClick([{ type: 'Input.Number', id: 'n' }], { 0: { typed: '12abc' } })).toMatchObject({ ok: false, error: 'invalid_input', inputIds: ['n'] });
    expect(formClick([{ type: 'Input.Number', id: 'n' }], { 0: { typed: '-1e3' } })).toMatchObject({ ok: true, data: { n: '-1000' } });
  });
});

describe('clickToActionData: refuses what it did not write, never throws', () => {
  const { blocks } = renderCard(card([{ type: 'Input.Text', id: 't' }], [submit('Go', { a: 1 })]));
  const good = simulateClick(blocks, buttons(blocks)[0]!);

  it.each([
    ['not an object', null, 'malformed_payload'],
    ['a string', 'payload', 'malformed_payload'],
    ['another interaction type', { ...good, type: 'view_submission' }, 'not_block_actions'],
    ['no actions', { ...good, actions: [] }, 'no_action'],
    ['a foreign button', { ...good, actions: [{ action_id: 'x', value: 'approve' }] }, 'unknown_encoding'],
    ['no value', { ...good, actions: [{ action_id: 'x' }] }, 'unknown_encoding'],
    ['broken JSON', { ...good, actions: [{ value: 'ac1:{"k":' }] }, 'unknown_encoding'],
    ['an unknown kind', { ...good, actions: [{ value: 'ac1:{"k":"z"}' }] }, 'unknown_encoding'],
    ['a wrong field type', { ...good, actions: [{ value: 'ac1:{"k":"s","h":[[1,2]]}' }] }, 'unknown_encoding'],
    ['an oversize value', { ...good, actions: [{ value: 'ac1:' + 'x'.repeat(2001) }] }, 'value_too_large'],
    ['a stashed value with no unstash', { ...good, actions: [{ value: 'ac1#key' }] }, 'stash_missing'],
    ['an oversize text value', { ...good, state: { values: { 'aciT0:t': { 'aciT0:t': { type: 'plain_text_input', value: 'x'.repeat(3001) } } } } }, 'value_too_large'],
    ['a non-string text value', { ...good, state: { values: { 'aciT0:t': { 'aciT0:t': { type: 'plain_text_input', value: 42 } } } } }, 'malformed_payload'],
    ['an unknown hashed id', { ...good, message: undefined, state: { values: { 'aciT0#AAAAAAAAAAAAAAAA': { a: { value: 'x' } } } } }, 'unknown_encoding'],
  ])('%s', (_name, payload, error) => {
    expect(clickToActionData(payload)).toMatchObject({ ok: false, error });
  });

  it('a throwing unstash is reported, not thrown', () => {
    const stashed = { ...good, actions: [{ value: 'ac1#key' }] };
    expect(clickToActionData(stashed, { unstash: () => { throw new Error('db down'); } })).toMatchObject({ ok: false, error: 'stash_missing' });
  });

  it('ignores state entries that are not its inputs', () => {
    const payload = { ...good, state: { values: { other: { sel: { type: 'static_select', selected_option: { value: 'z' } } } } } };
    expect(clickToActionData(payload)).toEqual({ ok: true, kind: 'submit', data: { a: 1 } });
  });
});
