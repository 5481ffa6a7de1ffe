import { CARD_VERSION, stringsFor } from '../../cards';
import type { Locale } from '../../domain';
import { CARD_SAMPLES, sampleContext } from '../support/card-samples';
import { actionsOf, cardBytes, cardProblems, inputsOf, MAX_CARD_BYTES } from '../support/card-validator';

const LOCALES: Locale[] = ['en', 'ja'];
const cases = CARD_SAMPLES.flatMap((sample) => LOCALES.map((locale) => [sample.name, locale, sample] as const));

describe('every card, in English and Japanese, against the official adaptivecards object model', () => {
  it.each(cases)('%s (%s) parses and validates at schema 1.5 with no warnings', (_name, locale, sample) => {
    const card = sample.build(sampleContext(locale));
    expect(cardProblems(card)).toEqual([]);
  });

  it.each(cases)('%s (%s) is version %s or lower and under 28 KB', (_name, locale, sample) => {
    const card = sample.build(sampleContext(locale));
    const [major, minor] = (card.version ?? '').split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeLessThanOrEqual(5);
    expect(card.version).toBe(CARD_VERSION);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it.each(cases)('%s (%s): every input is labelled, every required input says what is wrong', (_name, locale, sample) => {
    for (const input of inputsOf(sample.build(sampleContext(locale)))) {
      expect(input.label?.trim()).toBeTruthy();
      if (input.isRequired) expect(input.errorMessage?.trim()).toBeTruthy();
    }
  });

  it.each(cases)('%s (%s): has fallback text and every button a title', (_name, locale, sample) => {
    const card = sample.build(sampleContext(locale));
    expect(card.fallbackText?.trim()).toBeTruthy();
    for (const action of actionsOf(card)) expect(action.title?.trim()).toBeTruthy();
  });

  it('the Japanese cards are in Japanese (no English string leaks into a heading)', () => {
    const en = stringsFor('en');
    for (const sample of CARD_SAMPLES) {
      const ja = JSON.stringify(sample.build(sampleContext('ja')));
      for (const title of [en.approval.title, en.confirm.title, en.help.title, en.button.approve, en.button.reject]) {
        expect(ja).not.toContain(`"${title}"`);
      }
    }
  });
});

describe('the validator itself catches what it must', () => {
  const base = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'hi', wrap: true }] };

  it('accepts a clean card', () => {
    expect(cardProblems(base)).toEqual([]);
  });
  it('flags an unknown element', () => {
    expect(cardProblems({ ...base, body: [{ type: 'Fancy.Widget' }] }).join('\n')).toMatch(/UnknownElementType/);
  });
  it('flags an unknown property', () => {
    expect(cardProblems({ ...base, body: [{ type: 'TextBlock', text: 'hi', colour: 'good' }] }).join('\n')).toMatch(/colour: unknown/);
  });
  it('flags a value the schema does not allow', () => {
    expect(cardProblems({ ...base, body: [{ type: 'TextBlock', text: 'hi', size: 'huge' }] })).not.toEqual([]);
  });
  it('flags a property newer than 1.5', () => {
    const problems = cardProblems({ ...base, body: [{ type: 'Input.Text', id: 'x', label: 'X', inputStyle: 'revealOnHover' }] });
    expect(problems.join('\n')).toMatch(/UnsupportedProperty|unknown/);
  });
  it('flags a required input without a label or error message', () => {
    const problems = cardProblems({ ...base, body: [{ type: 'Input.Text', id: 'x', isRequired: true }] });
    expect(problems.join('\n')).toMatch(/RequiredInputsShouldHaveLabel/);
    expect(problems.join('\n')).toMatch(/RequiredInputsShouldHaveErrorMessage/);
  });
  it('flags duplicate input IDs', () => {
    const input = { type: 'Input.Text', id: 'x', label: 'X' };
    expect(cardProblems({ ...base, body: [input, input] }).join('\n')).toMatch(/DuplicateId/);
  });
});
