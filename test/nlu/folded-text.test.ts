import { foldString, foldText, sourceSpan } from '../../dialogs/recognition/entities/folded-text';

describe('folding text for matching', () => {
  it('folds each ASCII character exactly as the full path does (the fast path changes nothing)', () => {
    for (let c = 0; c < 0x80; c++) {
      const ch = String.fromCharCode(c);
      expect([c, foldText(ch).text]).toEqual([c, foldString(ch)]);
    }
  });

  it('folds width, case, katakana and apostrophes, and maps folded spans back to the source', () => {
    const source = "ＣＯＮＴＯＳＯ's コントソ";
    const f = foldText(source);
    expect(f.text).toBe('contosos こんとそ');
    const at = f.text.indexOf('こんとそ');
    expect(sourceSpan(f, at, at + 4).text).toBe('コントソ');
    expect(sourceSpan(f, 0, 7).text).toBe('ＣＯＮＴＯＳＯ');
  });
});
