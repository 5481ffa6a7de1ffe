import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { normalizeJapanese, tokenizeJapanese } from '../../adapters/nlpjs/japanese-segmenter';

const words = (text: string) => tokenizeJapanese(normalizeJapanese(text));

describe('tokenizeJapanese: ICU words, fixed up', () => {
  it.each([
    ['販売代理店とリンクしたいです', ['販売', '代理店', 'と', 'リンク', 'した', 'い', 'です']],
    // ICU cuts katakana words it does not know into pieces; they are put back together.
    ['ディストリビューターと連携したい', ['ディストリビューター', 'と', '連携', 'した', 'い']],
    // ICU read テイルスピンと as テイ|ルス|ピンと (ピンと is a word); the katakana/kana boundary is a word boundary.
    ['テイルスピンと連携したい', ['テイルスピン', 'と', '連携', 'した', 'い']],
    // The middle dot, spaces and punctuation separate words and are left out.
    ['テイルスピン・ディストリビューション、お願い！', ['テイルスピン', 'ディストリビューション', 'お願い']],
    ['Azure のパートナーを追加したい', ['azure', 'の', 'パートナー', 'を', '追加', 'した', 'い']],
    // ー after hiragana is not the start of a katakana word.
    ['やっほー', ['や', 'っ', 'ほ', 'ー']],
    ['', []],
    ['？！。', []],
  ])('%j', (text, expected) => {
    expect(words(text)).toEqual(expected);
  });
});

describe('normalizeJapanese', () => {
  it.each([
    ['ﾃﾞｨｽﾄﾘﾋﾞｭｰﾀｰ', 'ディストリビューター'], // half-width katakana
    ['ＡＺＵＲＥ　３６５', 'azure 365'], // full-width Latin, digits and space
    ['か゛んは゜る', 'がんぱる'], // spacing voiced marks
    ['か ゙', 'が'], // the same after NFKC (classifierText applies it first)
    ['時々', '時々'], // kept: ICU knows it
  ])('%j -> %j', (text, expected) => {
    expect(normalizeJapanese(text)).toBe(expected);
  });
});

describe('Japanese classification without kuromoji', () => {
  it('never loads @nlpjs/lang-ja or kuromoji (its dictionary costs ~0.8 s and ~300 MB)', () => {
    // A fresh Node process: Jest's module registry is not Node's require.cache.
    const script = `
      const { NlpjsIntentClassifier } = require('./adapters/nlpjs');
      (async () => {
        const c = await NlpjsIntentClassifier.train([
          { locale: 'ja', intent: 'help', text: '使い方を教えて' },
          { locale: 'ja', intent: 'greeting', text: 'こんにちは' },
          { locale: 'en', intent: 'help', text: 'help me' },
        ]);
        const ja = await c.classify('ja', '使い方を教えてください');
        await c.classify('en', 'help');
        const loaded = Object.keys(require.cache).filter((k) => /kuromoji|lang-ja/.test(k));
        process.stdout.write(JSON.stringify({ intent: ja[0].intent, loaded }));
      })();`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: join(__dirname, '..', '..'), encoding: 'utf8', timeout: 20000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ intent: 'help', loaded: [] });
  });
});
