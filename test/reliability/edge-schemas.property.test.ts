import fc from 'fast-check';
import { parseCardAction, parseExecuteAction } from '../../cards';
import { parseDirectory } from '../../domain';

/** Any JSON-ish value, with MongoDB operators and prototype keys mixed in where keys are drawn. */
const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('$gt', '$ne', '$where', '$regex', '__proto__', 'constructor', 'verb', 'requestId', 'version', 'reason', 'form', 'providerId'));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
})).value;

function hasOperator(x: unknown): boolean {
  if (Array.isArray(x)) return x.some(hasOperator);
  if (x && typeof x === 'object') return Object.entries(x).some(([k, v]) => k.startsWith('$') || hasOperator(v));
  return false;
}

describe('edge schemas (property-based)', () => {
  it('parseCardAction never throws, and what it accepts is flat, bounded and operator-free', () => {
    fc.assert(
      fc.property(json, (data) => {
        const r = parseCardAction(data);
        if (r.ok) {
          expect(hasOperator(r.action)).toBe(false);
          for (const v of Object.values(r.action)) expect(['string', 'number', 'undefined']).toContain(typeof v);
          expect(JSON.stringify(r.action).length).toBeLessThan(4096);
        } else expect(typeof r.error).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('parseExecuteAction never accepts data naming another verb, nor operators in any field', () => {
    fc.assert(
      fc.property(fc.constantFrom('approve', 'reject', 'refresh', 'cancel_request', 'confirm', 'menu', 'x'), json, (verb, data) => {
        const r = parseExecuteAction(verb, data);
        if (r.ok) {
          expect(r.action.verb).toBe(verb);
          expect(hasOperator(r.action)).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('approve/reject payloads with operators in any field are refused', () => {
    for (const bad of [{ $gt: '' }, { $ne: null }, { $where: 'sleep(1000)' }, ['PL-AAAA0001']]) {
      expect(parseCardAction({ verb: 'approve', requestId: bad, version: 1 }).ok).toBe(false);
      expect(parseCardAction({ verb: 'approve', requestId: 'PL-AAAA0001', version: bad }).ok).toBe(false);
      expect(parseCardAction({ verb: 'reject', requestId: 'PL-AAAA0001', version: 1, reason: bad }).ok).toBe(false);
      expect(parseCardAction({ verb: 'approve', requestId: 'PL-AAAA0001', version: 1, $where: bad }).ok).toBe(false);
    }
  });

  it('parseDirectory never throws on arbitrary input and reports problems as data', () => {
    fc.assert(
      fc.property(fc.oneof(json, fc.record({ organizations: fc.array(json, { maxLength: 3 }), people: fc.array(json, { maxLength: 3 }) })), (raw) => {
        const r = parseDirectory(raw);
        if (!r.ok) for (const i of r.issues) expect(typeof i.reason).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});
