/**
 * The one error model. Everything the product throws on purpose is a `CodedError`: a stable string
 * `code` that logs, tests and callers branch on (never rename one), and the error that led to it kept
 * as the standard `cause`. Each area names its codes as a string-literal union next to its classes.
 *
 * A rule saying "no" is not an error: it is returned as a `Refusal` (result.ts), with a reason a person
 * can act on. Errors are for what the person cannot fix by answering differently.
 */
export class CodedError<C extends string = string> extends Error {
  readonly code: C;

  constructor(code: C, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The domain's own codes. */
export type DomainErrorCode =
  /** A conversation-state write lost the race to another turn (conversation-state.port.ts). */
  | 'ETAG_CONFLICT'
  /** A request kept changing under a compare-and-set, attempt after attempt. */
  | 'REQUEST_CONTENDED';

/** A lifecycle command could not be applied: every compare-and-set lost to another writer. */
export class RequestContendedError extends CodedError<'REQUEST_CONTENDED'> {
  constructor(
    readonly requestId: string,
    readonly attempts: number,
  ) {
    super('REQUEST_CONTENDED', `Request ${requestId} kept changing under us (${attempts} attempts); try again.`);
  }
}

/**
 * Properties under which wrappers keep the error they wrap: the standard `cause`; `error`
 * (botbuilder-dialogs' DialogContextError, which has no `cause`); `original` (Bolt's wrappers).
 */
const WRAPPED = ['cause', 'error', 'original'] as const;
/** Far more than any real chain; a bound so that a hostile or broken chain cannot make us spin. */
const MAX_LAYERS = 32;

/**
 * Every layer of a possibly wrapped error, outermost first: the value itself, then whatever it wraps
 * (see WRAPPED), and so on. Classifiers look for the layer they recognise anywhere in it, because a
 * store outage reaches the bot wrapped by botbuilder-dialogs, or as the cause of a driver error.
 *
 * Purely structural: no `instanceof Error`, which is false for errors made in another realm (Node's
 * core code under jest, a vm context). Callers that must tell a real error from a look-alike object
 * check each layer themselves (the adapters do, with Node's own test). A string wrapped (a
 * DialogContextError made from a message) is not a layer. Cycles are cut; at most MAX_LAYERS layers.
 */
export function unwrap(err: unknown): unknown[] {
  const layers: unknown[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && layers.length < MAX_LAYERS) {
    const layer = queue.shift();
    if (seen.has(layer)) continue;
    seen.add(layer);
    layers.push(layer);
    if (typeof layer !== 'object' || layer === null) continue;
    for (const key of WRAPPED) {
      const inner: unknown = (layer as Record<string, unknown>)[key];
      if (typeof inner === 'object' && inner !== null) queue.push(inner);
    }
  }
  return layers;
}

/** The first string `code` in the chain (a CodedError's, or Node's such as 'EPIPE'): what a log line should carry. */
export function errorCode(err: unknown): string | undefined {
  for (const layer of unwrap(err)) {
    const code = typeof layer === 'object' && layer !== null ? (layer as { code?: unknown }).code : undefined;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
