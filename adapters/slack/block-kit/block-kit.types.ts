/**
 * The subset of Slack Block Kit this renderer produces, typed narrowly. The shapes are structurally
 * compatible with @slack/types' `KnownBlock` (a compile-time test checks that), so the adapter can pass
 * `blocks` straight to chat.postMessage or views.open.
 */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
  /** Always true here: Slack then parses no bare "@here", channel names or URLs in card text. */
  verbatim?: boolean;
}

export type TextObject = PlainText | Mrkdwn;

export interface ImageElement {
  type: 'image';
  image_url: string;
  alt_text: string;
}

export interface OptionObject {
  text: PlainText;
  value: string;
}

export interface ButtonElement {
  type: 'button';
  text: PlainText;
  action_id: string;
  value?: string;
  url?: string;
  style?: 'primary' | 'danger';
}

export interface PlainTextInputElement {
  type: 'plain_text_input';
  action_id: string;
  initial_value?: string;
  multiline?: boolean;
  max_length?: number;
  placeholder?: PlainText;
}

export interface NumberInputElement {
  type: 'number_input';
  action_id: string;
  is_decimal_allowed: boolean;
  initial_value?: string;
  min_value?: string;
  max_value?: string;
  placeholder?: PlainText;
}

export interface StaticSelectElement {
  type: 'static_select';
  action_id: string;
  options: OptionObject[];
  initial_option?: OptionObject;
  placeholder?: PlainText;
}

export interface MultiStaticSelectElement {
  type: 'multi_static_select';
  action_id: string;
  options: OptionObject[];
  initial_options?: OptionObject[];
  placeholder?: PlainText;
}

/** Issue 19: options loaded from the app as the person types (a block_suggestion request). */
export interface ExternalSelectElement {
  type: 'external_select';
  action_id: string;
  initial_option?: OptionObject;
  min_query_length?: number;
  placeholder?: PlainText;
}

export interface RadioButtonsElement {
  type: 'radio_buttons';
  action_id: string;
  options: OptionObject[];
  initial_option?: OptionObject;
}

export interface CheckboxesElement {
  type: 'checkboxes';
  action_id: string;
  options: OptionObject[];
  initial_options?: OptionObject[];
}

export interface DatepickerElement {
  type: 'datepicker';
  action_id: string;
  initial_date?: string;
  placeholder?: PlainText;
}

export interface TimepickerElement {
  type: 'timepicker';
  action_id: string;
  initial_time?: string;
  placeholder?: PlainText;
}

export type InputElement =
  | PlainTextInputElement
  | NumberInputElement
  | StaticSelectElement
  | MultiStaticSelectElement
  | ExternalSelectElement
  | RadioButtonsElement
  | CheckboxesElement
  | DatepickerElement
  | TimepickerElement;

export interface SectionBlock {
  type: 'section';
  block_id?: string;
  text?: Mrkdwn;
  fields?: Mrkdwn[];
  accessory?: ImageElement;
}

export interface HeaderBlock {
  type: 'header';
  block_id?: string;
  text: PlainText;
}

export interface ContextBlock {
  type: 'context';
  block_id?: string;
  elements: (Mrkdwn | ImageElement)[];
}

export interface DividerBlock {
  type: 'divider';
  block_id?: string;
}

export interface ImageBlock {
  type: 'image';
  block_id?: string;
  image_url: string;
  alt_text: string;
  title?: PlainText;
}

export interface ActionsBlock {
  type: 'actions';
  block_id?: string;
  elements: ButtonElement[];
}

export interface InputBlock {
  type: 'input';
  block_id: string;
  label: PlainText;
  element: InputElement;
  hint?: PlainText;
  optional?: boolean;
}

export type Block = SectionBlock | HeaderBlock | ContextBlock | DividerBlock | ImageBlock | ActionsBlock | InputBlock;

/** One element's state in a block_actions payload: `state.values[blockId][actionId]`. */
export interface SlackStateValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: unknown } | null;
  selected_options?: { value?: unknown }[] | null;
  selected_date?: string | null;
  selected_time?: string | null;
  [key: string]: unknown;
}

/**
 * The parts of Slack's `block_actions` interaction payload (the JSON in the `payload` form field) that
 * `clickToActionData` reads. `message` is present for clicks in messages, `view` for modals.
 */
export interface SlackBlockActionsPayload {
  type?: string;
  actions?: { action_id?: string; block_id?: string; value?: string; type?: string }[];
  state?: { values?: Record<string, Record<string, SlackStateValue>> };
  message?: { blocks?: unknown[] };
  view?: { blocks?: unknown[]; state?: { values?: Record<string, Record<string, SlackStateValue>> } };
  [key: string]: unknown;
}
