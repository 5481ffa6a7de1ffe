import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type * as AdaptiveCardsModule from 'adaptivecards';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TEAMS_LIGHT_CSS, TEAMS_LIGHT_HOST_CONFIG } from './card-host-config';
import { ADAPTIVECARDS_BUNDLE } from './card-validator';

/**
 * Renders Adaptive Cards with the official `adaptivecards` renderer in headless Chromium, offline: the
 * page is set from a string and the UMD bundle is injected from node_modules. Shared by the browser
 * test and `scripts/cards-gallery.ts`.
 */

/** Chromium to drive: $CHROMIUM_PATH, else whatever `which chromium` finds (Debian's package). */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (path && existsSync(path)) return path;
    } catch {
      // not on PATH under this name
    }
  }
  return undefined;
}

const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The little of the DOM the page functions touch. (tsconfig has no "dom" lib, and a triple-slash
 * reference would put DOM globals into every file of the program.)
 */
interface PageElement {
  textContent: string | null;
  /** null when the element is not displayed. */
  offsetParent: unknown;
  style: { setProperty(name: string, value: string): void };
  replaceChildren(...nodes: unknown[]): void;
  querySelectorAll(selector: string): Iterable<PageElement>;
}
interface PageGlobals {
  AdaptiveCards: typeof AdaptiveCardsModule;
  document: {
    documentElement: { lang: string };
    getElementById(id: string): PageElement | null;
    fonts: { ready: Promise<unknown> };
  };
}

export interface RenderOptions {
  locale: 'en' | 'ja';
  /** Card width in CSS pixels (Teams' chat column is about 500-600). */
  width?: number;
  /** Click this button after rendering (to open an Action.ShowCard). */
  expand?: string;
}

export interface RenderResult {
  /** Titles of the buttons shown on the rendered card, in order. */
  buttons: string[];
  /** Warnings the renderer logged while parsing. */
  warnings: string[];
}

export class CardRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  /** `reader`: the reader's time zone and locale (the browser's; the cards' date functions are drawn in them). */
  static async launch(executablePath: string, reader: { timezoneId?: string; locale?: string } = {}): Promise<CardRenderer> {
    const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
    try {
      const page = await browser.newPage({ deviceScaleFactor: 1, viewport: { width: 700, height: 900 }, ...reader });
      // No network: anything but the inline page is refused.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style id="teams"></style></head>
        <body><div id="frame"><div id="host"></div></div></body></html>`);
      await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
      await page.addStyleTag({ content: TEAMS_LIGHT_CSS });
      await page.addScriptTag({ path: ADAPTIVECARDS_BUNDLE });
      return new CardRenderer(browser, page);
    } catch (err) {
      await browser.close();
      throw err;
    }
  }

  /** Renders one card into the page; the result lists its buttons. */
  async render(card: object, options: RenderOptions): Promise<RenderResult> {
    const warnings = await this.page.evaluate(
      ({ card, hostConfig, locale, width }) => {
        // The UMD bundle defines a global `AdaptiveCards`.
        const { AdaptiveCards: AC, document } = globalThis as unknown as PageGlobals;
        const host = document.getElementById('host');
        if (!host) throw new Error('no #host in the page');
        document.documentElement.lang = locale;
        host.style.setProperty('--card-width', `${width}px`);
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = new AC.HostConfig(hostConfig);
        const context = new AC.SerializationContext();
        adaptive.parse(card, context);
        const warnings: string[] = [];
        for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
        const element = adaptive.render();
        if (!element) throw new Error('the renderer returned no element');
        host.replaceChildren(element);
        return warnings;
      },
      { card, hostConfig: TEAMS_LIGHT_HOST_CONFIG, locale: options.locale, width: options.width ?? 520 },
    );
    if (options.expand) {
      await this.page.locator('#host button.ac-pushButton', { hasText: options.expand }).first().click();
      await this.page.mouse.move(0, 0); // no hover colours in the picture
    }
    await this.page.evaluate(() => (globalThis as unknown as PageGlobals).document.fonts.ready.then(() => undefined));
    const buttons = await this.page.locator('#host button.ac-pushButton').evaluateAll((found) =>
      (found as unknown as PageElement[]).filter((b) => b.offsetParent !== null).map((b) => (b.textContent ?? '').trim()),
    );
    return { buttons, warnings };
  }

  /** The text of the card as last rendered, as a reader sees it. */
  async text(): Promise<string> {
    return this.page.locator('#host').innerText();
  }

  /** A PNG of the card as last rendered (with a little margin around it). */
  async screenshot(path?: string): Promise<Buffer> {
    return this.page.locator('#frame').screenshot(path ? { path } : {});
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
