import type { Cloud, PurchaseChannel, Workload } from '../../domain';

/**
 * The recognizer ports: a Recognizer turns one chat message into an intent and typed entities (dialogs
 * depend on this shape only); an IntentClassifier is its learned part, text in, ranked intents out. The
 * default classifier (NLP.js, offline) lives in adapters/nlpjs; a cloud one (for example Azure AI
 * Language CLU) can be added behind the same interface.
 */

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

export const INTENT_NAMES = [
  'link_distributor',
  'add_partner',
  'multichannel_support',
  'request_status',
  'cancel_request',
  'policy_question',
  'help',
  'greeting',
  // Issue 15: the requester asks for the approvers to be reminded ("remind them", 「催促して」).
  'remind_approvers',
  // Issue 15, approval work.
  'change_request',
  'resubmit_request',
  'add_note',
  'handover_request',
  'none',
  // Issue 16: an admin manages their organization's approvers in chat.
  'list_approvers',
  'add_approver',
  'remove_approver',
] as const;
/** The intents the classifier learns from nlu/train.*.yaml. */
export type ClassifiedIntent = (typeof INTENT_NAMES)[number];

/**
 * Commands recognized by their exact wording, never by the classifier: settings an admin types, such
 * as "use this channel for approvals", where a guess would do harm.
 */
export const COMMAND_INTENTS = ['approval_channel'] as const;
export type CommandIntent = (typeof COMMAND_INTENTS)[number];

export type IntentName = ClassifiedIntent | CommandIntent;

/** What each entity type normalizes its value to. */
export interface EntityValues {
  workload: Workload;
  /** The `id` of the matched directory organization. */
  organization: string;
  /** Digits only. */
  partner_id: string;
  /** Lower-case GUID. */
  tenant_id: string;
  /** Lower-case GUID. */
  subscription_id: string;
  /** Lower-case host name such as contoso.onmicrosoft.com. */
  domain: string;
  purchase_channel: PurchaseChannel;
  /** ISO 3166-1 alpha-2, upper case (JP, DE, US, ...). */
  country: string;
  cloud: Cloud;
}
export type EntityType = keyof EntityValues;

/**
 * One entity found in the text. `text` is the span as typed; `start`/`end` are UTF-16 offsets into the
 * original text (`text === input.slice(start, end)`). `score` is below 1 for fuzzy matches.
 */
export type Entity<T extends EntityType = EntityType> = {
  [K in T]: { type: K; value: EntityValues[K]; text: string; start: number; end: number; score: number };
}[T];

export interface Recognition {
  /** The text as given. */
  text: string;
  locale: Locale;
  intent: IntentName;
  /** Confidence of the intent, 0..1. */
  score: number;
  /** Sorted by `start`. */
  entities: Entity[];
  /**
   * Issue 18: the classifier's two best intents with their scores, best first, before any threshold
   * ('none' for the classifier's own "nothing known"), so that a dialog can ask when they are close.
   * Absent for exact commands.
   */
  ranked?: RankedIntent[];
}

/** One of the classifier's best intents for a message, with its score (0..1). */
export interface RankedIntent {
  intent: ClassifiedIntent;
  score: number;
}

export interface RecognizeOptions {
  /** The user's language when the channel knows it; otherwise it is detected from the text. */
  locale?: Locale;
}

export interface Recognizer {
  recognize(text: string, opts?: RecognizeOptions): Promise<Recognition>;
}

/** A directory organization as the recognizer knows it: its id and every name people use for it. */
export interface OrganizationNames {
  id: string;
  names: string[];
}

/** A name the classifier can learn (training data names only these). */
export function isIntentName(value: unknown): value is ClassifiedIntent {
  return typeof value === 'string' && (INTENT_NAMES as readonly string[]).includes(value);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'ja';
}

export interface IntentScore {
  /** An intent name from the training data, or the classifier's own "None" when no known word was seen. */
  intent: string;
  score: number;
}

/** The learned part of recognition: text in, intents ranked by score out. */
export interface IntentClassifier {
  classify(locale: Locale, text: string): Promise<IntentScore[]>;
}
