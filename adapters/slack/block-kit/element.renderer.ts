import { renderActions } from './action.renderer';
import { childPath, pathDepth } from './card-paths';
import { renderChoiceSet } from './choice-set.renderer';
import { renderFactSet } from './fact-set.renderer';
import { recordHiddenInputs } from './hidden-inputs';
import { renderImage, renderImageSet } from './image.renderer';
import { renderDateInput, renderNumberInput, renderTextInput, renderTimeInput, renderToggleInput } from './input.renderer';
import { asRecord, getArray, getBool, getString, type JsonRecord } from './json-access';
import { renderColumnSet, renderContainer, renderTable } from './layout.renderer';
import { mrkdwnLink } from './mrkdwn.converter';
import type { ElementRenderer, RenderContext } from './render-context';
import { requirementsMet } from './requirements';
import { LIMITS } from './slack-limits';
import { fitMrkdwn } from './text-fit';
import { renderRichTextBlock, renderTextBlock } from './text.renderer';

type Renderer = (el: JsonRecord, path: string, ctx: RenderContext) => void;

const RENDERERS: Record<string, Renderer> = {
  TextBlock: renderTextBlock,
  RichTextBlock: renderRichTextBlock,
  FactSet: renderFactSet,
  Image: renderImage,
  ImageSet: renderImageSet,
  Container: renderContainer,
  Column: renderContainer,
  ColumnSet: renderColumnSet,
  Table: renderTable,
  ActionSet: (el, path, ctx) => renderActions(getArray(el, 'actions'), path, ctx),
  'Input.Text': renderTextInput,
  'Input.Number': renderNumberInput,
  'Input.Date': renderDateInput,
  'Input.Time': renderTimeInput,
  'Input.Toggle': renderToggleInput,
  'Input.ChoiceSet': renderChoiceSet,
};

/** Nesting deeper than this is cut (a card is not a stack-overflow test). */
const MAX_DEPTH = 40;

/**
 * Renders one body element. Hidden elements are skipped (their inputs recorded); unknown or
 * unsatisfiable elements use their fallback ("drop" or an element), else a short mention (Media) or
 * nothing. Never throws on an odd element.
 */
export const renderElement: ElementRenderer = (raw, path, ctx) => {
  const el = asRecord(raw);
  if (!el) return;
  if (pathDepth(path) > MAX_DEPTH) {
    ctx.cut();
    return;
  }
  if (getBool(el, 'isVisible') === false) {
    recordHiddenInputs(el, ctx);
    return;
  }
  const type = getString(el, 'type') ?? '';
  const render = Object.hasOwn(RENDERERS, type) ? RENDERERS[type] : undefined;
  if (!render || !requirementsMet(el)) {
    renderFallback(el, path, ctx);
    return;
  }
  if (getBool(el, 'separator') === true && ctx.blocks.length > 0) ctx.push({ type: 'divider' });
  render(el, path, ctx);
};

function renderFallback(el: JsonRecord, path: string, ctx: RenderContext): void {
  if (el.fallback === 'drop') return;
  const fallback = asRecord(el.fallback);
  if (fallback) {
    ctx.renderElement(fallback, childPath(path, 'f'), ctx);
    return;
  }
  if (getString(el, 'type') === 'Media') renderMediaMention(el, ctx);
}

/** Slack cannot play card media: link to the first source instead. */
function renderMediaMention(el: JsonRecord, ctx: RenderContext): void {
  const source = getArray(el, 'sources').map((s) => asRecord(s)).find((s) => s && getString(s, 'url'));
  const url = source && getString(source, 'url');
  if (!url) return;
  const label = getString(el, 'altText') ?? ctx.strings.media;
  const link = mrkdwnLink(url, label);
  if (link.startsWith('<')) {
    ctx.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fitMrkdwn(`▶ ${link}`, LIMITS.contextText).text, verbatim: true }] });
  }
}
