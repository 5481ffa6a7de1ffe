import { TestAdapter, TurnContext } from 'botbuilder';
import { classifierText } from '../../adapters/nlpjs/classifier-text';
import { inOneLanguage } from '../../adapters/nlpjs/mixed-language';
import { stripBotMention, stripMentions } from '../../adapters/slack/slack-activity.mapper';
import { slackMentions } from '../../adapters/slack/slack-turn';
import { peopleNamedIn } from '../../app';
import { speaksOfApprovers } from '../../dialogs/simple/approvers';
import { answerPolicyQuestion } from '../../dialogs/policy/policy-answer';
import { commandIntent, detectLocale } from '../../dialogs/recognition';
import { foldText, type FoldedText } from '../../dialogs/recognition/entities';
import { extractIdentifiers } from '../../dialogs/recognition/entities/identifier.extractor';
import { clausesOf } from '../../dialogs/recognition/clauses';
import { featuresOf } from '../../adapters/nlpjs/linear-classifier';
import { withoutPleasantries } from '../../dialogs/recognition/pleasantries';
import { filesAgain } from '../../dialogs/recognition/again-cue';
import { changesTheRequest } from '../../dialogs/recognition/change-cue';
import { asksForADistributor } from '../../dialogs/recognition/distributor-cue';
import { asksAfterTheStatus, asksWhetherDecided, chasesTheApprovers } from '../../dialogs/recognition/follow-up-cue';
import { addsANote, cancelsTheRequest, handsOver } from '../../dialogs/recognition/action-cue';
import { approversIntent } from '../../dialogs/recognition/approvers-cue';
import { asksForHelp } from '../../dialogs/recognition/help-cue';
import { asksForChannelSupport } from '../../dialogs/recognition/channel-cue';
import { asksForADetail } from '../../dialogs/recognition/detail-cue';
import { aboutSomethingElse, outOfScopeHelp } from '../../adapters/nlpjs/scope-guard';
import { piecesOf } from '../../adapters/nlpjs/nlpjs-engine';
import { asksAboutTheRules, asksForSomething } from '../../dialogs/recognition/question-cues';
import { yesNo } from '../../dialogs/request/confirm-words';
import { languageSwitch } from '../../dialogs/conversation-prefs';
import { asksWhichChoice, isQuestion } from '../../dialogs/request/form-questions';
import { cuesOf } from '../../dialogs/understanding/meaning';
import { messageText } from '../../dialogs/turn-info';
import { DEFAULT_POLICY } from '../../domain';

/**
 * Every pattern the bot applies to what people type must take time linear in the text: one that
 * backtracks from every start position (the old domain pattern in classifier-text.ts took 3 s for a
 * 1,000-letter word) lets one message hold the event loop for every other conversation.
 *
 * Not a timed assertion with an absolute bound: each function runs on adversarial texts of 100, 1,000,
 * 10,000 and 100,000 characters, and the test checks how the time per call grows. From 10,000 to
 * 100,000 characters linear work grows about 10 times and quadratic work 100 times; the bound, 35,
 * leaves room for a busy machine and none for a quadratic pattern. Each earlier step may grow at most
 * 300 times, which stops a cubic pattern (1,000 times) before it runs on a text it would take minutes
 * for. Each size is timed over at least 20 ms of calls (or one call), so that one slow call or one
 * garbage collection does not decide; CPU time is measured, not the clock.
 */
const SIZES = [100, 1_000, 10_000, 100_000] as const;
const BOUND = 35;
const STEP_BOUND = 300;

