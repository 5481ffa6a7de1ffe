/**
 * Issue 18, for the card gallery: a picture of how Slack shows a card, drawn from the Block Kit the
 * Slack adapter posts (adapters/slack/block-kit). Slack cannot be run offline, so this is the gallery's
 * own simple drawing of the few block types our cards use (header, section, fields, context, divider,
 * actions, inputs), not Slack's renderer; the point is the text as a reader sees it, with each
 * `<!date^unix^{format}|fallback>` token drawn in the reader's time zone and language (the browser's), as
 * Slack does. Block Kit Builder shows the real thing (docs/slack/approval-card.blockkit.json).
 */
import { chromium, type Browser, type Page } from 'playwright-core';

type Rec = Record<string, unknown>;

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const CSS = `
  body { margin: 0; background: #fff; font: 15px/1.47 "Lato", "Noto Sans", "Noto Sans CJK JP", sans-serif; color: #1d1c1d; }
  #frame { display: inline-block; padding: 16px 20px; width: 560px; }
  .msg { display: flex; gap: 8px; }
  .avatar { width: 36px; height: 36px; border-radius: 4px; background: #4a154b; color: #fff; font-weight: 700; display: flex; align-items: center; justify-content: center; flex: none; }
  .who { font-weight: 900; } .app { font-size: 10px; background: #e8e8e8; color: #616061; border-radius: 2px; padding: 1px 3px; margin-left: 4px; vertical-align: 2px; }
  .blocks > * { margin: 4px 0; }
  .header { font-size: 18px; font-weight: 900; margin-top: 2px; }
  .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; }
  .context { font-size: 13px; color: #616061; }
  .divider { border-top: 1px solid #ddd; margin: 8px 0; }
  .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
  .button { border: 1px solid #bbb; border-radius: 4px; padding: 3px 12px; font-weight: 700; font-size: 14px; background: #fff; }
  .button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
  .button.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
  .input .label { font-weight: 700; } .input .control { border: 1px solid #bbb; border-radius: 4px; padding: 4px 8px; color: #616061; margin-top: 2px; }
  .date { border-bottom: 1px dotted #1264a3; }
  a { color: #1264a3; text-decoration: none; }
`;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Bold, italic and strike in one stretch of Slack-escaped mrkdwn (which is valid HTML text already). */
function styled(text: string): string {
  return text
    .replace(/(^|[\s(「（])\*([^*\n]+)\*/gu, '$1<b>$2</b>')
    .replace(/(^|[\s(])_([^_\n]+)_/gu, '$1<i>$2</i>')
    .replace(/(^|[\s(])~([^~\n]+)~/gu, '$1<s>$2</s>');
}

/** mrkdwn as HTML: Slack's `<…>` tokens (dates, links, mentions), then the styling, then line breaks. */
export function mrkdwnHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/<([^<>]+)>/g)) {
    out += styled(text.slice(last, m.index));
    last = m.index + m[0].length;
    const token = m[1]!;
    const date = /^!date\^(\d+)\^([^|]+)(?:\|(.*))?$/.exec(token);
    if (date) {
      out += `<span class="date" data-ts="${date[1]}" data-format="${attr(date[2]!)}">${date[3] ?? ''}</span>`;
      continue;
    }
    const [target, label] = token.split('|');
    out += target!.startsWith('http') ? `<a>${label ?? target}</a>` : (label ?? target!);
  }
  out += styled(text.slice(last));
  return out.replace(/\n/g, '<br>');
}

function textOf(t: unknown): string {
  const o = (t ?? {}) as Rec;
  return o.type === 'mrkdwn' ? mrkdwnHtml(String(o.text ?? '')) : esc(String(o.text ?? ''));
}

