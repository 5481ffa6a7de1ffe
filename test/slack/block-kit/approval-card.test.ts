import { clickToActionData, renderCard, renderShowCard, validateBlocks } from '../../../adapters/slack/block-kit';
import type { ActionsBlock, ContextBlock, HeaderBlock, SectionBlock } from '../../../adapters/slack/block-kit/block-kit.types';
import approval from './fixtures/approval.card.json';
import { buttons, inputBlocks, simulateClick } from './support/slack-click.simulator';

const DATA = (verb: string) => ({ verb, requestId: 'REQ-2024-0042', version: 3 });

describe('the approval card (fixtures/approval.card.json) on Slack', () => {
  const result = renderCard(approval);
  const { blocks } = result;

  it('is valid Block Kit, complete, with a useful notification text', () => {
    expect(validateBlocks(blocks)).toEqual([]);
    expect(result.truncated).toBe(false);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'divider', 'section', 'context', 'actions']);
    expect(result.text.split('\n')[0]).toBe('Reseller link request');
    expect(result.text).toContain('Contoso Reseller KK asks to be linked');
  });

  it('heading -> header; the link and bold text -> mrkdwn; the FactSet -> fields (escaped)', () => {
    const [header, intro, facts] = blocks as [HeaderBlock, SectionBlock, SectionBlock];
    expect(header.text).toEqual({ type: 'plain_text', text: 'Reseller link request' });
    expect(intro.text!.text).toContain('*Contoso Reseller KK*');
    expect(intro.text!.text).toContain('<https://partner.example.com/profiles/4711?tab=csp&amp;lang=en|partner profile>');
    expect(facts.fields).toHaveLength(6);
    expect(facts.fields![5]!.text).toBe('*Requested by*\nAiko Tanaka &lt;aiko@contoso.example&gt;');
  });

  it('the ColumnSet -> one section with a field per column; the date is a Slack date token', () => {
    const columns = blocks[4] as SectionBlock;
    expect(columns.fields!.map((f) => f.text)).toEqual(['*Checks*\n• Region matches\n• Reseller enrolled\n• No duplicate', '*Expires*\n<!date^1727654400^{date_short}|2024-09-30>']);
    expect((blocks[5] as ContextBlock).elements).toEqual([{ type: 'mrkdwn', text: 'Only distributor admins can decide.', verbatim: true }]);
  });

  it('approve (positive) / reject (destructive) / reject with a reason (ShowCard); refresh is ignored', () => {
    const actions = blocks[6] as ActionsBlock;
    expect(actions.elements.map((b) => [b.text.text, b.style])).toEqual([
      ['Approve', 'primary'],
      ['Reject', 'danger'],
      ['Reject with a reason…', undefined],
    ]);
    expect(JSON.stringify(blocks)).not.toContain('refreshApproval');
  });

  it('clicks map back to the Action.Execute Teams would send', () => {
    const [approve, reject, withReason] = buttons(blocks);
    expect(clickToActionData(simulateClick(blocks, approve!))).toEqual({ ok: true, kind: 'execute', verb: 'approveRequest', data: DATA('approveRequest'), actionId: 'approve' });
    expect(clickToActionData(simulateClick(blocks, reject!))).toEqual({ ok: true, kind: 'execute', verb: 'rejectRequest', data: DATA('rejectRequest'), actionId: 'reject' });
    expect(clickToActionData(simulateClick(blocks, withReason!))).toEqual({ ok: true, kind: 'showCard', path: 'a2', actionId: 'rejectWithReason' });
  });

  it('the ShowCard opens a required reason box; its submit carries the reason', () => {
    const inner = renderShowCard(approval, 'a2')!;
    expect(validateBlocks(inner.blocks)).toEqual([]);
    const [reason] = inputBlocks(inner.blocks);
    expect(reason).toMatchObject({ label: { text: 'Reason for rejecting' }, optional: false, element: { type: 'plain_text_input', multiline: true, max_length: 500 } });
    const send = buttons(inner.blocks)[0]!;
    expect(clickToActionData(simulateClick(inner.blocks, send))).toMatchObject({ ok: false, error: 'required_input_missing', inputIds: ['reason'] });
    const click = clickToActionData(simulateClick(inner.blocks, send, new Map([[reason!.block_id, { typed: 'Wrong region' }]])));
    expect(click).toEqual({ ok: true, kind: 'execute', verb: 'rejectRequest', data: { ...DATA('rejectRequest'), reason: 'Wrong region' }, actionId: 'rejectWithReasonSubmit' });
  });

  it('renders in Japanese when asked (the renderer words only; card text is the card’s)', () => {
    const ja = renderCard({ ...approval, body: [], actions: [{ type: 'Action.Submit' }] }, { locale: 'ja' });
    expect(ja.text).toBe('新しいカード');
    expect(buttons(ja.blocks)[0]!.text.text).toBe('送信');
  });
});
