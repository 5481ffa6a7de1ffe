/**
 * The chart: an HTML page of SVG bar charts drawn from the report, screenshotted by Debian's Chromium
 * through playwright-core (never a downloaded browser).
 */
import { existsSync } from 'node:fs';

type Json = Record<string, unknown>;

interface Bar {
  label: string;
  value: number;
  color: string;
  text?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (v: number) => (!Number.isFinite(v) ? 'n/a' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

/** Horizontal bars; `log` for latencies that span decades; `target` draws a dashed line. */
function bars(title: string, unit: string, items: Bar[], o: { log?: boolean; target?: { value: number; label: string } } = {}): string {
  const W = 900;
  const left = 330;
  const right = 80;
  const rowH = 24;
  const top = 34;
  const h = top + items.length * rowH + 30;
  const finite = items.map((b) => b.value).filter((v) => Number.isFinite(v) && v > 0);
  const maxV = Math.max(...finite, o.target?.value ?? 0, 1e-9) * 1.1;
  const minV = o.log ? Math.max(Math.min(...finite, o.target?.value ?? Infinity) / 2, 0.1) : 0;
  const span = W - left - right;
  const xOf = (v: number) => (o.log ? left + (span * (Math.log10(Math.max(v, minV)) - Math.log10(minV))) / (Math.log10(maxV) - Math.log10(minV)) : left + (span * v) / maxV);
  const parts: string[] = [`<svg width="${W}" height="${h}" xmlns="http://www.w3.org/2000/svg" font-family="DejaVu Sans, sans-serif" font-size="12">`];
  parts.push(`<text x="10" y="20" font-size="15" font-weight="bold">${esc(title)}</text>`);
  items.forEach((b, i) => {
    const y = top + i * rowH;
    parts.push(`<text x="${left - 8}" y="${y + 15}" text-anchor="end">${esc(b.label)}</text>`);
    if (Number.isFinite(b.value) && b.value > 0) {
      const x = xOf(b.value);
      parts.push(`<rect x="${left}" y="${y + 3}" width="${Math.max(x - left, 1)}" height="${rowH - 7}" fill="${b.color}"/>`);
      parts.push(`<text x="${x + 5}" y="${y + 15}">${esc(b.text ?? `${fmt(b.value)} ${unit}`)}</text>`);
    } else parts.push(`<text x="${left + 5}" y="${y + 15}" fill="#888">${esc(b.text ?? 'not measured')}</text>`);
  });
  if (o.target) {
    const x = xOf(o.target.value);
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${h - 24}" stroke="#c0392b" stroke-width="2" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${x}" y="${h - 10}" fill="#c0392b" text-anchor="middle">${esc(o.target.label)}</text>`);
  }
  if (o.log) parts.push(`<text x="${W - right}" y="${h - 10}" fill="#666" text-anchor="end">log scale</text>`);
  parts.push('</svg>');
  return parts.join('');
}

const PRODUCT = '#2e86c1';
const FLOOR = '#aab7b8';
const P99 = '#1b4f72';
const FLOOR99 = '#7f8c8d';

function num(o: unknown, ...path: string[]): number {
  let x: unknown = o;
  for (const k of path) x = x && typeof x === 'object' ? (x as Json)[k] : undefined;
  return typeof x === 'number' ? x : NaN;
}

export function chartHtml(report: Json): string {
  const r = (report.results ?? {}) as Json;
  const m = (report.machine ?? {}) as Json;
  const teamsEcho = num(r, 'teams', 'echo', 'saturation', 'throughput');
  const slackEcho = num(r, 'slack', 'echo', 'saturation', 'throughput');
  const ratio = (a: number, b: number) => a / b;
  const ratioBars: Bar[] = [
    { label: 'Teams, botbuilder-dialogs alone', value: ratio(num(r, 'teams', 'dialogs', 'saturation', 'throughput'), teamsEcho), color: FLOOR },
    { label: 'Teams, embedded store', value: ratio(num(r, 'teams', 'embedded', 'saturation', 'throughput'), teamsEcho), color: PRODUCT },
    { label: 'Slack, embedded store', value: ratio(num(r, 'slack', 'embedded', 'saturation', 'throughput'), slackEcho), color: PRODUCT },
    { label: 'Teams, MongoDB', value: ratio(num(r, 'mongo', 'teams', 'saturation', 'throughput'), teamsEcho), color: '#28b463' },
    { label: 'Slack, MongoDB', value: ratio(num(r, 'mongo', 'slack', 'saturation', 'throughput'), slackEcho), color: '#28b463' },
  ].map((b) => ({ ...b, text: Number.isFinite(b.value) ? `${b.value.toFixed(2)}×` : 'not measured' }));
  const thr: Bar[] = [
    { label: 'Teams echo (botbuilder floor)', value: teamsEcho, color: FLOOR },
    { label: 'Teams botbuilder-dialogs alone', value: num(r, 'teams', 'dialogs', 'saturation', 'throughput'), color: FLOOR },
    { label: 'Teams product, embedded', value: num(r, 'teams', 'embedded', 'saturation', 'throughput'), color: PRODUCT },
    { label: 'Teams product, MongoDB', value: num(r, 'mongo', 'teams', 'saturation', 'throughput'), color: '#28b463' },
    { label: 'Slack echo (Bolt floor)', value: slackEcho, color: FLOOR },
    { label: 'Slack product, embedded', value: num(r, 'slack', 'embedded', 'saturation', 'throughput'), color: PRODUCT },
    { label: 'Slack product, MongoDB', value: num(r, 'mongo', 'slack', 'saturation', 'throughput'), color: '#28b463' },
  ];
  const lat = (label: string, o: unknown, floor: boolean): Bar[] => [
    { label: `${label} p50`, value: num(o, 'p50'), color: floor ? FLOOR : PRODUCT },
    { label: `${label} p99`, value: num(o, 'p99'), color: floor ? FLOOR99 : P99 },
  ];
  const turnLat: Bar[] = [
    ...lat('Teams echo', (r.teams as Json | undefined)?.echo && ((r.teams as Json).echo as Json).fixed, true),
    ...lat('Teams product, embedded', (r.teams as Json | undefined)?.embedded && ((r.teams as Json).embedded as Json).fixed, false),
    ...lat('Teams product, MongoDB', (r.mongo as Json | undefined)?.teams && ((r.mongo as Json).teams as Json).fixed, false),
    ...lat('Slack echo', (r.slack as Json | undefined)?.echo && ((r.slack as Json).echo as Json).fixed, true),
    ...lat('Slack product, embedded', (r.slack as Json | undefined)?.embedded && ((r.slack as Json).embedded as Json).fixed, false),
    ...lat('Slack product, MongoDB', (r.mongo as Json | undefined)?.slack && ((r.mongo as Json).slack as Json).fixed, false),
  ];
  const other: Bar[] = [
    ...lat('Teams approval click', (r.approvals as Json | undefined)?.teams, false),
    ...lat('Slack approval click', (r.approvals as Json | undefined)?.slack, false),
    ...lat('Slack ack, echo (Bolt)', (r.ack as Json | undefined)?.echo, true),
    ...lat('Slack ack, normal store', (r.ack as Json | undefined)?.normalStore, false),
    ...lat('Slack ack, writes +2 s', (r.ack as Json | undefined)?.slowStore, false),
  ];
  const st = (r.startup ?? {}) as Json;
  const mem = (r.memory ?? {}) as Json;
  const startBars: Bar[] = [
    { label: 'echo server (floor)', value: num(st, 'echoStartMs'), color: FLOOR },
    { label: 'product, first start (seeds)', value: num(st, 'firstStartMs'), color: PRODUCT },
    { label: 'product, second start', value: num(st, 'secondStartMs'), color: PRODUCT },
  ];
  const memBars: Bar[] = [
    { label: 'echo server after start', value: num(st, 'echoRssAfterStart') / 1048576, color: FLOOR },
    { label: 'product after start', value: num(st, 'rssAfterStart') / 1048576, color: PRODUCT },
    { label: `product after ${num(mem, 'conversations') || '?'} conversations`, value: num(mem, 'rssAfterConversations') / 1048576, color: P99 },
  ];
  const fl = (r.floor ?? {}) as Json;
  const floorBars: Bar[] = [
    { label: 'Teams full turn ÷ dialogs alone', value: num(fl, 'teams', 'ratio'), color: PRODUCT },
    { label: 'Slack full turn ÷ dialogs alone', value: num(fl, 'slack', 'ratio'), color: PRODUCT },
  ].map((b) => ({ ...b, text: Number.isFinite(b.value) ? `${b.value.toFixed(2)}×` : 'not measured' }));
  const growth = scaleGrowthBars(r);
  const rate = num(report, 'phases', 'rate');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { font-family: 'DejaVu Sans', sans-serif; margin: 16px; width: 920px; background: #fff; }
    h1 { font-size: 20px; margin: 0 0 4px; } p { margin: 2px 0 10px; color: #444; font-size: 12px; }
    svg { display: block; margin-bottom: 10px; }
  </style></head><body>
  <h1>Partner Link bench: product vs the frameworks' floors, and growth with the directory</h1>
  <p>${esc(String(report.date))} · commit ${esc(String(report.commit))} · ${esc(String(m.cpus))} × ${esc(String(m.cpuModel))} · Node ${esc(String(m.node))}${report.quick ? ' · QUICK run' : ''}</p>
  ${bars('Full-turn throughput as a fraction of the echo floor (same platform)', '×', ratioBars, { target: { value: 0.6, label: 'target 0.6×' } })}
  ${bars('Full turn as a fraction of botbuilder-dialogs alone (same platform, sample directory)', '×', floorBars, { target: { value: 0.85, label: 'target 0.85×' } })}
  ${growth.length ? bars('Scale: each figure at M and L ÷ the same at S (same run; 1 = no growth)', '×', growth, { log: true, target: { value: 3, label: 'L turn p99 ≤ 3× S' } }) : ''}
  ${bars('Throughput at saturation (turns/s)', '/s', thr)}
  ${bars(`Turn latency at ${rate}/s, p50 and p99 (ms)`, 'ms', turnLat, { log: true, target: { value: 50, label: 'p99 target 50 ms (embedded)' } })}
  ${bars('Approval clicks and Slack acknowledgements, p50 and p99 (ms)', 'ms', other, { log: true, target: { value: 100, label: 'ack p99 target 100 ms' } })}
  ${bars('Start-up to /readyz 200 (ms)', 'ms', startBars, { target: { value: 1500, label: 'target 1.5 s' } })}
  ${bars('Resident memory (MB)', 'MB', memBars, { target: { value: 200, label: 'target 200 MB' } })}
  </body></html>`;
}

/** Issue 19's growth: for each scale figure and store, M and L over S (log scale, so 2× and 0.5× look alike). */
function scaleGrowthBars(r: Json): Bar[] {
  const cases = (((r.scale ?? {}) as Json).cases ?? []) as Json[];
  const figures: [string, (c: Json) => number][] = [
    ['seed', (c) => num(c, 'seedMs')],
    ['eligibility query', (c) => num(c, 'eligibility', 'query', 'p50Ms')],
    ['start-up', (c) => num(c, 'startMs')],
    ['RSS after start', (c) => num(c, 'rssAfterStart')],
    ['Teams link p99', (c) => num(c, 'teamsLink', 'p99')],
    ['Slack add-partner p99', (c) => num(c, 'slackAddPartner', 'p99')],
    ['Slack ack p99', (c) => num(c, 'slackAck', 'p99')],
  ];
  const out: Bar[] = [];
  for (const store of ['embedded', 'mongodb']) {
    const at = (size: string) => cases.find((c) => c.store === store && c.size === size);
    const s = at('S');
    if (!s) continue;
    for (const [name, f] of figures) {
      for (const size of ['M', 'L']) {
        const c = at(size);
        if (!c) continue;
        const v = f(c) / f(s);
        out.push({ label: `${store === 'embedded' ? 'embedded' : 'MongoDB'} ${size}: ${name}`, value: v, color: size === 'M' ? PRODUCT : P99, text: Number.isFinite(v) ? `${fmt(v)}×` : 'not measured' });
      }
    }
  }
  return out;
}

export function findChromium(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

export async function renderChart(report: Json, pngPath: string): Promise<string> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 960, height: 800 } });
    await page.setContent(chartHtml(report), { waitUntil: 'load' });
    await page.screenshot({ path: pngPath, fullPage: true });
  } finally {
    await browser.close();
  }
  return pngPath;
}
