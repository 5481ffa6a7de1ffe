/**
 * Draws the Teams app icons, manifest/teams/color.png (192x192, full colour) and
 * manifest/teams/outline.png (32x32, white on transparent): two interlocking rings, the "link" in
 * Partner Link. The PNGs are committed; run this again only to change the logo:
 *
 *   npx tsx scripts/make-teams-icons.ts
 *
 * Pure JS (pngjs), no image tools. Each pixel is the average of 8x8 samples, so edges are smooth
 * and the output is the same on every machine.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

// Local copies: under jest's vm sandbox every global lookup in this hot loop is slow.
const { abs, round, sqrt } = Math;

type Rgba = readonly [number, number, number, number];

/** Teams' brand purple, also the manifest's accentColor. */
export const ACCENT: Rgba = [0x5b, 0x5f, 0xc7, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const LIGHT_BLUE: Rgba = [0xb9, 0xe4, 0xff, 255];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

interface Logo {
  size: number;
  /** Ring radius (to the middle of the stroke), stroke width and the gap cut around the upper ring. */
  radius: number;
  stroke: number;
  gap: number;
  /** Distance between the two ring centres. */
  spacing: number;
  background: Rgba;
  left: Rgba;
  right: Rgba;
}

export const COLOR_LOGO: Logo = {
  size: 192, radius: 31, stroke: 12, gap: 5, spacing: 42,
  background: ACCENT, left: WHITE, right: LIGHT_BLUE,
};

export const OUTLINE_LOGO: Logo = {
  size: 32, radius: 7.5, stroke: 2.6, gap: 1.2, spacing: 11,
  background: TRANSPARENT, left: WHITE, right: WHITE,
};

/** The colour at one point: the rings cross twice; the left ring is on top above the middle, below it the right one. */
function paint(logo: Logo, x: number, y: number): Rgba {
  const c = logo.size / 2;
  const dy = y - c;
  const ring = (cx: number) => abs(sqrt((x - cx) * (x - cx) + dy * dy) - logo.radius);
  const left = ring(c - logo.spacing / 2);
  const right = ring(c + logo.spacing / 2);
  const leftOnTop = y < c;
  const half = logo.stroke / 2;
  if ((leftOnTop ? left : right) <= half) return leftOnTop ? logo.left : logo.right;
  if ((leftOnTop ? left : right) <= half + logo.gap) return logo.background;
  if ((leftOnTop ? right : left) <= half) return leftOnTop ? logo.right : logo.left;
  return logo.background;
}

/** RGBA pixels, row by row; colour averaged over the covered samples, alpha over all of them. */
export function renderPixels(logo: Logo, samples = 8): Buffer {
  const out = Buffer.alloc(logo.size * logo.size * 4);
  for (let py = 0; py < logo.size; py++) {
    for (let px = 0; px < logo.size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint(logo, px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          const ca = colour[3];
          r += colour[0] * ca;
          g += colour[1] * ca;
          b += colour[2] * ca;
          a += ca;
        }
      }
      const i = (py * logo.size + px) * 4;
      out[i] = a ? round(r / a) : 0;
      out[i + 1] = a ? round(g / a) : 0;
      out[i + 2] = a ? round(b / a) : 0;
      out[i + 3] = round(a / (samples * samples));
    }
  }
  return out;
}

/** A PNG of the logo: RGB when the background is opaque (the colour icon), RGBA otherwise. */
export function renderPng(logo: Logo): Buffer {
  const png = new PNG({ width: logo.size, height: logo.size });
  renderPixels(logo).copy(png.data);
  return PNG.sync.write(png, { colorType: logo.background[3] === 255 ? 2 : 6 });
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest', 'teams');
  writeFileSync(join(dir, 'color.png'), renderPng(COLOR_LOGO));
  writeFileSync(join(dir, 'outline.png'), renderPng(OUTLINE_LOGO));
  process.stdout.write(`Wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}\n`);
}
