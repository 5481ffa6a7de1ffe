import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { COLOR_LOGO, OUTLINE_LOGO, renderPixels } from '../../scripts/make-teams-icons';

const DIR = join(__dirname, '..', '..', 'manifest', 'teams');
const file = (name: string) => readFileSync(join(DIR, name));

/** Width, height and colour type straight from the PNG signature and IHDR chunk. */
function pngHeader(bytes: Buffer): { width: number; height: number; colorType: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colorType: bytes.readUInt8(25) };
}

/** RGBA pixels of a PNG file, whatever its colour type. */
const pixels = (name: string) => PNG.sync.read(file(name)).data;

describe('the Teams app icons', () => {
  it('color.png is 192x192 and fully opaque', () => {
    expect(pngHeader(file('color.png'))).toMatchObject({ width: 192, height: 192 });
    const data = pixels('color.png');
    const seeThrough = data.filter((v, i) => i % 4 === 3 && v !== 255).length;
    expect(seeThrough).toBe(0);
  });

  it('outline.png is 32x32 with an alpha channel', () => {
    expect(pngHeader(file('outline.png'))).toEqual({ width: 32, height: 32, colorType: 6 });
  });

  it('outline.png is white on transparent only', () => {
    const data = pixels('outline.png');
    let transparent = 0;
    let opaque = 0;
    const notWhite: number[] = [];
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3]!;
      if (alpha === 0) transparent++;
      else if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) notWhite.push(i / 4);
      if (alpha === 255) opaque++;
    }
    expect(notWhite).toEqual([]);
    // A real mark, not an empty or a filled square.
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(opaque).toBeGreaterThan(32 * 32 * 0.1);
  });

  it('are what scripts/make-teams-icons.ts draws (rerun it after changing the logo)', () => {
    expect(Buffer.compare(pixels('color.png'), renderPixels(COLOR_LOGO))).toBe(0);
    expect(Buffer.compare(pixels('outline.png'), renderPixels(OUTLINE_LOGO))).toBe(0);
  });
});
