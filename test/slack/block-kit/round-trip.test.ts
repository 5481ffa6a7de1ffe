import { clickToActionData, decodeInputBlockId, renderCard, validateBlocks } from '../../../adapters/slack/block-kit';
import type { InputBlock } from '../../../adapters/slack/block-kit/block-kit.types';
import { buttons, inputBlocks, simulateClick, type UserEntry } from './support/slack-click.simulator';

/** A form with every input type and two actions, as the bot would author it for Teams. */
const FORM = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Add a partner', style: 'heading' },
    { type: 'Input.Text', id: 'partnerName', label: 'Partner name', isRequired: true },
    { type: 'Input.Text', id: 'notes', label: 'Notes', isMultiline: true, value: 'none yet' },
    { type: 'Input.Number', id: 'seats', label: 'Seats', min: 1, max: 500, value: 10 },
    { type: 'Input.Date', id: 'start', label: 'Start date' },
    { type: 'Input.Time', id: 'callAt', label: 'Call at', value: '09:00' },
    {
      type: 'Input.ChoiceSet',
      id: 'workload',
      label: 'Workload',
      choices: [
        { title: 'Microsoft 365', value: 'm365' },
        { title: 'Azure', value: 'azure' },
        { title: 'Dynamics 365', value: 'd365' },
      ],
    },
    {
      type: 'Input.ChoiceSet',
      id: 'regions',
      label: 'Regions',
      isMultiSelect: true,
      choices: [
        { title: 'Japan', value: 'JP' },
        { title: 'Korea', value: 'KR' },
        { title: 'Singapore', value: 'SG' },
      ],
    },
    {
      type: 'Input.ChoiceSet',
      id: 'tier',
      label: 'Tier',
      style: 'expanded',
      value: 'silver',
      choices: [
        { title: 'Gold', value: 'gold' },
        { title: 'Silver', value: 'silver' },
      ],
    },
    {
      type: 'Input.ChoiceSet',
      id: 'channels',
      label: 'Channels',
      style: 'expanded',
      isMultiSelect: true,
      choices: [
        { title: 'Teams', value: 'teams' },
        { title: 'Slack', value: 'slack' },
      ],
    },
    { type: 'Input.Toggle', id: 'notify', title: 'Notify the partner', valueOn: 'yes', valueOff: 'no' },
    { type: 'Input.Toggle', id: 'urgent', title: 'Urgent' },
  ],
  actions: [
    { type: 'Action.Submit', title: 'Save draft', data: { action: 'saveDraft', formVersion: 2 } },
    { type: 'Action.Execute', title: 'Send', verb: 'addPartner', data: { requestId: 'R-1' }, style: 'positive' },
  ],
};

describe('round trip: a Teams form rendered for Slack, clicked, mapped back', () => {
  const { blocks } = renderCard(FORM);
  const inputs = inputBlocks(blocks);
  // Find each input block by the order inputs appear in the card (not via the id codec under test).
  const ids = FORM.body.filter((e) => e.type.startsWith('Input.')).map((e) => (e as { id: string }).id);
  const blockOf = (id: string): InputBlock => inputs[ids.indexOf(id)]!;

  it('renders valid blocks: a header, one input block per input, one actions block', () => {
    expect(validateBlocks(blocks)).toEqual([]);
    expect(blocks.map((b) => b.type)).toEqual(['header', ...ids.map(() => 'input'), 'actions']);
    expect(inputs.map((b) => decodeInputBlockId(b.block_id)?.id)).toEqual(ids);
    expect(inputs.map((b) => b.element.type)).toEqual([
      'plain_text_input',
      'plain_text_input',
      'plain_text_input',
      'datepicker',
      'timepicker',
      'static_select',
      'multi_static_select',
      'radio_buttons',
      'checkboxes',
      'checkboxes',
      'checkboxes',
    ]);
  });

  const entries = new Map<string, UserEntry>([
    [blockOf('partnerName').block_id, { typed: 'Fabrikam <Japan> & Co' }],
    [blockOf('seats').block_id, { typed: '25' }],
    [blockOf('start').block_id, { date: '2024-10-01' }],
    [blockOf('workload').block_id, { picked: [1] }],
    [blockOf('regions').block_id, { picked: [2, 0] }],
    [blockOf('channels').block_id, { picked: [1] }],
    [blockOf('notify').block_id, { picked: [0] }],
  ]);
  // What Teams sends: every value a string, untouched inputs at their initial values, empty ones left
  // out, multi-select values comma-joined in choice order, toggles as valueOn/valueOff.
  const inputValues = {
    partnerName: 'Fabrikam <Japan> & Co',
    notes: 'none yet',
    seats: '25',
    start: '2024-10-01',
    callAt: '09:00',
    workload: 'azure',
    regions: 'JP,SG',
    tier: 'silver',
    channels: 'slack',
    notify: 'yes',
    urgent: 'false',
  };

  it('Action.Submit -> the message activity value Teams would send', () => {
    const save = buttons(blocks)[0]!;
    expect(clickToActionData(simulateClick(blocks, save, entries))).toEqual({
      ok: true,
      kind: 'submit',
      data: { action: 'saveDraft', formVersion: 2, ...inputValues },
    });
  });

  it('Action.Execute -> the adaptiveCard/action verb and data Teams would send', () => {
    const send = buttons(blocks)[1]!;
    expect(clickToActionData(simulateClick(blocks, send, entries))).toEqual({
      ok: true,
      kind: 'execute',
      verb: 'addPartner',
      data: { requestId: 'R-1', ...inputValues },
    });
  });

  it('also works from a modal view (view.state and view.blocks instead of state and message)', () => {
    const modal = renderCard(FORM, { surface: 'modal' });
    expect(validateBlocks(modal.blocks, { surface: 'modal' })).toEqual([]);
    const payload = simulateClick(modal.blocks, buttons(modal.blocks)[1]!, entries);
    const asView = { ...payload, state: undefined, message: undefined, view: { blocks: payload.message!.blocks, state: payload.state } };
    expect(clickToActionData(asView)).toMatchObject({ ok: true, kind: 'execute', data: { requestId: 'R-1', ...inputValues } });
  });
});
