import fc from 'fast-check';
import { flatLine } from '../../adapters/embedded/nedb-append';

/**
 * The embedded store writes flat documents' lines itself (adapters/embedded/nedb-append.ts); each line
 * must be exactly what nedb's own `serialize` writes, or the file reads back differently after a
 * restart. The generator includes invalid Dates (`new Date(NaN)`): nedb writes those as `null`.
 */
describe('nedb line format: flatLine against nedb serialize', () => {
  const { serialize, deserialize } = jest.requireActual<{ serialize(doc: unknown): string; deserialize(line: string): unknown }>('@seald-io/nedb/lib/model');
  const key = fc.oneof(fc.constantFrom('_id', 'receivedAt', 'expiresAt', 'json'), fc.string({ minLength: 1 }).filter((k) => !k.startsWith('$') && !k.includes('.')));
  const date = fc.oneof(fc.date({ noInvalidDate: false }), fc.constant(new Date(NaN)), fc.constant(new Date(8.64e15)), fc.constant(new Date(-8.64e15)));
  const value = fc.oneof(date, fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined));

  it('is byte for byte nedb serialize for flat documents, invalid Dates included', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (doc) => {
        expect(flatLine(doc)).toBe(serialize(doc));
      }),
      { numRuns: 2000, examples: [[{ _id: new Date(NaN) }], [{ _id: 'k', at: new Date(NaN), ok: new Date(0) }]] },
    );
  });

  it('reads back as nedb reads its own line', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (doc) => {
        const line = flatLine(doc);
        expect(line).toBeDefined();
        expect(deserialize(line!)).toEqual(deserialize(serialize(doc)));
      }),
      { numRuns: 1000 },
    );
  });

  it('counterexample: an invalid Date is null, as nedb writes it', () => {
    expect(flatLine({ _id: new Date(NaN) })).toBe('{"_id":null}');
  });
});
