import { runInNewContext } from 'node:vm';
import { CodedError, errorCode, ETagConflictError, RequestContendedError, unwrap } from '../../domain';

describe('CodedError: a stable code, the cause kept', () => {
  it('carries its code, its cause and its class name, and is an Error', () => {
    const cause = new Error('socket closed');
    const e = new CodedError('SOMETHING_BROKE', 'it broke', { cause });
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: 'SOMETHING_BROKE', message: 'it broke', cause, name: 'CodedError' });
    const conflict = new ETagConflictError('state:k');
    expect(conflict).toBeInstanceOf(CodedError);
    expect(conflict).toMatchObject({ code: 'ETAG_CONFLICT', name: 'ETagConflictError', key: 'state:k' });
    expect(conflict.message).toContain('eTag conflict'); // the conversation-state port's contract
    expect(new RequestContendedError('r-1', 5)).toMatchObject({ code: 'REQUEST_CONTENDED', name: 'RequestContendedError', requestId: 'r-1', attempts: 5 });
  });
});

describe('unwrap: every layer of a wrapped error, outermost first', () => {
  it('follows a cause chain three deep', () => {
    const root = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const middle = new Error('server selection failed', { cause: root });
    const outer = new CodedError('OUTER', 'turn failed', { cause: middle });
    expect(unwrap(outer)).toEqual([outer, middle, root]);
    expect(errorCode(middle)).toBe('ECONNREFUSED');
    expect(errorCode(outer)).toBe('OUTER'); // the outermost code is the one a log line should carry
  });

  it("sees through botbuilder-dialogs' DialogContextError, which keeps the original in `.error` (no cause)", () => {
    const original = new CodedError('STORE_BUSY', 'busy');
    // The shape botbuilder-dialogs 4.23 makes (src/dialogContextError.ts): name, message copied, `error`, `dialogContext`.
    const wrapper = Object.assign(new Error(original.message), { name: 'DialogContextError', error: original, dialogContext: { stack: [] } });
    expect(unwrap(wrapper)).toEqual([wrapper, original]);
    expect(errorCode(wrapper)).toBe('STORE_BUSY');
    // A DialogContextError made from a message holds a string: that is not a layer.
    const fromText = Object.assign(new Error('not found'), { name: 'DialogContextError', error: 'not found' });
    expect(unwrap(fromText)).toEqual([fromText]);
    // Bolt's wrappers keep theirs in `original`.
    const bolt = Object.assign(new Error('unknown'), { code: 'slack_bolt_unknown_error', original });
    expect(unwrap(bolt)).toEqual([bolt, original]);
  });

  it('stops on a cycle of causes, listing each error once', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    const c = new Error('c', { cause: b });
    Object.assign(a, { cause: c });
    expect(unwrap(c)).toEqual([c, b, a]);
    const self = new Error('self');
    Object.assign(self, { cause: self, error: self });
    expect(unwrap(self)).toEqual([self]);
    expect(errorCode(c)).toBeUndefined();
  });

  it('is bounded however long the chain is', () => {
    let e: unknown = new Error('root');
    for (let i = 0; i < 10_000; i++) e = { cause: e };
    expect(unwrap(e).length).toBeLessThanOrEqual(32);
  });

  it('is structural: errors from another realm are followed too, and non-errors are one layer', () => {
    const foreign: unknown = runInNewContext("new Error('outer', { cause: Object.assign(new Error('x'), { code: 'EPIPE' }) })");
    expect(foreign instanceof Error).toBe(false);
    expect(unwrap(foreign)).toHaveLength(2);
    expect(errorCode(foreign)).toBe('EPIPE');
    for (const x of [undefined, null, 'EPIPE', 42]) expect(unwrap(x)).toEqual([x]);
    expect(errorCode({ code: 11000 })).toBeUndefined(); // only string codes
  });
});
