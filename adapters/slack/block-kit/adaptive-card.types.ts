import type { Block } from './block-kit.types';
import type { BlockKitLocale } from './locale-strings';

/**
 * An Adaptive Card as JSON (schema 1.5 and earlier). Deliberately loose: every property is read through
 * the checks in json-access.ts, so a card with a wrong or unknown property still renders.
 */
export interface AdaptiveCardJson {
  type?: string;
  version?: string;
  body?: unknown[];
  actions?: unknown[];
  fallbackText?: string;
  speak?: string;
  lang?: string;
  /** Universal Actions auto-refresh; Slack has no equivalent, so it is ignored. */
  refresh?: unknown;
  [key: string]: unknown;
}

export interface RenderOptions {
  /** Language of the renderer's own words; defaults to the card's `lang` (ja*) or English. */
  locale?: BlockKitLocale;
  /**
   * Where the blocks will be shown. `number_input` exists only in modals, so in messages (the default)
   * Input.Number becomes a plain-text input whose value is checked on click.
   */
  surface?: 'message' | 'modal';
  /**
   * Stores a button's click payload when it is longer than Slack's 2000-char button value and returns a
   * short key (≤ 1900 chars) to put in the button instead. The adapter persists the JSON under that
   * key and hands it back through `clickToActionData(payload, { unstash })`. Without a stash an
   * oversize payload throws BlockKitError ACTION_PAYLOAD_TOO_LARGE: data is never silently cut.
   */
  stash?: (json: string) => string;
}

export interface RenderResult {
  blocks: Block[];
  /** Plain-text summary for notifications and screen readers (&, <, > escaped as Slack requires). */
  text: string;
  /** True when anything was shortened or left out to respect Slack's limits. */
  truncated: boolean;
}
