import { PassThrough } from 'node:stream';
import { importProgressWriter } from '../../bot/commands/import-progress';

function stream(isTTY: boolean) {
  const s = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  s.on('data', (d) => (text += d));
  return { s, text: () => text };
}

describe('seed progress (issue 19)', () => {
  it('on a terminal: one bar redrawn in place, then a new line', () => {
    const err = stream(true);
    let t = 0;
    const p = importProgressWriter(err.s, () => t);
    t = 500;
    p.onProgress({ kind: 'organizations', done: 1000, total: 4000 });
    t = 2000;
    p.onProgress({ kind: 'people', done: 4000, total: 4000 });
    p.end();
    expect(err.text()).toBe(
      `\r[${'#'.repeat(8)}${'.'.repeat(22)}]  25% 1000/4000 records (organizations) 0.5 s` + `\r[${'#'.repeat(30)}] 100% 4000/4000 records (people) 2.0 s\n`,
    );
  });

  it('elsewhere: a plain line at each tenth and at the end, not one per batch', () => {
    const err = stream(false);
    const p = importProgressWriter(err.s, () => 0);
    for (let done = 1000; done <= 100_000; done += 1000) p.onProgress({ kind: 'links', done, total: 100_000 });
    p.end();
    const lines = err.text().trim().split('\n');
    expect(lines).toHaveLength(11); // 1% (the first), then 10%, 20% … 100%
    expect(lines[0]).toBe('import: 1% (1000 of 100000 records, now links) after 0.0 s');
    expect(lines.at(-1)).toBe('import: 100% (100000 of 100000 records, now links) after 0.0 s');
  });
});
