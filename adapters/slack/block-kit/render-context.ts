import type { RenderOptions } from './adaptive-card.types';
import { encodeActionValue, type ActionPayload } from './action-value.codec';
import type { Block, ButtonElement, SectionBlock } from './block-kit.types';
import { encodeInputBlockId, isVerbatimSafe, tokenFor, type InputKind } from './input-ids.codec';
import type { LocaleStrings } from './locale-strings';
import { childPath } from './card-paths';
import { LIMITS } from './slack-limits';
import { fitPlain, isBlank, splitMrkdwn } from './text-fit';

export type ElementRenderer = (element: unknown, path: string, ctx: RenderContext) => void;

interface PendingButton {
  button: ButtonElement;
  payload: ActionPayload;
}

/**
 * The state of one render: the blocks so far, the inputs met (to map clicks back), the buttons whose
 * values are written last (a button's payload needs every input of the card, including those after it).
 */
export class RenderContext {
  readonly blocks: Block[] = [];
  truncated = false;
  /** Input blocks by block_id, with what Teams would send if the input were not shown. */
  readonly inputsByBlockId = new Map<string, { id: string; initial: string | undefined }>();
  private readonly summaryLines: string[] = [];
  private readonly buttons: PendingButton[] = [];
  private readonly tokens: Record<string, string> = {};
  private readonly toggles: [string, string, string][] = [];
  private readonly hidden: [string, string][] = [];
  private readonly idCounts = new Map<string, number>();
  private mergeTarget: SectionBlock | undefined;

  constructor(
    readonly strings: LocaleStrings,
    readonly options: RenderOptions,
    readonly renderElement: ElementRenderer,
    /** The ShowCard path this render starts at ('' for a whole card): keeps action_ids distinct. */
    private readonly prefix = '',
  ) {}

  get surface(): 'message' | 'modal' {
    return this.options.surface ?? 'message';
  }

  push(block: Block): void {
    this.blocks.push(block);
    this.mergeTarget = undefined;
  }

  /** Adds mrkdwn as section text, joining it to the previous text section while it fits. */
  pushText(mrkdwn: string): void {
    if (isBlank(mrkdwn)) return;
    const last = this.mergeTarget;
    if (last?.text && last.text.text.length + 1 + mrkdwn.length <= LIMITS.sectionText) {
      last.text.text += `\n${mrkdwn}`;
      return;
    }
    const { parts, cut } = splitMrkdwn(mrkdwn, LIMITS.sectionText);
    if (cut) this.cut();
    for (const part of parts) {
      const block: SectionBlock = { type: 'section', text: { type: 'mrkdwn', text: part, verbatim: true } };
      this.push(block);
      this.mergeTarget = block;
    }
  }

  /** Renders child elements; `letter` names the collection in the path (see card-paths.ts). */
  renderItems(items: unknown[], path: string, letter: string): void {
    items.forEach((item, index) => this.renderElement(item, childPath(path, `${letter}${index}`), this));
  }

  cut(): void {
    this.truncated = true;
  }

  /** Plain text fitted to `max` (ellipsis when cut). */
  plain(text: string, max: number): string {
    const fitted = fitPlain(text, max);
    if (fitted.cut) this.cut();
    return fitted.text;
  }

  addSummary(plainText: string): void {
    for (const line of plainText.split('\n')) if (!isBlank(line)) this.summaryLines.push(line.trim());
  }

  summary(): string[] {
    return [...this.summaryLines];
  }

  nextActionId(): string {
    // A deep ShowCard path could pass 255 chars: a hash of it keeps the id short and stable.
    const scope = this.prefix.length > 200 ? tokenFor(this.prefix).slice(1) : this.prefix;
    return `ac:${scope ? `${scope}:` : ''}${this.buttons.length + 1}`;
  }

  addButton(button: ButtonElement, payload: ActionPayload): void {
    this.buttons.push({ button, payload });
  }

  /** Registers an input and returns its block_id (see input-ids.codec.ts). */
  registerInput(kind: InputKind, required: boolean, id: string, initial: string | undefined): string {
    const occurrence = (this.idCounts.get(id) ?? 0) + 1;
    this.idCounts.set(id, occurrence);
    const { blockId, token } = encodeInputBlockId(kind, required, id, occurrence);
    if (token) this.tokens[token] = id;
    this.inputsByBlockId.set(blockId, { id, initial });
    return blockId;
  }

  registerToggle(id: string, on: string, off: string): void {
    if (on !== 'true' || off !== 'false') this.toggles.push([id, on, off]);
  }

  /** A choice value as a Slack option value: itself, or a token when it is too long or odd. */
  optionValue(value: string): string {
    if (isVerbatimSafe(value, LIMITS.optionValue)) return value;
    const token = tokenFor(value);
    this.tokens[token] = value;
    return token;
  }

  /** An input Slack will not show but whose value Teams would still submit. */
  addHidden(id: string, value: string | undefined): void {
    if (value !== undefined) this.hidden.push([id, value]);
  }

  /** Writes every button's value; call once, after the block limit is applied. */
  finalizeButtons(): void {
    for (const { button, payload } of this.buttons) {
      const gathers = (payload.k === 's' || payload.k === 'x') && payload.n !== 1;
      const full: ActionPayload = gathers
        ? {
            ...payload,
            ...(Object.keys(this.tokens).length ? { x: this.tokens } : {}),
            ...(this.toggles.length ? { t: this.toggles } : {}),
            ...(this.hidden.length ? { h: this.hidden } : {}),
          }
        : payload;
      button.value = encodeActionValue(full, this.options.stash);
    }
  }
}
