import { escapeMrkdwn, markdownToMrkdwn, markdownToPlain, safeUrl } from '../../../adapters/slack/block-kit/mrkdwn.converter';

describe('Adaptive Card Markdown -> Slack mrkdwn', () => {
  it.each([
    ['**bold**', '*bold*'],
    ['__bold__', '*bold*'],
    ['_italic_', '_italic_'],
    ['*italic*', '_italic_'],
    ['**bold** and _it_', '*bold* and _it_'],
    ['[docs](https://example.com/a?b=1&c=2)', '<https://example.com/a?b=1&amp;c=2|docs>'],
    ['[**docs**](https://example.com)', '<https://example.com|docs>'],
    ['see https://example.com/x.', 'see <https://example.com/x>.'],
    ['- one\n- two', '• one\n• two'],
    ['* one\n+ two', '• one\n• two'],
    ['1. first\n2) second', '1. first\n2. second'],
    ['line one\nline two', 'line one\nline two'],
    ['snake_case_name stays', 'snake_case_name stays'],
    ['2 * 3 * 4', '2 * 3 * 4'],
  ])('%j -> %j', (md, expected) => {
    expect(markdownToMrkdwn(md)).toBe(expected);
  });

  it('escapes &, < and > in text so nothing becomes a mention, link or broadcast', () => {
    const out = markdownToMrkdwn('<script>alert(1)</script> & <@U123> <!here> <#C1|general> <https://evil|x>');
    expect(out).toBe(
      // The bare URL is linked as itself (never with a label the text chose).
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;@U123&gt; &lt;!here&gt; &lt;#C1|general&gt; &lt;<https://evil>|x&gt;',
    );
    expect(out).not.toMatch(/<[@!#]/);
  });

  it('escapes inside formatting and link labels, but not the link syntax it produces', () => {
    expect(markdownToMrkdwn('**a<b>&c**')).toBe('*a&lt;b&gt;&amp;c*');
    expect(markdownToMrkdwn('[<@U1> & co](https://x.example/?a=<b>|c)')).toBe('<https://x.example/?a=%3Cb%3E%7Cc|&lt;@U1&gt; &amp; co>');
  });

  it('shows links with unsafe schemes as their text', () => {
    expect(markdownToMrkdwn('[click](javascript:alert(1))')).not.toContain('<javascript');
    expect(markdownToMrkdwn('[click](slack://open)')).toBe('click');
    expect(safeUrl('mailto:a@b.example')).toBe('mailto:a@b.example');
    expect(safeUrl('ftp://x')).toBeUndefined();
  });

  it('turns DATE and TIME functions into Slack date tokens', () => {
    expect(markdownToMrkdwn('Due {{DATE(2024-09-30T00:00:00Z, LONG)}}')).toBe('Due <!date^1727654400^{date_long}|2024-09-30>');
    expect(markdownToMrkdwn('{{DATE(2024-09-30T00:00:00Z)}}')).toBe('<!date^1727654400^{date_num}|2024-09-30>');
    expect(markdownToMrkdwn('at {{TIME(2024-09-30T09:05:00+09:00)}}')).toBe('at <!date^1727654700^{time}|00:05 UTC>');
    expect(markdownToMrkdwn('{{DATE(not a date)}}')).toBe('{{DATE(not a date)}}');
  });

  it('keeps emoji, RTL text and Japanese intact and drops control characters', () => {
    expect(markdownToMrkdwn('👩🏽‍💻 **مرحبا** 日本語\u0000\u0007')).toBe('👩🏽‍💻 *مرحبا* 日本語');
  });

  it('plain text drops the markup', () => {
    expect(markdownToPlain('**Hello** _there_, [site](https://x.example) - ok')).toBe('Hello there, site - ok');
    expect(escapeMrkdwn('a&<>')).toBe('a&amp;&lt;&gt;');
  });
});
