import type { AdaptiveCardJson } from '../../../../adapters/slack/block-kit';

/** A 1.5 card around the given body and actions. */
export function card(body: unknown[], actions: unknown[] = [], extra: Record<string, unknown> = {}): AdaptiveCardJson {
  return { type: 'AdaptiveCard', version: '1.5', body, actions, ...extra };
}

export const text = (t: string, more: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: t, ...more });
export const submit = (title: string, data?: unknown, more: Record<string, unknown> = {}) => ({
  type: 'Action.Submit',
  title,
  ...(data !== undefined ? { data } : {}),
  ...more,
});
