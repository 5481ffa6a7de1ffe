import fc from 'fast-check';

/**
 * Arbitrary Adaptive Cards built from the element and action types the renderer knows (plus unknown
 * ones): nested containers and column sets, text with emoji, RTL, control characters, lone surrogates,
 * Slack markup and lengths around Slack's limits, and random ids (long, odd, "__proto__").
 */
type Json = Record<string, unknown>;

const tricky = fc.constantFrom(
  '<script>alert(1)</script>',
  '&amp; & <@U123> <!channel> <#C1|x>',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦🇯🇵 日本語',
  '\u0000\u0007\u001b[31m\u200f',
  '**bold** _it_ [link](https://x.example/?a=1&b=2) *em*',
  '- a\n- b\n1. c\n\n2) d',
  '{{DATE(2024-01-01T00:00:00Z, SHORT)}} {{TIME(2024-01-01T10:00:00+09:00)}}',
  '\uD800 lone \uDC00',
  ' ',
  '',
);

export const anyText = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: tricky },
  { weight: 1, arbitrary: fc.string({ minLength: 2950, maxLength: 3100 }) },
);

const shortText = fc.oneof(fc.string({ maxLength: 20 }), tricky, fc.string({ minLength: 70, maxLength: 200 }));

export const anyId = fc.oneof(
  { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 240, maxLength: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', '~tilde', ' spaced ', 'a.b', 'aciT1:x', '理由') },
);

const data = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ minLength: 300, maxLength: 900 }), { minKeys: 2, maxKeys: 4 }) },
);

const common = { isVisible: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(false) }), separator: fc.option(fc.boolean(), { nil: undefined }) };
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const url = fc.oneof(fc.webUrl(), fc.constantFrom('data:image/png;base64,AAAA', 'javascript:alert(1)', ''));

const textBlock = fc.record({
  type: fc.constant('TextBlock'),
  text: anyText,
  size: opt(fc.constantFrom('small', 'default', 'medium', 'large', 'ExtraLarge')),
  weight: opt(fc.constantFrom('lighter', 'default', 'Bolder')),
  style: opt(fc.constantFrom('default', 'heading')),
  isSubtle: opt(fc.boolean()),
  ...common,
}, { requiredKeys: ['type', 'text'] });

const richText = fc.record({
  type: fc.constant('RichTextBlock'),
  inlines: fc.array(fc.oneof(anyText, fc.record({ type: fc.constant('TextRun'), text: anyText, weight: opt(fc.constant('bolder')), italic: opt(fc.boolean()), fontType: opt(fc.constant('monospace')), selectAction: opt(fc.record({ type: fc.constant('Action.OpenUrl'), url })) }, { requiredKeys: ['type', 'text'] })), { maxLength: 4 }),
});

const factSet = fc.record({ type: fc.constant('FactSet'), facts: fc.array(fc.record({ title: shortText, value: anyText }), { maxLength: 13 }), ...common });
const image = fc.record({ type: fc.constant('Image'), url, altText: opt(shortText), ...common }, { requiredKeys: ['type', 'url'] });
const imageSet = fc.record({ type: fc.constant('ImageSet'), images: fc.array(image, { maxLength: 12 }) });
const media = fc.record({ type: fc.constant('Media'), sources: fc.array(fc.record({ mimeType: fc.constant('video/mp4'), url }), { maxLength: 2 }) });
const table = fc.record({
  type: fc.constant('Table'),
  rows: fc.array(fc.record({ type: fc.constant('TableRow'), cells: fc.array(fc.record({ type: fc.constant('TableCell'), items: fc.array(textBlock, { maxLength: 2 }) }), { maxLength: 3 }) }), { maxLength: 3 }),
});