const repeat = (unit: string) => (n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
/** Texts that make backtracking patterns retry: long runs of what a pattern almost matches. */
const ADVERSARIAL: Record<string, (n: number) => string> = {
  'one long word': repeat('a'),
  'dotted labels': repeat('a.'),
  'dashed labels': repeat('a-'),
  'almost an address': repeat('.@a'),
  'address characters': repeat('a%+_.'),
  'hex groups': repeat('aaaaaaaa-aaaa-'),
  digits: repeat('1'),
  'decimal points': repeat('1.'),
  'resell, again and again': repeat('resell '),
  'CSP partner, in Japanese': repeat('CSPパートナー'),
  'other, and spaces': (n) => `other${' '.repeat(n - 6)}x`,
  'unclosed Slack mentions': repeat('<@U1|a'),
  'unclosed Teams mentions': repeat('<at>a'),
  'sentence ends': repeat('a. '),
  'Japanese text': repeat('承認はこのチャネルでお願いします'),
  spaces: (n) => `${' '.repeat(n - 1)}x`,
  'greetings, again and again': repeat('hi there, hope '),
  'closing punctuation': repeat('thanks !'),
  'Japanese greetings': repeat('お疲れ様です〜よろしく'),
  'can a ... a ...': repeat('can a a '),
  'update the ... on the ...': repeat('update the a b on the c d '),
};

const NAMED = ['Ken Sato', 'Aiko Tanaka', 'Naoki Mori'].map((name, i) => ({ id: `p-${i}`, orgId: 'o', name, roles: ['requester' as const], identities: [] }));

/** The identifier patterns (GUID, PartnerID digits, domains) read the folded text; folding (no pattern) is done before timing. */
const folded = new Map<string, FoldedText>();
const identifiers = (t: string) => extractIdentifiers(folded.get(t) ?? foldText(t));

const FUNCTIONS: Record<string, (text: string) => unknown> = {
  'classifierText (nlpjs)': classifierText,
  'stripMentions (Slack)': stripMentions,
  'messageText (Teams mention markup)': (t) => messageText(new TurnContext(new TestAdapter(), { type: 'message', text: t, recipient: { id: 'bot', name: 'Partner Link' } })),
  'clausesOf (clause split)': clausesOf,
  'featuresOf (linear classifier)': (t) => [featuresOf('en', t), featuresOf('ja', t)],
  'policy question': (t) => answerPolicyQuestion({ text: t, locale: 'en', intent: 'policy_question', score: 1, entities: [] }, DEFAULT_POLICY, 'en'),
  commandIntent,
  yesNo,
  detectLocale,
  'identifiers (GUID, PartnerID, domain)': identifiers,
  // Issue 16: approver messages.
  'stripBotMention (Slack)': stripBotMention,
  'slackMentions': slackMentions,
  speaksOfApprovers,
  'peopleNamedIn (approvers)': (t) => peopleNamedIn(NAMED, t),
  // Issue 18: understanding (language requests, questions mid-form, distributor words).
  languageSwitch,
  isQuestion,
  asksWhichChoice,
  'cuesOf (distributor words)': (t) => cuesOf({ text: t, locale: 'en', intent: 'add_partner', score: 1, entities: [] }, []),
  withoutPleasantries,
  'asksAboutTheRules (question cues)': (t) => asksAboutTheRules(t, 'add_partner'),
  'filesAgain (again cue)': (t) => filesAgain(t, 'link_distributor'),
  'changesTheRequest (change cue)': (t) => changesTheRequest(t, 'request_status'),
  'asksForADistributor (distributor cue)': (t) => asksForADistributor(t, 'add_partner'),
  'asksWhetherDecided (follow-up cue)': (t) => asksWhetherDecided(t, 'link_distributor'),
  'chasesTheApprovers (follow-up cue)': (t) => chasesTheApprovers(t, 'link_distributor'),
  'asksForADetail (detail cue)': (t) => asksForADetail(t, 'none'),
  'asksAfterTheStatus (follow-up cue)': (t) => asksAfterTheStatus(t, 'link_distributor'),
  'cancelsTheRequest (action cue)': (t) => cancelsTheRequest(t, 'add_partner'),
  'addsANote (action cue)': (t) => addsANote(t, 'change_request'),
  'handsOver (action cue)': (t) => handsOver(t, 'link_distributor'),
  'approversIntent (approvers cue)': (t) => approversIntent(t, 'greeting'),
  'asksForHelp (help cue)': (t) => asksForHelp(t, 'link_distributor'),
  'asksForChannelSupport (channel cue)': (t) => asksForChannelSupport(t, 'add_partner'),
  'asksForSomething (clauses that ask)': asksForSomething,
  'outOfScopeHelp (help guard)': (t) => outOfScopeHelp('help', t),
  'aboutSomethingElse (other things guard)': (t) => aboutSomethingElse('add_partner', t),
  'piecesOf (long messages)': piecesOf,
  'inOneLanguage (mixed English and Japanese)': (t) => [inOneLanguage(t, 'ja'), inOneLanguage(t, 'en')],
};

const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

/**
 * CPU time per call in µs, over at least 20 ms of CPU (at most 500 calls; a slow function is called
 * once). CPU time, not the clock: on a machine shared with other work the clock also counts the time
 * this process waited for a core.
 */
function perCall(f: (t: string) => unknown, text: string): number {
  const start = cpuMicros();
  let calls = 0;
  let spent = 0;
  do {
    f(text);
    calls += 1;
    spent = cpuMicros() - start;
  } while (spent < 20_000 && calls < 500);
  return Math.max(spent, 1) / calls;
}

/** How much longer a call takes on `make(100,000)` than on `make(10,000)`, or why it was not run that far. */
function growth(f: (t: string) => unknown, make: (n: number) => string): number | string {
  const times: number[] = [];
  for (const n of SIZES) {
    const text = make(n);
    if (f === identifiers) folded.set(text, foldText(text));
    f(text); // warm up
    times.push(perCall(f, text));
    folded.clear();
    const step = times.length > 1 ? times.at(-1)! / times.at(-2)! : 1;
    if (step > STEP_BOUND) return `${Math.round(step)} times slower from ${n / 10} to ${n} characters`;
  }
  return Math.round((times[3]! / times[2]!) * 10) / 10;
}

describe('patterns applied to user text take linear time', () => {
  it.each(Object.keys(FUNCTIONS))(
    '%s',
    (name) => {
      const f = FUNCTIONS[name]!;
      const tooSlow: Record<string, number | string> = {};
      for (const [input, make] of Object.entries(ADVERSARIAL)) {
        // Measured again (at most twice) when over the bound: a full suite on two cores can stall one
        // measurement (GC, a descheduled worker); a superlinear function is over the bound every time.
        let g = growth(f, make);
        for (let again = 0; again < 2 && (typeof g === 'string' || g > BOUND); again++) g = growth(f, make);
        if (typeof g === 'string' || g > BOUND) {
          tooSlow[input] = g;
          break; // one is enough, and the next could take as long
        }
      }
      expect(tooSlow).toEqual({});
    },
    120_000,
  );

  it('the rewritten patterns still find what they found', () => {
    expect(classifierText('mail aiko@sakuracloud.example or visit www.contoso.co.jp today')).toBe('mail or visit today');
    expect(classifierText('Node.js v1.5 e.g. U.S. and 1.5GB')).toBe('v1.5 e.g. U.S. and 1.5GB');
    expect(classifierText('our tenant contoso.onmicrosoft.com, please')).toBe('our tenant , please');
    expect(stripMentions('<@U0PLBOT|partner-link> approvals here <@W123>')).toBe('approvals here');
    const policy = (t: string) => answerPolicyQuestion({ text: t, locale: 'en', intent: 'policy_question', score: 1, entities: [] }, DEFAULT_POLICY, 'en')[0];
    const cspToCsp = policy("Can we resell Microsoft 365 to another CSP partner's tenant?");
    expect(policy('Can we resell licenses\nto a company that is a partner?')).not.toBe(cspToCsp);
    expect(policy('Could we resell licenses to a partner?')).toBe(cspToCsp);
    expect(policy('CSP パートナーのテナントに販売できますか')).toBe(cspToCsp);
  });
});
