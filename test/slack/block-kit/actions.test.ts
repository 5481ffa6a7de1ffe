import { BlockKitError, clickToActionData, renderCard, renderShowCard, resolveShowCard, stashedKey, validateBlocks } from '../../../adapters/slack/block-kit';
import type { ButtonElement } from '../../../adapters/slack/block-kit/block-kit.types';
import { card, submit, text } from './support/cards';
import { buttons, simulateClick } from './support/slack-click.simulator';

function click(blocks: ReturnType<typeof renderCard>['blocks'], button: ButtonElement, opts = {}) {
  return clickToActionData(simulateClick(blocks, button), opts);
}

describe('renderCard: actions become buttons', () => {
  it('Action.Submit / Action.Execute -> buttons with styles; the value rebuilds the click', () => {
    const { blocks } = renderCard(
      card([], [
        submit('Save', { op: 'save' }, { style: 'positive' }),
        { type: 'Action.Execute', title: 'Delete', verb: 'delete', data: { id: 7 }, style: 'destructive', id: 'del' },
        submit('Plain'),
      ]),
    );
    expect(validateBlocks(blocks)).toEqual([]);
    const [save, del, plain] = buttons(blocks);
    expect(save).toMatchObject({ type: 'button', text: { type: 'plain_text', text: 'Save' }, style: 'primary', action_id: 'ac:1' });
    expect(del).toMatchObject({ style: 'danger', action_id: 'ac:2' });
    expect(plain).not.toHaveProperty('style');
    expect(click(blocks, save!)).toEqual({ ok: true, kind: 'submit', data: { op: 'save' } });
    expect(click(blocks, del!)).toEqual({ ok: true, kind: 'execute', verb: 'delete', data: { id: 7 }, actionId: 'del' });
    expect(click(blocks, plain!)).toEqual({ ok: true, kind: 'submit', data: {} });
  });

  it('Action.Submit with string data -> the activity text, no inputs (Bot Framework behaviour)', () => {
    const { blocks } = renderCard(card([{ type: 'Input.Text', id: 'x', value: 'v' }], [submit('Go', 'hello')]));
    expect(click(blocks, buttons(blocks)[0]!)).toEqual({ ok: true, kind: 'submit', data: {}, text: 'hello' });
  });

  it('Action.OpenUrl -> link button; unsafe URLs fall back or are dropped', () => {
    const { blocks } = renderCard(
      card([], [
        { type: 'Action.OpenUrl', title: 'Docs', url: 'https://learn.example/x' },
        { type: 'Action.OpenUrl', title: 'Bad', url: 'javascript:alert(1)', fallback: submit('Instead') },
        { type: 'Action.OpenUrl', url: 'ftp://x' },
      ]),
    );
    const [docs, instead, ...rest] = buttons(blocks);
    expect(docs).toMatchObject({ url: 'https://learn.example/x', text: { text: 'Docs' } });
    expect(instead).toMatchObject({ text: { text: 'Instead' } });
    expect(rest).toEqual([]);
    expect(click(blocks, docs!)).toEqual({ ok: true, kind: 'openUrl' });
  });

  it('Action.ShowCard -> a button recognised as show-card, whose path renders the inner card', () => {
    const inner = card([{ type: 'Input.Text', id: 'reason', label: 'Why?' }], [submit('Send', { step: 2 })]);
    const c = card([{ type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: 'More', card: inner }] }], [{ type: 'Action.ShowCard', title: 'Top', card: inner }]);
    const { blocks } = renderCard(c);
    const [nested, top] = buttons(blocks);
    const nestedClick = click(blocks, nested!);
    expect(nestedClick).toEqual({ ok: true, kind: 'showCard', path: 'b0.a0' });
    expect(click(blocks, top!)).toEqual({ ok: true, kind: 'showCard', path: 'a0' });
    expect(resolveShowCard(c, 'b0.a0')).toBe(inner);

    const shown = renderShowCard(c, 'b0.a0')!;
    expect(validateBlocks(shown.blocks)).toEqual([]);
    expect(shown.blocks.map((b) => b.type)).toEqual(['input', 'actions']);
    const send = buttons(shown.blocks)[0]!;
    expect(send.action_id).toBe('ac:b0.a0:1');
    expect(renderShowCard(c, 'b9.a0')).toBeUndefined();
    expect(renderShowCard(c, 'zz')).toBeUndefined();
  });

  it('nested ShowCards resolve from the root card', () => {
    const deepest = card([text('deep')]);
    const c = card([], [{ type: 'Action.ShowCard', title: 'L1', card: card([], [{ type: 'Action.ShowCard', title: 'L2', card: deepest }]) }]);
    const level1 = renderShowCard(c, 'a0')!;
    const l2 = clickToActionData(simulateClick(level1.blocks, buttons(level1.blocks)[0]!));
    expect(l2).toEqual({ ok: true, kind: 'showCard', path: 'a0.a0' });
    expect(renderShowCard(c, 'a0.a0')!.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'deep', verbatim: true } }]);
  });

  it('ActionSet in the body and card-level actions both render; disabled and unknown actions do not', () => {
    const { blocks } = renderCard(
      card([{ type: 'ActionSet', actions: [submit('In body')] }], [
        submit('Disabled', undefined, { isEnabled: false }),
        { type: 'Action.ToggleVisibility', title: 'Toggle', targetElements: ['x'] },
        { type: 'Action.Popover', title: 'Future', fallback: 'drop' },
        { type: 'Action.Future', fallback: submit('Fallback') },
        submit('Card level'),
      ]),
    );
    expect(buttons(blocks).map((b) => b.text.text)).toEqual(['In body', 'Fallback', 'Card level']);
  });

  it('default button titles are localized', () => {
    const { blocks } = renderCard(card([], [{ type: 'Action.Submit' }, { type: 'Action.ShowCard', card: card([]) }]), { locale: 'ja' });
    expect(buttons(blocks).map((b) => b.text.text)).toEqual(['送信', '詳細']);
  });

  it('an oversize data payload throws BlockKitError without a stash, and uses the stash when given', () => {
    const big = { blob: 'x'.repeat(2500) };
    const c = card([{ type: 'Input.Text', id: 'note' }], [submit('Big', big)]);
    expect(() => renderCard(c)).toThrow(BlockKitError);
    try {
      renderCard(c);
    } catch (e) {
      expect((e as BlockKitError).code).toBe('ACTION_PAYLOAD_TOO_LARGE');
    }
    const store = new Map<string, string>();
    const { blocks } = renderCard(c, { stash: (json) => (store.set(`k${store.size}`, json), `k${store.size - 1}`) });
    const button = buttons(blocks)[0]!;
    expect(button.value).toBe('ac1#k0');
    const payload = simulateClick(blocks, button);
    expect(stashedKey(payload)).toBe('k0');
    expect(clickToActionData(payload)).toMatchObject({ ok: false, error: 'stash_missing' });
    expect(clickToActionData(payload, { unstash: (k) => store.get(k) })).toEqual({ ok: true, kind: 'submit', data: big });
    expect(() => renderCard(c, { stash: () => '' })).toThrow(expect.objectContaining({ code: 'STASH_KEY_INVALID' }));
  });
});
