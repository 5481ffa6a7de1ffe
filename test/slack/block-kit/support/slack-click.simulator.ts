import type { Block, ButtonElement, InputBlock, OptionObject, SlackBlockActionsPayload, SlackStateValue } from '../../../../adapters/slack/block-kit/block-kit.types';

/**
 * Builds the block_actions payload Slack sends when a button in a message is clicked: the clicked
 * button in `actions`, every input's state in `state.values[block_id][action_id]` (Slack's shapes per
 * element type) and the message's blocks. Entries not given keep the element's initial value.
 */
export type UserEntry =
  | { typed: string | null }
  | { picked: number[] }
  | { date: string | null }
  | { time: string | null }
  | { option: OptionObject };

export function inputBlocks(blocks: Block[]): InputBlock[] {
  return blocks.filter((b): b is InputBlock => b.type === 'input');
}

export function buttons(blocks: Block[]): ButtonElement[] {
  return blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
}

function optionsOf(block: InputBlock): OptionObject[] {
  const el = block.element;
  return 'options' in el ? el.options : [];
}

export function stateOf(block: InputBlock, entry?: UserEntry): SlackStateValue {
  const el = block.element;
  const picked = entry && 'picked' in entry ? entry.picked.map((i) => optionsOf(block)[i]!) : undefined;
  switch (el.type) {
    case 'plain_text_input':
    case 'number_input':
      return { type: el.type, value: entry && 'typed' in entry ? entry.typed : (el.initial_value ?? null) };
    case 'static_select':
    case 'radio_buttons':
      return { type: el.type, selected_option: picked ? (picked[0] ?? null) : (el.initial_option ?? null) };
    case 'external_select':
      // Issue 19: the options came from the app; a test picks by value.
      return { type: el.type, selected_option: entry && 'option' in entry ? entry.option : (el.initial_option ?? null) };
    case 'multi_static_select':
    case 'checkboxes':
      return { type: el.type, selected_options: picked ?? el.initial_options ?? [] };
    case 'datepicker':
      return { type: el.type, selected_date: entry && 'date' in entry ? entry.date : (el.initial_date ?? null) };
    case 'timepicker':
      return { type: el.type, selected_time: entry && 'time' in entry ? entry.time : (el.initial_time ?? null) };
  }
}

export function simulateClick(
  blocks: Block[],
  button: ButtonElement,
  entries: Map<string, UserEntry> = new Map(),
  opts: { withMessage?: boolean } = {},
): SlackBlockActionsPayload {
  const values: Record<string, Record<string, SlackStateValue>> = {};
  for (const block of inputBlocks(blocks)) {
    values[block.block_id] = { [block.element.action_id]: stateOf(block, entries.get(block.block_id)) };
  }
  const container = blocks.find((b) => b.type === 'actions' && b.elements.includes(button));
  return {
    type: 'block_actions',
    user: { id: 'U0TEST', team_id: 'T0TEST' },
    actions: [{ type: 'button', action_id: button.action_id, block_id: container?.block_id ?? 'auto', value: button.value }],
    state: { values },
    ...(opts.withMessage === false ? {} : { message: { blocks: JSON.parse(JSON.stringify(blocks)) as unknown[] } }),
  };
}