function blockHtml(b: Rec): string {
  switch (b.type) {
    case 'header':
      return `<div class="header">${textOf(b.text)}</div>`;
    case 'section': {
      const text = b.text ? `<div>${textOf(b.text)}</div>` : '';
      const fields = Array.isArray(b.fields) ? `<div class="fields">${b.fields.map((f) => `<div>${textOf(f)}</div>`).join('')}</div>` : '';
      return `<div class="section">${text}${fields}</div>`;
    }
    case 'context':
      return `<div class="context">${((b.elements as unknown[]) ?? []).map(textOf).join(' ')}</div>`;
    case 'divider':
      return '<div class="divider"></div>';
    case 'actions':
      return `<div class="actions">${((b.elements as Rec[]) ?? []).map((e) => `<span class="button ${e.style ?? ''}">${textOf(e.text)}</span>`).join('')}</div>`;
    case 'input': {
      const el = (b.element ?? {}) as Rec;
      const options = Array.isArray(el.options) ? (el.options as Rec[]).map((o) => textOf(o.text)).join('<br>') : textOf(el.placeholder);
      return `<div class="input"><div class="label">${textOf(b.label)}</div><div class="control">${options}</div></div>`;
    }
    default:
      return `<div class="context">[${esc(String(b.type))}]</div>`;
  }
}

/** The page for one posted message: the app's name, then its blocks. */
export function blockKitHtml(blocks: readonly unknown[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head><body><div id="frame"><div class="msg">
    <div class="avatar">PL</div><div><div><span class="who">Partner Link</span><span class="app">APP</span></div>
    <div class="blocks">${(blocks as Rec[]).map(blockHtml).join('')}</div></div></div></div></body></html>`;
}

/** The page functions' little of the DOM (tsconfig has no "dom" lib). */
interface PageGlobals {
  document: { fonts: { ready: Promise<unknown> } };
}

/**
 * Draws each date token as Slack does for this reader: the browser's time zone and language. Plain
 * JavaScript run in the page (a string: the TypeScript runner would wrap named functions in helpers the
 * page does not have).
 */
const DRAW_DATES = `(() => {
  const lang = navigator.language;
  const fmt = (o) => new Intl.DateTimeFormat(lang, o);
  const parts = {
    '{date_num}': (d) => fmt({ year: 'numeric', month: '2-digit', day: '2-digit' }).format(d),
    '{date_short}': (d) => fmt({ year: 'numeric', month: 'short', day: 'numeric' }).format(d),
    '{date}': (d) => fmt({ year: 'numeric', month: 'long', day: 'numeric' }).format(d),
    '{date_long}': (d) => fmt({ weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }).format(d),
    '{time}': (d) => fmt({ hour: 'numeric', minute: '2-digit' }).format(d),
  };
  for (const span of document.querySelectorAll('span.date')) {
    const d = new Date(Number(span.dataset.ts) * 1000);
    span.textContent = (span.dataset.format || '').replace(/\\{[a-z_]+\\}/g, (token) => (parts[token] ? parts[token](d) : token));
  }
})()`;

/** Draws posted Block Kit messages in headless Chromium for one reader (time zone and language). */
export class BlockKitPreview {
  private constructor(private readonly browser: Browser, private readonly page: Page) {}

  static async launch(executablePath: string, reader: { timezoneId: string; locale: string }): Promise<BlockKitPreview> {
    const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage({ deviceScaleFactor: 1, viewport: { width: 700, height: 900 }, ...reader });
      await page.route('**/*', (route) => route.abort());
      return new BlockKitPreview(browser, page);
    } catch (err) {
      await browser.close();
      throw err;
    }
  }

  /** Draws the blocks and writes a PNG; returns the text as the reader sees it (dates drawn). */
  async screenshot(blocks: readonly unknown[], path: string): Promise<string> {
    await this.page.setContent(blockKitHtml(blocks));
    await this.page.evaluate(DRAW_DATES);
    await this.page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready.then(() => undefined));
    await this.page.locator('#frame').screenshot({ path });
    return this.page.locator('#frame').innerText();
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
