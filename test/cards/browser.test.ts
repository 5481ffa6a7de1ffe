import { approvalCard, stringsFor } from '../../cards';
import type { Locale } from '../../domain';
import { APPROVER_USER_IDS, linkPending, ORGANIZATIONS, PEOPLE } from '../support/card-fixtures';
import { CardRenderer, findChromium } from '../support/card-renderer';
import { CARD_SAMPLES, sampleContext } from '../support/card-samples';

/**
 * Renders cards with the official adaptivecards renderer in real headless Chromium (Debian's package,
 * no download, no network). Without Chromium this suite is skipped locally and fails on CI.
 */
const executablePath = findChromium();
const MISSING = "Chromium not found: install Debian's chromium package (apt-get install -y chromium) or set CHROMIUM_PATH.";
if (!executablePath && process.env.CI === 'true') {
  it('has Chromium to render cards with (required on CI)', () => {
    throw new Error(MISSING);
  });
} else if (!executablePath) {
  console.warn(`Skipping the browser card tests. ${MISSING}`);
}
const describeIfChromium = executablePath ? describe : describe.skip;

describeIfChromium('cards in headless Chromium (official renderer)', () => {
  let renderer: CardRenderer;
  beforeAll(async () => {
    renderer = await CardRenderer.launch(executablePath!);
  }, 60_000);
  afterAll(async () => {
    await renderer?.close();
  });

  const model = { view: { request: linkPending, organizations: ORGANIZATIONS, requester: PEOPLE.haruka }, approverUserIds: APPROVER_USER_IDS };

  it.each<Locale>(['en', 'ja'])('the approval card (%s) shows Approve and Reject (and Details, for hand over and notes)', async (locale) => {
    const s = stringsFor(locale);
    const result = await renderer.render(approvalCard(model, sampleContext(locale)), { locale });
    expect(result.warnings).toEqual([]);
    expect(result.buttons).toEqual([s.button.approve, s.button.reject, s.button.details]);
  });

  it('the fallback approval card opens the reject form with its reason box and button', async () => {
    const s = stringsFor('en');
    const result = await renderer.render(approvalCard(model, sampleContext('en'), { universalActions: false }), {
      locale: 'en',
      expand: s.button.reject,
    });
    expect(result.buttons).toEqual([s.button.approve, s.button.reject, s.button.details, s.button.sendRejection]);
  });

  it('the status view shows no buttons', async () => {
    const result = await renderer.render(approvalCard(model, sampleContext('en'), { buttons: false }), { locale: 'en' });
    expect(result.buttons).toEqual([]);
  });

  it('every sample card renders without renderer warnings, and produces a picture', async () => {
    for (const sample of CARD_SAMPLES) {
      for (const locale of ['en', 'ja'] as const) {
        const result = await renderer.render(sample.build(sampleContext(locale)), { locale });
        expect([sample.name, locale, result.warnings]).toEqual([sample.name, locale, []]);
      }
    }
    const png = await renderer.screenshot();
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  // Issue 18: a card in an approval channel has many readers; its times are date functions that each
  // reader's client draws in their own zone (linkPending was filed 2025-06-09T00:15:00Z).
  it.each([
    { locale: 'ja' as const, timezoneId: 'Asia/Tokyo', tag: 'ja-JP', time: '9:15', day: '9' },
    { locale: 'en' as const, timezoneId: 'America/New_York', tag: 'en-US', time: '8:15', day: '8' },
  ])('a channel card (perReader, $locale) is drawn in the reader\'s own zone, $timezoneId', async ({ locale, timezoneId, tag, time, day }) => {
    const card = approvalCard(model, { ...sampleContext(locale), perReader: true });
    expect(JSON.stringify(card)).toContain('{{TIME(2025-06-09T00:15:00Z)}}');
    const reader = await CardRenderer.launch(executablePath!, { timezoneId, locale: tag });
    try {
      const result = await reader.render(card, { locale });
      expect(result.warnings).toEqual([]);
      const text = await reader.text();
      expect(text).not.toContain('{{');
      expect(text).not.toMatch(/UTC|GMT/);
      expect(text).toContain(time);
      expect(text).toMatch(locale === 'ja' ? new RegExp(`6月${day}日`) : new RegExp(`Jun ${day}, 2025`));
    } finally {
      await reader.close();
    }
  }, 60_000);
});
