import { z } from 'zod';

/**
 * What the inbox accepts from Slack, checked at the edge before anything is stored or a turn runs.
 * Only the fields the adapter reads are checked (Slack sends many more, which pass through): a
 * delivery with a wrong type where a string is read, an over-long or object-shaped ID, or JSON nested
 * deeper than any Slack payload is refused as a whole, acknowledged and never retried.
 */
export const MAX_BODY_DEPTH = 64;
const ID = z.string().min(1).max(255);
const TEXT = z.string().max(40_000); // Slack's own limit for a message's text
const opt = <T extends z.ZodType>(t: T) => t.optional();

const EventSchema = z.looseObject({
  type: opt(z.string().max(255)),
  subtype: opt(z.string().max(255)),
  bot_id: opt(ID),
  user: opt(ID),
  text: opt(TEXT),
  channel: opt(ID),
  channel_type: opt(z.string().max(64)),
  ts: opt(z.string().max(64)),
  thread_ts: opt(z.string().max(64)),
  team: opt(ID),
});

const EventCallbackSchema = z.looseObject({
  type: z.literal('event_callback'),
  team_id: opt(ID),
  event_id: opt(z.string().min(1).max(128)),
  event: opt(EventSchema),
});

const BlockActionsSchema = z.looseObject({
  type: z.literal('block_actions'),
  trigger_id: opt(ID),
  team: opt(z.looseObject({ id: opt(ID) }).nullable()),
  user: opt(z.looseObject({ id: opt(ID), team_id: opt(ID) })),
  channel: opt(z.looseObject({ id: opt(ID), name: opt(z.string().max(255)) })),
  container: opt(z.looseObject({ type: opt(z.string().max(64)), channel_id: opt(ID), message_ts: opt(z.string().max(64)), is_ephemeral: opt(z.boolean()) })),
  message: opt(z.looseObject({ ts: opt(z.string().max(64)), blocks: opt(z.array(z.unknown()).max(100)) })),
  actions: opt(z.array(z.looseObject({ action_id: opt(z.string().max(255)), action_ts: opt(z.string().max(64)), value: opt(z.string().max(2000)) })).max(25)),
  state: opt(z.looseObject({ values: opt(z.record(z.string(), z.unknown())) })),
});

/** Issue 19: an external_select asking for options as the person types (answered at once, never stored). */
const BlockSuggestionSchema = z.looseObject({
  type: z.literal('block_suggestion'),
  action_id: z.string().min(1).max(255),
  block_id: opt(z.string().max(255)),
  // What the person typed; Slack sends it as they type, a menu's search box is short.
  value: z.string().max(200),
  team: opt(z.looseObject({ id: opt(ID) }).nullable()),
  user: z.looseObject({ id: ID, team_id: opt(ID) }),
  channel: opt(z.looseObject({ id: opt(ID), name: opt(z.string().max(255)) })),
  container: opt(z.looseObject({ type: opt(z.string().max(64)), channel_id: opt(ID), message_ts: opt(z.string().max(64)), is_ephemeral: opt(z.boolean()) })),
});

const CommandSchema = z.looseObject({
  command: z.string().min(1).max(64),
  text: opt(z.string().max(4000)),
  team_id: opt(ID),
  user_id: opt(ID),
  channel_id: opt(ID),
  channel_name: opt(z.string().max(255)),
  trigger_id: opt(ID),
});

/** How deeply a value nests (objects and arrays), counted without recursion; stops past `limit`. */
export function depthOf(value: unknown, limit = MAX_BODY_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push([child, d + 1]);
  }
  return deepest;
}

/**
 * How deeply JSON text nests, read from the text itself before it is parsed (brackets outside
 * strings), stopping past `limit`. A form body's `payload=` field is URL-encoded: decode it first.
 */
export function jsonTextDepth(text: string, limit = MAX_BODY_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export type BodyCheck = { ok: true } | { ok: false; problem: string };

/** Whether a parsed Slack body is one the inbox may store and work on; `problem` names the field, never its value. */
export function checkSlackBody(body: unknown): BodyCheck {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, problem: 'the body is not an object' };
  if (depthOf(body) > MAX_BODY_DEPTH) return { ok: false, problem: `the body nests deeper than ${MAX_BODY_DEPTH} levels` };
  const b = body as Record<string, unknown>;
  const schema =
    'command' in b ? CommandSchema : b.type === 'event_callback' ? EventCallbackSchema : b.type === 'block_actions' ? BlockActionsSchema : b.type === 'block_suggestion' ? BlockSuggestionSchema : undefined;
  if (!schema) return { ok: true }; // other types are ignored later, unread
  const parsed = schema.safeParse(b);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.') || '(body)'}: ${issue.message}` };
}
