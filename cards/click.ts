import type { z } from 'zod';
import type { CardActionSchema } from './actions';
import type { CardOptions } from './models';
import type { ActionData, ActionStyle, ExecuteAction, SubmitAction } from './schema';

/** What a button sends, before the host merges the card's input values in (see actions.ts). */
export type Click = z.input<typeof CardActionSchema>;

/** The data part of a click: every field but the verb, with absent optional fields left out. */
export function clickData(click: Click): ActionData {
  const data: ActionData = {};
  for (const [key, value] of Object.entries(click)) {
    if (key !== 'verb' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
      data[key] = value;
    }
  }
  return data;
}

export interface ButtonOptions extends CardOptions {
  style?: ActionStyle;
  /** 'none' for buttons that must not validate or send the card's inputs (Cancel, Change). */
  inputs?: 'auto' | 'none';
}

/**
 * A button: Action.Execute with the verb and its data (Universal Actions), or for older clients
 * Action.Submit whose data carries the verb too. Either way the host hands back `{ verb, ...data }`.
 */
export function button(title: string, click: Click, options: ButtonOptions = {}): ExecuteAction | SubmitAction {
  const extras = {
    ...(options.style ? { style: options.style } : {}),
    ...(options.inputs ? { associatedInputs: options.inputs } : {}),
  };
  if (options.universalActions === false) {
    return { type: 'Action.Submit', title, data: { verb: click.verb, ...clickData(click) }, ...extras };
  }
  return { type: 'Action.Execute', title, verb: click.verb, data: clickData(click), ...extras };
}

/** The Universal Actions refresh: the approvers' clients ask for the current card with this verb. */
export function refreshExecute(requestId: string, version: number): ExecuteAction {
  return { type: 'Action.Execute', title: 'Refresh', verb: 'refresh', data: { requestId, version } };
}
