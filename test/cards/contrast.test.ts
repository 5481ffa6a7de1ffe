import type { HostConfig } from 'adaptivecards';
import { CARD_SAMPLES, sampleContext } from '../support/card-samples';
import { TEAMS_LIGHT_HOST_CONFIG } from '../support/card-host-config';

/**
 * Issue 18: the light text on the green "approved" banner was hard to read. Every text on every sample
 * card must reach WCAG AA contrast (4.5:1) against the background it is drawn on, under two host configs:
 * the adaptivecards package's own default (what a host with no theme of its own draws) and the Teams-like
 * light theme the gallery uses. Colours are #RRGGBB or #AARRGGBB (alpha first, as host configs write them).
 */
type Rgb = readonly [number, number, number];

function parse(hex: string): { rgb: Rgb; alpha: number } {
  const h = hex.replace('#', '');
  const [a, rest] = h.length === 8 ? [parseInt(h.slice(0, 2), 16) / 255, h.slice(2)] : [1, h];
  return { rgb: [0, 2, 4].map((i) => parseInt(rest.slice(i, i + 2), 16)) as unknown as Rgb, alpha: a };
}

/** A colour with alpha drawn over an opaque one. */
function over(hex: string, under: Rgb): Rgb {
  const { rgb, alpha } = parse(hex);
  return rgb.map((c, i) => c * alpha + under[i]! * (1 - alpha)) as unknown as Rgb;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

interface Palette {
  background(style: string): string;
  foreground(style: string, color: string, subtle: boolean): string;
}

const WHITE: Rgb = [255, 255, 255];

// The package's ESM build does not load under jest; its UMD build (the same code) does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultHostConfig } = require('adaptivecards/dist/adaptivecards.js') as { defaultHostConfig: HostConfig };

const packageDefault: Palette = {
  background: (style) => defaultHostConfig.containerStyles.getStyleByName(style).backgroundColor ?? '#FFFFFF',
  foreground: (style, color, subtle) => {
    const set = defaultHostConfig.containerStyles.getStyleByName(style).foregroundColors as unknown as Record<string, { default: string; subtle: string }>;
    const c = set[color] ?? set.default!;
    return subtle ? c.subtle : c.default;
  },
};

type TeamsStyles = Record<string, { backgroundColor: string; foregroundColors: Record<string, { default: string; subtle: string }> }>;
const teamsLight: Palette = {
  background: (style) => (TEAMS_LIGHT_HOST_CONFIG.containerStyles as TeamsStyles)[style]!.backgroundColor,
  foreground: (style, color, subtle) => {
    const set = (TEAMS_LIGHT_HOST_CONFIG.containerStyles as TeamsStyles)[style]!.foregroundColors;
    const c = set[color] ?? set.default!;
    return subtle ? c.subtle : c.default;
  },
};

interface Drawn {
  text: string;
  ratio: number;
}

/** Every text of a card with the contrast it is drawn at (a container without a style keeps its parent's). */
function texts(node: unknown, style: string, bg: Rgb, palette: Palette, out: Drawn[]): Drawn[] {
  if (Array.isArray(node)) {
    for (const n of node) texts(n, style, bg, palette, out);
    return out;
  }
  if (!node || typeof node !== 'object') return out;
  const el = node as Record<string, unknown>;
  let s = style;
  let b = bg;
  if (typeof el.style === 'string' && ['Container', 'Column', 'ColumnSet', 'AdaptiveCard'].includes(String(el.type)) && el.style !== 'default') {
    s = el.style;
    b = over(palette.background(s), bg);
  }
  const draw = (text: string, color: string, subtle: boolean) => out.push({ text, ratio: contrast(over(palette.foreground(s, color, subtle), b), b) });
  if (el.type === 'TextBlock' && typeof el.text === 'string') draw(el.text, typeof el.color === 'string' ? el.color : 'default', el.isSubtle === true);
  if (el.type === 'FactSet' && Array.isArray(el.facts)) {
    for (const f of el.facts as { title: string; value: string }[]) {
      draw(f.title, 'default', true);
      draw(f.value, 'default', false);
    }
  }
  for (const key of ['body', 'items', 'columns', 'actions', 'card']) if (key in el) texts(el[key], s, b, palette, out);
  return out;
}

describe('cards are readable: WCAG AA contrast (4.5:1) for every text (issue 18)', () => {
  it('the check itself: black on white is 21:1, #777777 on white fails AA, green #028A02 on #CCFFCC fails it', () => {
    expect(contrast([0, 0, 0], WHITE)).toBeCloseTo(21, 5);
    expect(contrast(parse('#777777').rgb, WHITE)).toBeLessThan(4.5);
    expect(contrast(parse('#028A02').rgb, parse('#CCFFCC').rgb)).toBeLessThan(4.5);
  });

  it.each([
    ['the adaptivecards default host config', packageDefault],
    ['the Teams-like light theme', teamsLight],
  ])('every sample card, EN and JA, under %s', (_name, palette) => {
    const failures: string[] = [];
    for (const sample of CARD_SAMPLES) {
      for (const locale of ['en', 'ja'] as const) {
        for (const d of texts(sample.build(sampleContext(locale)), 'default', over(palette.background('default'), WHITE), palette, [])) {
          if (d.ratio < 4.5) failures.push(`${sample.name} (${locale}): ${d.ratio.toFixed(2)}:1 "${d.text.slice(0, 40)}"`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
