import type { ActionPayload } from './action-value.codec';
import type { ButtonElement } from './block-kit.types';
import { childPath, pathDepth } from './card-paths';
import { requirementsMet } from './requirements';
import { asRecord, enumIs, getBool, getString, getText, type JsonRecord } from './json-access';
import { markdownToPlain } from './mrkdwn.converter';
import type { RenderContext } from './render-context';
import { LIMITS } from './slack-limits';
import { isBlank } from './text-fit';

/**
 * Actions -> buttons, 25 to an actions block. Submit and Execute carry their click payload in the button
 * value (written at the end of the render, see render-context.ts); OpenUrl is a link button; ShowCard a
 * button whose payload names the inner card's path. Unsupported actions use their fallback or are dropped.
 */
export function renderActions(actions: unknown[], path: string, ctx: RenderContext, letter = 'a'): void {
  const buttons = actions
    .map((raw, index) => buttonFor(raw, childPath(path, `${letter}${index}`), ctx))
    .filter((b): b is ButtonElement => b !== undefined);
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    ctx.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
}

function payloadFor(action: JsonRecord, path: string): ActionPayload | undefined {
  const id = getString(action, 'id');
  const common = id ? { i: id } : {};
  switch (getString(action, 'type')) {
    case 'Action.Submit':
    case 'Action.Execute': {
      const execute = getString(action, 'type') === 'Action.Execute';
      const verb = getString(action, 'verb');
      return {
        k: execute ? 'x' : 's',
        ...(action.data !== undefined ? { d: action.data } : {}),
        ...(execute && verb !== undefined ? { v: verb } : {}),
        ...common,
        ...(enumIs(action, 'associatedInputs', 'none') ? { n: 1 as const } : {}),
      };
    }
    case 'Action.OpenUrl':
      return safeButtonUrl(action) ? { k: 'u', ...common } : undefined;
    case 'Action.ShowCard':
      return asRecord(action.card) ? { k: 'c', p: path, ...common } : undefined;
    default:
      return undefined;
  }
}

function safeButtonUrl(action: JsonRecord): string | undefined {
  const url = getString(action, 'url')?.trim();
  return url && url.length <= LIMITS.buttonUrl && /^https?:\/\/\S+$/i.test(url) ? url : undefined;
}

function defaultTitle(kind: ActionPayload['k'], ctx: RenderContext): string {
  if (kind === 'c') return ctx.strings.showCard;
  if (kind === 'u') return ctx.strings.openUrl;
  return ctx.strings.submit;
}

function buttonFor(raw: unknown, path: string, ctx: RenderContext): ButtonElement | undefined {
  if (raw === 'drop' || pathDepth(path) > 40) return undefined;
  const action = asRecord(raw);
  if (!action || getBool(action, 'isVisible') === false || getBool(action, 'isEnabled') === false) return undefined;
  const payload = requirementsMet(action) ? payloadFor(action, path) : undefined;
  if (!payload) return buttonFor(action.fallback, childPath(path, 'f'), ctx);

  const title = getText(action, 'title');
  const text = isBlank(title) ? defaultTitle(payload.k, ctx) : markdownToPlain(title!).trim() || defaultTitle(payload.k, ctx);
  const button: ButtonElement = {
    type: 'button',
    text: { type: 'plain_text', text: ctx.plain(text, LIMITS.buttonText) },
    action_id: ctx.nextActionId(),
  };
  const url = payload.k === 'u' ? safeButtonUrl(action) : undefined;
  if (url) button.url = url;
  if (enumIs(action, 'style', 'positive')) button.style = 'primary';
  if (enumIs(action, 'style', 'destructive')) button.style = 'danger';
  ctx.addButton(button, payload);
  return button;
}
