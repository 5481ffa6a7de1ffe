import {
  CHANNEL_LABELS,
  CLOUD_LABELS,
  MULTICHANNEL_ELIGIBLE_CHANNELS,
  REGION_LABELS,
  regionOfCountry,
  type Cloud,
  type DomainPolicy,
  type Locale,
  type PurchaseChannel,
} from '../../domain';
import type { Recognition } from '../recognition';
import { POLICY_TEXT } from './policy.text';

const CSP_TO_CSP = /(another|other|different)\s+(csp|partner)|csp\s+partner'?s?\s+tenant|transacting tenant|別の\s*CSP|他の\s*CSP|再販/i;
/**
 * "resell ... CSP/partner" and "CSPパートナー ... テナント/再販/販売" on one line. They were `.*` inside the
 * pattern above, which retried the rest of the line from every "resell" (quadratic in the text); now
 * each line's first such word is found once and the rest of that line searched once.
 */
const LATER_ON_THE_LINE: ReadonlyArray<readonly [RegExp, RegExp]> = [
  [/\bresell\w*\s/i, /csp|partner/i],
  [/CSP\s*パートナー/i, /テナント|再販|販売/],
];

function asksAboutCspToCsp(text: string): boolean {
  if (CSP_TO_CSP.test(text)) return true;
  const lines = text.split('\n');
  return LATER_ON_THE_LINE.some(([first, then]) =>
    lines.some((line) => {
      const m = first.exec(line);
      return !!m && then.test(line.slice(m.index + m[0].length));
    }),
  );
}

/**
 * Issue 18: "who approves this?", "how long does approval take?", 「承認って誰がするんですか？どのくらい時間
 * かかります？」: a question about approving requests (who, how long), not about the choices on a form.
 */
const APPROVAL_WORDS = /\bapprov\w*|\bsign(?:s|ed|ing)?[\s-]+off\b|承認|決裁/i;
const WHO = /\bwho(m|se)?\b|誰|だれ|どなた|どの(方|人)/i;
const HOW_LONG = /\bhow\s+(long|many\s+days|soon|quick(ly)?|fast)\b|\bwhen\s+will\b|どのくらい|どれくらい|どれぐらい|何日|いつ(まで|頃|ごろ)?|時間(が|は)?(かか|掛か)/i;

/** Which of the two approval topics the text asks about (none: not an approvals question). */
export function approvalTopics(text: string): { who: boolean; howLong: boolean } {
  const t = text.normalize('NFKC');
  const about = APPROVAL_WORDS.test(t);
  const who = about && WHO.test(t);
  const howLong = HOW_LONG.test(t) && (about || /時間(が|は)?(かか|掛か)/.test(t));
  return { who, howLong };
}

/** The approvals answer: who decides each kind of request, and how long it may take (this deployment's days). */
export function answerApprovalsQuestion(text: string, policy: DomainPolicy, locale: Locale): string[] {
  const t = POLICY_TEXT[locale];
  const topics = approvalTopics(text);
  const days = { reminderAfter: policy.reminderAfterDays, reminderEvery: policy.reminderEveryDays, expiry: policy.requestExpiryDays };
  const out: string[] = [];
  if (topics.who || !topics.howLong) out.push(t.approvalsWho);
  if (topics.howLong || !topics.who) out.push(t.approvalsHowLong(days, policy.completeInPartnerCenter));
  return out;
}

/** Whether the text asks who approves or how long approval takes. */
export function asksAboutApprovals(text: string): boolean {
  const { who, howLong } = approvalTopics(text);
  return who || howLong;
}

/**
 * Answers a question about the rules from the domain's own facts and this deployment's policy, so
 * the answer can never disagree with what the validation would do. Returns one paragraph per topic
 * the question touches, or the overview when it names none.
 */
export function answerPolicyQuestion(rec: Recognition, policy: DomainPolicy, locale: Locale): string[] {
  const t = POLICY_TEXT[locale];
  const out: string[] = [];
  if (asksAboutCspToCsp(rec.text)) out.push(t.cspToCsp);
  if (asksAboutApprovals(rec.text)) out.push(...answerApprovalsQuestion(rec.text, policy, locale));
  const clouds = [...new Set(rec.entities.filter((e) => e.type === 'cloud').map((e) => e.value as Cloud))];
  for (const cloud of clouds) {
    const label = CLOUD_LABELS[cloud][locale];
    if (policy.closedClouds.includes(cloud)) out.push(t.cloudClosed(label));
    else if (cloud === 'public') out.push(t.publicCloud);
    else if (policy.singlePartnerClouds.includes(cloud)) out.push(t.cloudSinglePartner(label));
    else out.push(t.cloudMultiPartner(label));
  }
  const countries = [...new Set(rec.entities.filter((e) => e.type === 'country').map((e) => String(e.value)))];
  if (countries.length >= 2) {
    const [a, b] = countries as [string, string];
    const ra = regionOfCountry(a, policy.markets);
    const rb = regionOfCountry(b, policy.markets);
    const [na, nb] = [countryName(a, locale), countryName(b, locale)];
    if (ra && rb) out.push(ra === rb ? t.sameRegion(na, nb, REGION_LABELS[ra][locale]) : t.differentRegion(na, REGION_LABELS[ra][locale], nb, REGION_LABELS[rb][locale]));
  } else if (countries.length === 1) {
    const region = regionOfCountry(countries[0]!, policy.markets);
    if (region) out.push(t.oneRegion(countryName(countries[0]!, locale), REGION_LABELS[region][locale]));
  }
  const channels = [...new Set(rec.entities.filter((e) => e.type === 'purchase_channel').map((e) => e.value as PurchaseChannel))];
  for (const channel of channels) {
    const label = CHANNEL_LABELS[channel][locale];
    out.push(MULTICHANNEL_ELIGIBLE_CHANNELS.includes(channel) ? t.channelEligible(label) : t.channelIneligible(label));
  }
  if (out.length === 0 && rec.entities.some((e) => e.type === 'workload')) out.push(t.severalPartners);
  return out.length ? out : [t.overview(policy.requestExpiryDays)];
}

/** Issue 18: answers name the country in the reader's language (フランス, Germany), not its ISO code. */
function countryName(code: string, locale: 'en' | 'ja'): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
