/**
 * The subset of the Adaptive Card 1.5 schema these cards use, as TypeScript types. Teams renders up to
 * 1.5, so nothing newer is typed here; the tests parse every card with the official object model
 * (targeting 1.5) and fail on any unknown element or property.
 */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA_URL = 'http://adaptivecards.io/schemas/adaptive-card.json';

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type TextSize = 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type ActionStyle = 'default' | 'positive' | 'destructive';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  style?: 'default' | 'heading';
  size?: TextSize;
  weight?: 'lighter' | 'default' | 'bolder';
  color?: TextColor;
  isSubtle?: boolean;
  maxLines?: number;
}

export interface Fact {
  title: string;
  value: string;
}
export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
}

export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch' | `${number}px` | number;
  verticalContentAlignment?: 'top' | 'center' | 'bottom';
  spacing?: Spacing;
}
export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardActionElement[];
}

interface InputBase extends ElementBase {
  id: string;
  /** Every input has a visible label (accessibility, and the tests insist). */
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}
export interface TextInput extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}
export interface Choice {
  title: string;
  value: string;
}
export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: Choice[];
  value?: string;
  placeholder?: string;
  style?: 'compact' | 'expanded' | 'filtered';
  /** Long choice titles (name, PartnerID, workloads) wrap instead of being cut. */
  wrap?: boolean;
  /** Issue 17: several values, sent comma-separated (the GDAP roles). */
  isMultiSelect?: boolean;
  /**
   * Issue 19: typeahead (Teams' dynamic search): as the person types, the host asks the bot for
   * choices with an `application/search` invoke naming the dataset. Teams reads it on any card
   * version (its own samples use 1.2); the object model types it from 1.6, so the validator allows
   * exactly this property past 1.5.
   */
  'choices.data'?: DataQuery;
}
export interface DataQuery {
  type: 'Data.Query';
  dataset: string;
  count?: number;
}

export type CardElement = TextBlock | FactSet | Container | ColumnSet | ActionSet | TextInput | ChoiceSetInput;
export type CardInput = TextInput | ChoiceSetInput;

/** Data on a button: plain JSON, small. */
export type ActionData = Record<string, string | number | boolean>;

interface ActionBase {
  title: string;
  style?: ActionStyle;
}
export interface ExecuteAction extends ActionBase {
  type: 'Action.Execute';
  verb: string;
  data?: ActionData;
  associatedInputs?: 'auto' | 'none';
}
export interface SubmitAction extends ActionBase {
  type: 'Action.Submit';
  data: ActionData;
  associatedInputs?: 'auto' | 'none';
}
export interface ShowCardAction extends ActionBase {
  type: 'Action.ShowCard';
  card: AdaptiveCard;
}
/** Issue 17: a link out (the Microsoft admin center), only ever to a URL checked before it is drawn. */
export interface OpenUrlAction extends ActionBase {
  type: 'Action.OpenUrl';
  url: string;
}
export type CardActionElement = ExecuteAction | SubmitAction | ShowCardAction | OpenUrlAction;

export interface Refresh {
  action: ExecuteAction;
  /** Users whose clients refresh the card automatically (Teams: at most 60). */
  userIds?: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema?: string;
  /** Absent on the nested card of an Action.ShowCard. */
  version?: string;
  lang?: string;
  fallbackText?: string;
  speak?: string;
  refresh?: Refresh;
  body: CardElement[];
  actions?: CardActionElement[];
}
