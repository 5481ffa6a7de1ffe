import fc from 'fast-check';
import { serialize } from '@seald-io/nedb/lib/model';
import { serializeDocument } from '../../adapters/embedded/nedb-append';

/** Our line for a document must be nedb's own, byte for byte: nedb reads the file back. */
describe("the embedded store's data-file lines", () => {
  const key = fc.oneof(fc.string(), fc.constantFrom('_id', 'json', 'eTag', '0', '10', '2', '$bad', 'a.b', '__proto__x', 'ü'), fc.nat().map(String));
  const flatValue = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.double(),
    fc.integer(),
    fc.constantFrom(0, -0, NaN, Infinity, -Infinity, true, false, null, undefined),
    fc.date({ noInvalidDate: false }),
  );
  const nested = fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));

  const line = (f: (doc: unknown) => string, doc: unknown): { ok: string } | { threw: string } => {
    try {
      return { ok: f(doc) };
    } catch (err) {
      return { threw: (err as Error).message };
    }
  };

  it('is the same as nedb serialize for flat documents (and keys nedb refuses are refused alike)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, flatValue, { maxKeys: 8 }), (doc) => {
        expect(line(serializeDocument, doc)).toEqual(line(serialize, doc));
      }),
      { numRuns: 3000 },
    );
  });

  it('is the same for documents with arrays and sub-documents (handed to nedb)', () => {
    fc.assert(
      fc.property(fc.dictionary(key, fc.oneof(flatValue, nested), { maxKeys: 6 }), (doc) => {
        expect(line(serializeDocument, doc)).toEqual(line(serialize, doc));
      }),
      { numRuns: 1000 },
    );
  });

  it('examples: a conversation state item, a reference with its date, a deleted marker', () => {
    const when = new Date('2026-11-24T10:00:00.000Z');
    expect(serializeDocument({ _id: 'msteams/conversations/a:1', json: '{"dialogState":{"dialogStack":[]}}', eTag: 'e1' })).toBe(
      '{"_id":"msteams/conversations/a:1","json":"{\\"dialogState\\":{\\"dialogStack\\":[]}}","eTag":"e1"}',
    );
    expect(serializeDocument({ _id: 'k', updatedAt: when, gone: undefined })).toBe(`{"_id":"k","updatedAt":{"$$date":${when.getTime()}}}`);
    expect(serializeDocument({ $$deleted: true, _id: 'k' })).toBe(serialize({ $$deleted: true, _id: 'k' }));
  });
});
