import {
  CARD_SCHEMA_URL,
  CARD_VERSION,
  type ActionStyle,
  type AdaptiveCard,
  type CardActionElement,
  type CardElement,
  type Choice,
  type ChoiceSetInput,
  type Column,
  type ColumnSet,
  type Container,
  type ContainerStyle,
  type FactSet,
  type Refresh,
  type TextBlock,
  type TextInput,
} from './schema';

/**
 * Small typed builders for the elements the cards use. Optional settings are omitted rather than set
 * to their defaults, so the JSON stays small and survives the object model's round trip unchanged.
 */

type TextOptions = Omit<TextBlock, 'type' | 'text'>;

export function textBlock(text: string, options: TextOptions = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(text: string): TextBlock {
  return textBlock(text, { style: 'heading', size: 'large', weight: 'bolder' });
}

export function subheading(text: string, options: TextOptions = {}): TextBlock {
  return textBlock(text, { weight: 'bolder', spacing: 'medium', ...options });
}

export function note(text: string, options: TextOptions = {}): TextBlock {
  return textBlock(text, { isSubtle: true, size: 'small', ...options });
}

/** Facts whose value is missing or empty are left out, so optional details simply disappear. */
export function factSet(facts: ReadonlyArray<readonly [string, string | undefined]>, options: Omit<FactSet, 'type' | 'facts'> = {}): FactSet {
  const present = facts.filter((f): f is readonly [string, string] => typeof f[1] === 'string' && f[1].trim() !== '');
  return { type: 'FactSet', facts: present.map(([title, value]) => ({ title, value })), ...options };
}

export function container(items: CardElement[], options: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items, ...options };
}

export function styled(style: ContainerStyle, items: CardElement[]): Container {
  return container(items, { style, spacing: 'medium' });
}

export function column(items: CardElement[], options: Omit<Column, 'type' | 'items'> = {}): Column {
  return { type: 'Column', items, ...options };
}

export function columnSet(columns: Column[], options: Omit<ColumnSet, 'type' | 'columns'> = {}): ColumnSet {
  return { type: 'ColumnSet', columns, ...options };
}

/**
 * A list, one text block per line: markdown lists render differently in Teams, Slack and the web
 * renderer, separate blocks look the same everywhere.
 */
export function bullets(lines: readonly string[], options: { marker?: string; color?: TextBlock['color']; spacing?: TextBlock['spacing'] } = {}): Container {
  const marker = options.marker ?? '•';
  return container(
    lines.map((line, i) => textBlock(`${marker} ${line}`, { ...(i > 0 ? { spacing: 'none' as const } : {}), ...(options.color ? { color: options.color } : {}) })),
    options.spacing ? { spacing: options.spacing } : {},
  );
}

interface RequiredInput {
  isRequired: true;
  errorMessage: string;
}
type Requiredness = RequiredInput | { isRequired?: false };

export function choiceInput(
  id: string,
  label: string,
  choices: readonly Choice[],
  options: Requiredness & { value?: string; placeholder?: string; style?: ChoiceSetInput['style'] | undefined; isMultiSelect?: boolean },
): ChoiceSetInput {
  const value = options.value !== undefined && choices.some((c) => c.value === options.value) ? options.value : undefined;
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    choices: [...choices],
    wrap: true,
    ...(options.style && options.style !== 'compact' ? { style: options.style } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.isRequired ? { isRequired: true, errorMessage: options.errorMessage } : {}),
    ...(options.isMultiSelect ? { isMultiSelect: true } : {}),
  };
}

export function textInput(
  id: string,
  label: string,
  options: Requiredness & { value?: string; placeholder?: string; isMultiline?: boolean; maxLength?: number },
): TextInput {
  const { isRequired, ...rest } = options;
  const errorMessage = isRequired ? (options as RequiredInput).errorMessage : undefined;
  return {
    type: 'Input.Text',
    id,
    label,
    ...(rest.value ? { value: rest.value } : {}),
    ...(rest.placeholder ? { placeholder: rest.placeholder } : {}),
    ...(rest.isMultiline ? { isMultiline: true } : {}),
    ...(rest.maxLength ? { maxLength: rest.maxLength } : {}),
    ...(isRequired ? { isRequired: true, errorMessage } : {}),
  };
}

export function actionSet(actions: CardActionElement[], options: { spacing?: TextBlock['spacing'] } = {}): CardElement {
  return { type: 'ActionSet', actions, ...options };
}

export function showCard(title: string, card: AdaptiveCard, style?: ActionStyle): CardActionElement {
  return { type: 'Action.ShowCard', title, card, ...(style ? { style } : {}) };
}

/** The body of an Action.ShowCard: a card without version or schema, as the format asks. */
export function nestedCard(body: CardElement[], actions: CardActionElement[]): AdaptiveCard {
  return { type: 'AdaptiveCard', body, actions };
}

export interface CardFrame {
  /** The language of the text (kept for callers; not written to the card, see below). */
  locale: 'en' | 'ja';
  /** Shown by clients that cannot render the card, and in notifications. */
  fallbackText: string;
  actions?: CardActionElement[];
  refresh?: Refresh;
}

export function adaptiveCard(body: CardElement[], frame: CardFrame): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA_URL,
    version: CARD_VERSION,
    // No `lang`: the JS SDK checks it with a global (/g) regex whose lastIndex leaks between cards, so
    // every second card in one page logs "Invalid value" for it. Text is already in the reader's language.
    fallbackText: frame.fallbackText,
    // The refresh is not stamped: a refreshed card is drawn for whoever views it, in their language.
    ...(frame.refresh ? { refresh: frame.refresh } : {}),
    body: withClickLanguage(body, frame.locale),
    ...(frame.actions && frame.actions.length > 0 ? { actions: withClickLanguage(frame.actions, frame.locale) } : {}),
  };
}

/** The data field in which a button says the language of the card it is on (see parseCardAction). */
export const CLICK_LANGUAGE_FIELD = 'lang';

/**
 * Issue 18: every button (Action.Execute, Action.Submit, in ShowCards and ActionSets too) carries the
 * language of its card, so a click is answered in the language the person was reading and a card never
 * flips language when clicked. Copies: builders may share button objects between cards.
 */
function withClickLanguage<T>(node: T, locale: 'en' | 'ja'): T {
  if (Array.isArray(node)) return node.map((x: unknown) => withClickLanguage(x, locale)) as T;
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = v && typeof v === 'object' ? withClickLanguage(v, locale) : v;
  if (o.type === 'Action.Execute' || o.type === 'Action.Submit') {
    const data = o.data && typeof o.data === 'object' ? (o.data as Record<string, unknown>) : {};
    out.data = { ...data, [CLICK_LANGUAGE_FIELD]: locale };
  }
  return out as T;
}
