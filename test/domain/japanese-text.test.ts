import { stringsFor } from '../../cards';
import { approverStrings } from '../../cards/strings/approvers';
import { clarifyStrings } from '../../cards/strings/clarify';
import { POLICY_TEXT } from '../../dialogs/policy/policy.text';
import { requestDialogText } from '../../dialogs/request/request-dialog.text';
import { approvalChannelText } from '../../dialogs/simple/approval-channel';
import { remindText } from '../../dialogs/simple/remind';
import { simpleText } from '../../dialogs/simple/simple.text';
import { workText } from '../../dialogs/work/work.text';
import { ADVISORY_CODES, RULE_CODES, advisoryMessage, checkFiler, ruleMessage } from '../../domain';
import { sampleLookup } from '../support/sample-directory';

// Issue 18: in Japanese a name is followed by its particle with no space (「富士ITパートナーズは」).
describe('Japanese rule reasons', () => {
  const NAME = { en: 'Fuji IT Partners', ja: '富士ITパートナーズ' };
  const params = { customer: NAME, reseller: NAME, provider: NAME, partner: NAME, a: NAME, b: NAME, existing: NAME, org: NAME, target: NAME, subscription: NAME, channel: NAME, workload: NAME };
  const SPACED = /富士ITパートナーズ (は|と|の|を|に|では|で|が|から|も|まで|へ)/;
  it.each(RULE_CODES)('%s: no space between a name and its particle', (code) => {
    const { ja, en } = ruleMessage(code, params);
    expect(ja).not.toMatch(SPACED);
    expect(en).not.toMatch(/富士/);
  });
  it.each(ADVISORY_CODES)('advisory %s: no space between a name and its particle', (code) => {
    expect(advisoryMessage(code, params).ja).not.toMatch(SPACED);
  });
  /** Every Japanese string of the card and dialog tables, functions called with a sample name for each name argument. */
  const renderedJapanese = (): string[] => {
    const NAMED = new Set(['org', 'orgs', 'name', 'names', 'from', 'to', 'by', 'provider', 'customer', 'partner', 'reseller', 'requester', 'subscription', 'a', 'b', 'c', 'ch', 'channel', 'workload']);
    /** The parameter names of an arrow function, from its source (the strings are plain arrow functions). */
    const paramsOf = (fn: (...a: unknown[]) => unknown) => (/^\(?([^)=]*)\)?\s*=>/.exec(fn.toString())?.[1] ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    const out: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node === 'string') out.push(`${path}: ${node}`);
      else if (typeof node === 'function') {
        const fn = node as (...a: unknown[]) => unknown;
        const args = paramsOf(fn).map((p) => (NAMED.has(p) ? NAME.ja : '2026-12-07'));
        let text: string;
        try {
          text = String(fn(...args));
        } catch {
          text = String(fn(...args.map((a) => [a]))); // a list argument (the open requests, say)
        }
        out.push(`${path}: ${text}`);
      } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(
      {
        cards: stringsFor('ja'),
        approvers: approverStrings('ja'),
        clarify: clarifyStrings('ja'),
        policy: POLICY_TEXT.ja,
        request: requestDialogText('ja'),
        approvalChannel: approvalChannelText('ja'),
        remind: remindText('ja'),
        simple: simpleText('ja'),
        work: workText('ja'),
        rules: Object.fromEntries(RULE_CODES.map((code) => [code, ruleMessage(code, params).ja])),
        advisories: Object.fromEntries(ADVISORY_CODES.map((code) => [code, advisoryMessage(code, params).ja])),
        probe: { spaced: (org: string) => `${org} の承認者`, polite: '出していただいてください' }, // the checks below must catch these two
      },
      '',
    );
    return out;
  };
  it('every Japanese card and dialog string that takes a name attaches its particle (each name argument given a name; dates, IDs and counts stay spaced)', () => {
    const all = renderedJapanese();
    expect(all.length).toBeGreaterThan(300);
    expect(all.filter((t) => SPACED.test(t))).toEqual(['probe.spaced: 富士ITパートナーズ の承認者']);
  });
  it('no Japanese string asks for 「〜していただいてください」 (ungrammatical: 「〜していただくよう」 or 「〜してもらってください」)', () => {
    expect(renderedJapanese().filter((t) => t.includes('いただいてください'))).toEqual(['probe.polite: 出していただいてください']);
  });
  it('the reason names the organization with its particle attached', () => {
    expect(ruleMessage('RESELLER_NOT_ENROLLED', params).ja).toMatch(/^富士ITパートナーズは CSP/);
    expect(ruleMessage('DUPLICATE_RELATIONSHIP', params).ja).toMatch(/^富士ITパートナーズと富士ITパートナーズは/);
  });
});

describe('Japanese "what to do instead"', () => {
  it('a partner asking for multi-channel support is told, grammatically, to have the customer ask', () => {
    const refused = checkFiler('multichannel_support', sampleLookup().org('sakura-cloud'));
    expect(refused?.message.ja).toContain('お客様から、サブスクリプションのサポートを依頼していただくようお伝えください。');
    expect(refused?.message.ja).not.toContain('いただいてください');
    expect(refused?.message.en).toContain('Ask your customer to request your support');
  });
});
