import { renderCard, validateBlocks } from '../../../adapters/slack/block-kit';
import { card, text } from './support/cards';

const render = (body: unknown[]) => renderCard(card(body));

describe('renderCard: display elements', () => {
  it('TextBlock -> mrkdwn section; consecutive text joins one section', () => {
    const { blocks } = render([text('Hello **world**'), text('second line')]);
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Hello *world*\nsecond line', verbatim: true } }]);
  });

  it('headings (style heading, size large) -> header block; bolder -> bold mrkdwn; isSubtle -> context', () => {
    const { blocks } = render([
      text('Title', { style: 'heading' }),
      text('Big', { size: 'ExtraLarge' }),
      text('Strong', { weight: 'Bolder' }),
      text('quiet', { isSubtle: true }),
    ]);
    expect(blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Title' } },
      { type: 'header', text: { type: 'plain_text', text: 'Big' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Strong*', verbatim: true } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'quiet', verbatim: true }] },
    ]);
  });

  it('a heading with several lines or over 150 chars becomes bold mrkdwn instead of being cut', () => {
    const long = 'H'.repeat(151);
    const { blocks, truncated } = render([text(long, { size: 'large' }), text('a\nb', { style: 'heading' })]);
    expect(blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `*${long}*\n*a*\n*b*`, verbatim: true } });
    expect(truncated).toBe(false);
  });

  it('RichTextBlock -> one section with each TextRun formatted and escaped (runs are not Markdown)', () => {
    const { blocks } = render([
      {
        type: 'RichTextBlock',
        inlines: [
          'plain **not bold** ',
          { type: 'TextRun', text: 'bold', weight: 'bolder' },
          ' ',
          { type: 'TextRun', text: 'it', italic: true, strikethrough: true },
          ' ',
          { type: 'TextRun', text: 'code', fontType: 'Monospace' },
          ' ',
          { type: 'TextRun', text: 'link <x>', selectAction: { type: 'Action.OpenUrl', url: 'https://example.com' } },
          { type: 'Image', url: 'https://ignored' },
        ],
      },
    ]);
    expect(blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'plain **not bold** *bold* ~_it_~ `code` <https://example.com|link &lt;x&gt;>', verbatim: true } },
    ]);
  });

  it('FactSet -> section fields "*Title*\\nValue", ten per section', () => {
    const facts = Array.from({ length: 12 }, (_, i) => ({ title: `T${i}`, value: `V ${i} <@U1>` }));
    const { blocks } = render([{ type: 'FactSet', facts }]);
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ type: 'section' });
    const [first, second] = blocks as { fields: { text: string }[] }[];
    expect(first!.fields).toHaveLength(10);
    expect(second!.fields).toHaveLength(2);
    expect(first!.fields[0]).toEqual({ type: 'mrkdwn', text: '*T0*\nV 0 &lt;@U1&gt;', verbatim: true });
  });

  it('ColumnSet of text columns -> one section with a field per column', () => {
    const { blocks } = render([
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', items: [text('Left', { weight: 'bolder' }), text('l2')] },
          { type: 'Column', items: [text('Right')] },
          { type: 'Column', isVisible: false, items: [text('hidden')] },
        ],
      },
    ]);
    expect(blocks).toEqual([
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Left*\nl2', verbatim: true },
          { type: 'mrkdwn', text: 'Right', verbatim: true },
        ],
      },
    ]);
  });

  it('ColumnSet of an image column and a text column -> section with the image as accessory', () => {
    const { blocks } = render([
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'auto', items: [{ type: 'Image', url: 'https://img.example/a.png', altText: 'Aiko' }] },
          { type: 'Column', items: [text('Aiko Tanaka'), text('Contoso', { isSubtle: true })] },
        ],
      },
    ]);
    expect(blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Aiko Tanaka\nContoso', verbatim: true },
        accessory: { type: 'image', image_url: 'https://img.example/a.png', alt_text: 'Aiko' },
      },
    ]);
  });

  it('ColumnSet with other content and nested Containers are flattened in order', () => {
    const { blocks } = render([
      {
        type: 'Container',
        items: [
          {
            type: 'ColumnSet',
            columns: [
              { type: 'Column', items: [text('a'), { type: 'Input.Text', id: 'x', label: 'X' }] },
              { type: 'Column', items: [{ type: 'Container', items: [text('b')] }] },
            ],
          },
        ],
      },
    ]);
    expect(blocks.map((b) => b.type)).toEqual(['section', 'input', 'section']);
  });

  it('Image -> image block, alt text defaulted; non-http images are left out (alt text kept)', () => {
    const { blocks } = render([
      { type: 'Image', url: 'https://img.example/a.png' },
      { type: 'Image', url: 'data:image/png;base64,AAAA', altText: 'Chart <1>' },
      { type: 'Image', url: 'data:image/png;base64,AAAA' },
    ]);
    expect(blocks).toEqual([
      { type: 'image', image_url: 'https://img.example/a.png', alt_text: 'Image' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Chart &lt;1&gt;', verbatim: true }] },
    ]);
    expect(renderCard(card([{ type: 'Image', url: 'https://x.example/i.png' }]), { locale: 'ja' }).blocks[0]).toMatchObject({ alt_text: '画像' });
  });

  it('ImageSet -> context blocks of at most 10 images', () => {
    const images = Array.from({ length: 12 }, (_, i) => ({ type: 'Image', url: `https://img.example/${i}.png`, altText: `i${i}` }));
    const { blocks } = render([{ type: 'ImageSet', images }]);
    expect(blocks.map((b) => b.type === 'context' && b.elements.length)).toEqual([10, 2]);
  });

  it('Table (1.5) -> lines with a bold header row', () => {
    const cell = (t: string) => ({ type: 'TableCell', items: [text(t)] });
    const { blocks } = render([
      {
        type: 'Table',
        columns: [{ width: 1 }, { width: 1 }],
        rows: [
          { type: 'TableRow', cells: [cell('Name'), cell('Role')] },
          { type: 'TableRow', cells: [cell('Aiko'), cell('Admin')] },
        ],
      },
    ]);
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*Name | Role*\nAiko | Admin', verbatim: true } }]);
  });

  it('separator -> divider; isVisible false -> skipped', () => {
    const { blocks } = render([text('a'), text('b', { separator: true }), text('c', { isVisible: false })]);
    expect(blocks.map((b) => b.type)).toEqual(['section', 'divider', 'section']);
  });

  it('unknown elements use their fallback: an element, "drop", else nothing; never an error', () => {
    const { blocks } = render([
      { type: 'Rating', value: 3, fallback: text('3 of 5') },
      { type: 'Carousel', fallback: 'drop' },
      { type: 'Future.Thing' },
      { type: 'Fancy', fallback: { type: 'Also.Unknown', fallback: text('deep fallback') } },
      { type: 'TextBlock', text: 'needs host', requires: { acmeFeature: '1.0' }, fallback: text('no feature') },
      null,
      42,
      'string',
    ]);
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '3 of 5\ndeep fallback\nno feature', verbatim: true } }]);
  });

  it('a column whose text needs a host feature renders its fallback, even an input (found by the property test, seed 464612514)', () => {
    const needsHost = { type: 'TextBlock', text: '!', requires: { acme: '1.0' }, fallback: { type: 'Input.Number', id: 'seats', label: 'Seats' } };
    const { blocks } = render([{ type: 'ColumnSet', columns: [{ type: 'Column', items: [needsHost] }, { type: 'Column', items: [text('beside')] }] }]);
    expect(blocks.filter((b) => b.type === 'input')).toHaveLength(1);
    expect(JSON.stringify(blocks)).toContain('beside');
    expect(JSON.stringify(blocks)).not.toContain('"text":"!"');
  });

  it('Media without fallback -> a context link to its source', () => {
    const { blocks } = render([{ type: 'Media', sources: [{ mimeType: 'video/mp4', url: 'https://v.example/a.mp4' }], altText: 'Demo' }]);
    expect(blocks).toEqual([{ type: 'context', elements: [{ type: 'mrkdwn', text: '▶ <https://v.example/a.mp4|Demo>', verbatim: true }] }]);
  });

  it('an empty or malformed card still gives one valid block and a localized summary', () => {
    for (const c of [{}, { type: 'AdaptiveCard' }, null, 'nope', { body: 'x', actions: 3 }]) {
      const en = renderCard(c);
      expect(validateBlocks(en.blocks)).toEqual([]);
      expect(en.text).toBe('New card');
      expect(renderCard(c, { locale: 'ja' }).text).toBe('新しいカード');
    }
  });

  it('text summary: first lines of the card, plain and escaped; fallbackText when there is no text', () => {
    const r = render([text('**Request** <@U1>'), { type: 'FactSet', facts: [{ title: 'A', value: '1' }] }]);
    expect(r.text).toBe('Request &lt;@U1&gt;\nA: 1');
    expect(renderCard(card([{ type: 'Image', url: 'https://x.example/a.png' }], [], { fallbackText: 'An image' })).text).toBe('An image');
    expect(renderCard(card([]), { locale: 'ja' }).text).toBe('新しいカード');
    expect(renderCard(card([], [], { lang: 'ja-JP' })).text).toBe('新しいカード');
  });
});