const choices = fc.array(fc.record({ title: shortText, value: fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: 140, maxLength: 170 })) }), { maxLength: 14 });
const input = (type: string, extra: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({ type: fc.constant(type), id: anyId, label: opt(shortText), placeholder: opt(shortText), isRequired: opt(fc.boolean()), ...common, ...extra }, { requiredKeys: ['type', 'id'] });

const inputs = [
  input('Input.Text', { value: opt(anyText), isMultiline: opt(fc.boolean()), maxLength: opt(fc.integer({ min: -5, max: 5000 })) }),
  input('Input.Number', { value: opt(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 })), min: opt(fc.integer({ min: -10, max: 10 })), max: opt(fc.integer({ min: -10, max: 100 })) }),
  input('Input.Date', { value: opt(fc.oneof(fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') }).map((d) => d.toISOString().slice(0, 10)), fc.string({ maxLength: 10 }))) }),
  input('Input.Time', { value: opt(fc.oneof(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`), fc.string({ maxLength: 6 }))) }),
  input('Input.Toggle', { title: opt(shortText), value: opt(fc.constantFrom('true', 'false', 'on', 'x')), valueOn: opt(fc.constantFrom('on', 'true', 'Y', 'long '.repeat(40))), valueOff: opt(fc.constantFrom('off', 'false', 'N')) }),
  input('Input.ChoiceSet', { choices, isMultiSelect: opt(fc.boolean()), style: opt(fc.constantFrom('compact', 'expanded', 'filtered')), value: opt(fc.string({ maxLength: 10 })) }),
];

const submitLike = fc.record({
  type: fc.constantFrom('Action.Submit', 'Action.Execute'),
  title: opt(shortText),
  id: opt(anyId),
  verb: opt(fc.string({ maxLength: 12 })),
  data,
  style: opt(fc.constantFrom('default', 'positive', 'destructive')),
  associatedInputs: opt(fc.constantFrom('auto', 'none', 'None')),
  isEnabled: opt(fc.boolean()),
}, { requiredKeys: ['type'] });

const openUrl = fc.record({ type: fc.constant('Action.OpenUrl'), title: opt(shortText), url: fc.webUrl() });
const showCard = fc.record({ type: fc.constant('Action.ShowCard'), title: opt(shortText), card: fc.record({ type: fc.constant('AdaptiveCard'), body: fc.array(textBlock, { maxLength: 2 }), actions: fc.array(submitLike, { maxLength: 2 }) }) });
const unknownAction = fc.record({ type: fc.constantFrom('Action.ToggleVisibility', 'Action.Future'), title: opt(shortText), fallback: opt(fc.oneof(fc.constant('drop'), submitLike)) });

export const anyAction: fc.Arbitrary<Json> = fc.oneof({ weight: 5, arbitrary: submitLike }, openUrl, showCard, unknownAction);

const { element } = fc.letrec<{ element: Json }>((tie) => ({
  element: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textBlock, textBlock, richText, factSet, image, imageSet, media, table, ...inputs, ...inputs,
    fc.record({ type: fc.constant('ActionSet'), actions: fc.array(anyAction, { maxLength: 4 }), ...common }),
    fc.record({ type: fc.constant('Container'), items: fc.array(tie('element'), { maxLength: 4 }), ...common }),
    fc.record({ type: fc.constant('ColumnSet'), columns: fc.array(fc.record({ type: fc.constant('Column'), items: fc.array(tie('element'), { maxLength: 3 }), ...common }), { maxLength: 4 }), ...common }),
    fc.record({ type: fc.constantFrom('Rating', 'Carousel', 'Future.Thing'), fallback: opt(fc.oneof(fc.constant('drop'), tie('element'))) }),
    fc.record({ type: fc.constant('TextBlock'), text: anyText, requires: fc.constant({ acme: '1.0' }), fallback: opt(tie('element')) }),
  ),
}));

/** Gives every input a distinct id (a repeated id is an authoring error; its handling has its own test). */
function dedupeIds(node: unknown, seen: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => dedupeIds(n, seen));
  if (typeof node !== 'object' || node === null) return;
  const o = node as Json;
  if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
    let id = o.id;
    for (let n = 2; seen.has(id); n++) id = `${o.id}#${n}`;
    seen.add(id);
    o.id = id;
  }
  for (const key of ['body', 'items', 'columns', 'fallback', 'rows', 'cells']) dedupeIds(o[key], seen);
}

export const anyCard = fc
  .record({ type: fc.constant('AdaptiveCard'), version: fc.constant('1.5'), body: fc.array(element, { maxLength: 8 }), actions: fc.array(anyAction, { maxLength: 5 }), lang: opt(fc.constantFrom('en', 'ja-JP')) })
  .map((c) => {
    dedupeIds(c, new Set());
    return c as Json;
  });

/** What a person does with one input in Slack (used by index, cyclically). */
export const anyEntrySeed = fc.record({
  typed: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(''), fc.constant(null)),
  number: fc.oneof({ weight: 8, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) }, fc.integer().map(String), fc.constant(''), fc.constant('12abc')),
  date: fc.oneof(fc.constant(null), fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString().slice(0, 10))),
  time: fc.oneof(fc.constant(null), fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`)),
  picks: fc.uniqueArray(fc.nat({ max: 20 }), { maxLength: 4 }),
});
export type EntrySeed = typeof anyEntrySeed extends fc.Arbitrary<infer T> ? T : never;
