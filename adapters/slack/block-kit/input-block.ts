import type { InputBlock, InputElement, PlainText } from './block-kit.types';
import type { InputKind } from './input-ids.codec';
import { initialTeamsValue } from './input-values';
import { getBool, getString, getText, type JsonRecord } from './json-access';
import { markdownToPlain } from './mrkdwn.converter';
import type { RenderContext } from './render-context';
import { LIMITS } from './slack-limits';
import { isBlank } from './text-fit';

/** Distributes Omit over the element union, so each element keeps its own fields. */
type WithoutActionId<T> = T extends unknown ? Omit<T, 'action_id'> : never;
export type ElementSpec = WithoutActionId<InputElement>;

export function plainText(text: string): PlainText {
  return { type: 'plain_text', text };
}

export function placeholderOf(el: JsonRecord, ctx: RenderContext): PlainText | undefined {
  const p = getText(el, 'placeholder');
  return isBlank(p) ? undefined : plainText(ctx.plain(markdownToPlain(p!).trim(), LIMITS.placeholder));
}

/** The label Slack requires: the input's label, else its placeholder (or toggle title), else a default. */
export function labelOf(el: JsonRecord, ctx: RenderContext, ...more: (string | undefined)[]): PlainText {
  const found = [getText(el, 'label'), getText(el, 'placeholder'), ...more].find((t) => !isBlank(t) && !isBlank(markdownToPlain(t!)));
  return plainText(ctx.plain(found ? markdownToPlain(found).trim() : ctx.strings.defaultLabel, LIMITS.inputLabel));
}

/**
 * Pushes the input block. block_id and action_id are the same encoded id (see input-ids.codec.ts), so
 * Slack's `state.values[blockId][actionId]` leads back to the Adaptive Card input id. An input with no
 * id is not rendered: Teams never submits one either.
 */
export function pushInput(
  el: JsonRecord,
  kind: InputKind,
  element: ElementSpec,
  ctx: RenderContext,
  extra: { label?: PlainText; hint?: string; /** Issue 19: an action_id of its own (an external_select names its dataset). */ actionId?: string } = {},
): string | undefined {
  const id = getString(el, 'id');
  if (!id) return undefined;
  const required = getBool(el, 'isRequired') === true;
  const blockId = ctx.registerInput(kind, required, id, initialTeamsValue(el));
  const block: InputBlock = {
    type: 'input',
    block_id: blockId,
    label: extra.label ?? labelOf(el, ctx),
    element: { ...element, action_id: extra.actionId ?? blockId } as InputElement,
    optional: !required,
  };
  if (extra.hint) block.hint = plainText(ctx.plain(extra.hint, LIMITS.inputHint));
  ctx.push(block);
  return id;
}
