import fc from 'fast-check';
import { foldText } from '../../dialogs/recognition/entities/folded-text';
import { organizationPhrases } from '../../dialogs/recognition/entities/organization-aliases';
import { OrganizationIndex } from '../../dialogs/recognition/entities/organization-index';
import { PhraseMatcher } from '../../dialogs/recognition/entities/phrase-matcher';
import { EntityExtractor } from '../../dialogs/recognition/entities';
import { generateDirectory } from '../../bench/lib/generate-directory';
import { loadSampleDirectory } from '../support/sample-directory';

// Issue 19: at L the organization-name index (100,200 names) took seconds to build at every start-up;
// it is now written out as bytes and read back. Read back, it must match exactly as the index built
// from the names does (the same matches, spans and scores), which is what this compares, on the
// sample's names (English and Japanese) and on generated ones (names sharing their words).
describe('OrganizationIndex: read back from bytes, it matches exactly as built', () => {
  const sample = loadSampleDirectory().organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));
  const generated = (generateDirectory('M', 5).organizations as Array<{ id: string; name: string; nameJa?: string }>).map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));
  const typo = (s: string) =>
    fc.oneof(
      fc.constant(s),
      fc.nat({ max: Math.max(s.length - 1, 0) }).map((i) => s.slice(0, i) + s.slice(i + 1)),
      fc.tuple(fc.nat({ max: Math.max(s.length - 1, 0) }), fc.constantFrom('a', 'x', 'ー', '0')).map(([i, c]) => s.slice(0, i) + c + s.slice(i + 1)),
    );

  for (const [name, orgs] of [['the sample directory', sample], ['a generated M directory (10,020 organizations)', generated]] as const) {
    it(`finds the same organizations as the matcher built from the names: ${name}`, () => {
      // The reference is the matcher as the recognizer built it before the index could be saved.
      const reference = new PhraseMatcher(organizationPhrases(orgs), { fuzzy: true });
      const bytes = OrganizationIndex.build(orgs).toBytes();
      const readBack = OrganizationIndex.fromBytes(bytes);
      expect(readBack).toBeDefined();
      const phrases = organizationPhrases(orgs).flatMap((e) => e.phrases);
      const text = fc
        .array(fc.oneof(fc.constantFrom(...phrases).chain(typo), fc.constantFrom('link me with', 'と連携したい', 'for Azure', 'ＣＯＮＴＯＳＯ', 'please')), { minLength: 1, maxLength: 4 })
        .map((parts) => parts.join(' '));
      let found = 0;
      fc.assert(
        fc.property(text, (t) => {
          const want = reference.match(foldText(t));
          expect(readBack!.match(foldText(t))).toEqual(want);
          found += want.length;
        }),
        { numRuns: 400 },
      );
      expect(found).toBeGreaterThan(200); // the texts did name organizations
    });
  }

  it('the recognizer finds the same entities with the index read back as with the names', () => {
    const fromNames = new EntityExtractor(sample);
    const fromBytes = new EntityExtractor(OrganizationIndex.fromBytes(OrganizationIndex.build(sample).toBytes())!);
    for (const text of ['link me with Contoso Distribution Japan', 'コントソと連携したい', 'We need a second partner for Azure, maybe Fabrikm?', 'Sakura Cloud for Microsoft 365']) {
      expect(fromBytes.extract(text)).toEqual(fromNames.extract(text));
    }
    expect(fromNames.extract('link me with Contoso Distribution Japan').some((e) => e.type === 'organization')).toBe(true);
  });

  it('reads back from a Node Buffer that is a view into a larger pool (as LevelDB hands it)', () => {
    const bytes = OrganizationIndex.build(sample).toBytes();
    const pool = Buffer.alloc(bytes.length + 13);
    pool.set(bytes, 5);
    const view = pool.subarray(5, 5 + bytes.length);
    expect(OrganizationIndex.fromBytes(view)?.match(foldText('link me with Contoso Distribution Japan'))).toEqual(new PhraseMatcher(organizationPhrases(sample), { fuzzy: true }).match(foldText('link me with Contoso Distribution Japan')));
  });

  it('an empty directory round-trips too', () => {
    const empty = OrganizationIndex.fromBytes(OrganizationIndex.build([]).toBytes());
    expect(empty?.match(foldText('Contoso'))).toEqual([]);
  });

  it('bytes that are not a whole index of these rules give undefined (the caller builds it again)', () => {
    const bytes = OrganizationIndex.build(sample).toBytes();
    expect(OrganizationIndex.fromBytes(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    expect(OrganizationIndex.fromBytes(bytes.subarray(0, 40))).toBeUndefined();
    expect(OrganizationIndex.fromBytes(new Uint8Array(0))).toBeUndefined();
    expect(OrganizationIndex.fromBytes(new TextEncoder().encode('{"not":"an index"}'))).toBeUndefined();
    // The same layout saved under other phrase rules (its fingerprint differs): not loaded.
    const other = new Uint8Array(bytes);
    const head = new TextDecoder().decode(other.subarray(8, 8 + new DataView(other.buffer).getUint32(4, true)));
    const rules = (JSON.parse(head) as { rules: string }).rules;
    const at = Buffer.from(other).indexOf(rules);
    other.set(new TextEncoder().encode(rules.replace(/./, (c) => (c === '0' ? '1' : '0'))), at);
    expect(OrganizationIndex.fromBytes(other)).toBeUndefined();
    expect(OrganizationIndex.fromBytes(bytes)).toBeDefined();
  });
});
