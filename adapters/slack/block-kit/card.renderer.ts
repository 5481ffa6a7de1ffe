import { renderActions } from './action.renderer';
import type { RenderOptions, RenderResult } from './adaptive-card.types';
import type { Block } from './block-kit.types';
import { resolveShowCard } from './card-paths';
import { renderElement } from './element.renderer';
import { asRecord, getArray, getString, type JsonRecord } from './json-access';
import { localeStrings, type BlockKitLocale } from './locale-strings';
import { escapeMrkdwn, markdownToPlain } from './mrkdwn.converter';
import { RenderContext } from './render-context';
import { LIMITS } from './slack-limits';
import { fitMrkdwn, isBlank } from './text-fit';

/**
 * Renders an Adaptive Card (an AdaptiveCardJson; typed `unknown` because cards come from templates and
 * files, and anything that is not an object renders as an empty card) as Slack blocks. Pure: no network,
 * no Slack client. Throws only BlockKitError (see RenderOptions.stash); any odd element is rendered as
 * well as it can be, or left out.
 */
export function renderCard(card: unknown, opts: RenderOptions = {}): RenderResult {
  return renderAt(asRecord(card) ?? {}, '', opts, asRecord(card));
}

/**
 * Renders the card of the Action.ShowCard at `actionPath` (from a click's `path`), with its own paths
 * continuing from there so nested ShowCards resolve against the same root card. Undefined when the path
 * names no ShowCard (the card changed since the message was sent).
 */
export function renderShowCard(card: unknown, actionPath: string, opts: RenderOptions = {}): RenderResult | undefined {
  const inner = resolveShowCard(card, actionPath);
  return inner ? renderAt(inner, actionPath, opts, asRecord(card)) : undefined;
}

function localeOf(card: JsonRecord | undefined): BlockKitLocale {
  return getString(card ?? {}, 'lang')?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

function renderAt(card: JsonRecord, prefix: string, opts: RenderOptions, root: JsonRecord | undefined): RenderResult {
  const strings = localeStrings(opts.locale ?? localeOf(getString(card, 'lang') ? card : root));
  const ctx = new RenderContext(strings, opts, renderElement, prefix);
  ctx.renderItems(getArray(card, 'body'), prefix, 'b');
  const bodyCount = ctx.blocks.length;
  renderActions(getArray(card, 'actions'), prefix, ctx);
  const blocks = applyBlockLimit(ctx, bodyCount);
  ctx.finalizeButtons();
  const text = summaryText(ctx, card, blocks);
  if (blocks.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text, verbatim: true } });
  return { blocks, text, truncated: ctx.truncated };
}

/**
 * At most 50 blocks: past that, the first blocks are kept, then a note that content was shortened, then
 * the card's own action row(s), so the buttons a reader needs (Approve / Reject) are never the part
 * that is cut. Inputs that were cut still submit their initial value, as Teams would.
 */
function applyBlockLimit(ctx: RenderContext, bodyCount: number): Block[] {
  const all = ctx.blocks;
  if (all.length <= LIMITS.blocksPerMessage) return [...all];
  ctx.cut();
  const cardActions = all.slice(bodyCount);
  const tail = cardActions.length <= 4 ? cardActions : [];
  const room = LIMITS.blocksPerMessage - 1 - tail.length;
  const kept = all.slice(0, Math.min(room, bodyCount));
  const dropped = all.slice(kept.length, tail.length ? bodyCount : undefined);
  for (const block of dropped) {
    const input = block.type === 'input' ? ctx.inputsByBlockId.get(block.block_id) : undefined;
    if (input) ctx.addHidden(input.id, input.initial);
  }
  const note: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(ctx.strings.shortened), verbatim: true }] };
  return [...kept, note, ...tail];
}

/**
 * The message `text` (what a notification shows): the card's first lines, else its fallbackText/speak,
 * else the labels of its inputs (a reason box), else a generic phrase.
 */
function summaryText(ctx: RenderContext, card: JsonRecord, blocks: readonly Block[]): string {
  let lines = ctx.summary().slice(0, 5);
  if (lines.length === 0) {
    const alt = [getString(card, 'fallbackText'), getString(card, 'speak')].find((s) => !isBlank(s) && !isBlank(markdownToPlain(s!)));
    const labels = blocks
      .map((b) => (b.type === 'input' ? asRecord(asRecord(b)?.label)?.text : undefined))
      .filter((t): t is string => typeof t === 'string' && !isBlank(t))
      .slice(0, 5);
    lines = alt ? [markdownToPlain(alt).trim()] : labels.length ? labels : [ctx.strings.genericSummary];
  }
  const fitted = fitMrkdwn(escapeMrkdwn(lines.join('\n')), LIMITS.summaryText);
  return fitted.text;
}
