import { checkButton, checkId, checkImage, checkInputElement, checkText, type Report } from './element.validator';
import { asRecord, getArray, type JsonRecord } from './json-access';
import { LIMITS } from './slack-limits';

/**
 * Checks blocks against Slack's documented limits and required fields, for the block and element types
 * this renderer produces. Returns the problems found (empty = valid). Used by the tests, and available to
 * the adapter as a guard before calling Slack.
 */
export function validateBlocks(blocks: unknown, opts: { surface?: 'message' | 'modal' } = {}): string[] {
  const problems: string[] = [];
  const report: Report = (p) => problems.push(p);
  if (!Array.isArray(blocks)) return ['blocks must be an array'];
  if (blocks.length === 0) report('at least one block is required');
  if (blocks.length > LIMITS.blocksPerMessage) report(`${blocks.length} blocks (max ${LIMITS.blocksPerMessage})`);
  const blockIds = new Set<string>();
  blocks.forEach((raw, i) => {
    const block = asRecord(raw);
    const where = `blocks[${i}]`;
    if (!block) return report(`${where}: not an object`);
    if (block.block_id !== undefined) {
      checkId(block.block_id, `${where}.block_id`, report, true);
      if (blockIds.has(block.block_id as string)) report(`${where}: duplicate block_id`);
      blockIds.add(block.block_id as string);
    }
    checkBlock(block, where, report, opts.surface ?? 'message');
  });
  return problems;
}

function checkBlock(block: JsonRecord, where: string, report: Report, surface: 'message' | 'modal'): void {
  switch (block.type) {
    case 'section': {
      const fields = getArray(block, 'fields');
      if (block.text === undefined && fields.length === 0) report(`${where}: section needs text or fields`);
      if (block.text !== undefined) checkText(block.text, `${where}.text`, LIMITS.sectionText, report);
      if (fields.length > LIMITS.sectionFields) report(`${where}: ${fields.length} fields (max ${LIMITS.sectionFields})`);
      fields.forEach((f, j) => checkText(f, `${where}.fields[${j}]`, LIMITS.fieldText, report));
      const accessory = asRecord(block.accessory);
      if (block.accessory !== undefined && accessory?.type !== 'image') report(`${where}: unexpected accessory`);
      if (accessory?.type === 'image') checkImage(accessory, `${where}.accessory`, report);
      return;
    }
    case 'header':
      return checkText(block.text, `${where}.text`, LIMITS.headerText, report, ['plain_text']);
    case 'divider':
      return;
    case 'image':
      checkImage(block, where, report);
      if (block.title !== undefined) checkText(block.title, `${where}.title`, LIMITS.altText, report, ['plain_text']);
      return;
    case 'context': {
      const elements = getArray(block, 'elements');
      if (elements.length === 0 || elements.length > LIMITS.contextElements) {
        report(`${where}: ${elements.length} elements (1 to ${LIMITS.contextElements})`);
      }
      elements.forEach((e, j) => {
        const el = asRecord(e) ?? {};
        if (el.type === 'image') checkImage(el, `${where}.elements[${j}]`, report);
        else checkText(el, `${where}.elements[${j}]`, LIMITS.contextText, report);
      });
      return;
    }
    case 'actions': {
      const elements = getArray(block, 'elements');
      if (elements.length === 0 || elements.length > LIMITS.actionsElements) {
        report(`${where}: ${elements.length} elements (1 to ${LIMITS.actionsElements})`);
      }
      const ids = new Set<unknown>();
      elements.forEach((e, j) => {
        const el = asRecord(e) ?? {};
        if (el.type !== 'button') return report(`${where}.elements[${j}]: only buttons are produced`);
        checkButton(el, `${where}.elements[${j}]`, report);
        if (ids.has(el.action_id)) report(`${where}.elements[${j}]: duplicate action_id in block`);
        ids.add(el.action_id);
      });
      return;
    }
    case 'input': {
      if (typeof block.block_id !== 'string') report(`${where}: input needs a block_id to map values back`);
      checkText(block.label, `${where}.label`, LIMITS.inputLabel, report, ['plain_text']);
      if (block.hint !== undefined) checkText(block.hint, `${where}.hint`, LIMITS.inputHint, report, ['plain_text']);
      const element = asRecord(block.element);
      if (!element) return report(`${where}: input needs an element`);
      return checkInputElement(element, `${where}.element`, report, surface);
    }
    default:
      report(`${where}: unknown block type ${String(block.type)}`);
  }
}
