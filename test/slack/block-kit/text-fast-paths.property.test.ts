import fc from 'fast-check';
import { escapeMrkdwn } from '../../../adapters/slack/block-kit/mrkdwn.converter';
import { cleanText } from '../../../adapters/slack/block-kit/text-fit';

/** Text with nothing to escape or clean is returned as is; the result is always the full replacement's. */
describe('Block Kit text: the nothing-to-do shortcuts change nothing', () => {
  // eslint-disable-next-line no-control-regex -- the same classes as text-fit.ts
  const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
  const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  const fullClean = (t: string) => t.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
  const fullEscape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('a', 'あ', '&', '<', '>', '\r', '\n', '\t', '\u0000', '\u0085', '\uD83D', '\uDE00', '😀', ' ') }),
  );

  it('cleanText', () => {
    fc.assert(fc.property(text, (t) => expect(cleanText(t)).toBe(fullClean(t))), { numRuns: 5000 });
  });

  it('escapeMrkdwn', () => {
    fc.assert(fc.property(text, (t) => expect(escapeMrkdwn(t)).toBe(fullEscape(t))), { numRuns: 5000 });
  });
});
