import type { IntentClassifier } from '../../adapters/nlpjs';
import { MessageRecognizer } from '../../dialogs/recognition';
import { createRecognizer } from '../../bot/recognizer';
import { entityValues, type Recognizer } from '../../dialogs/recognition';

// One model for the whole file: loaded from dist/nlu/model.json when the build made it, else trained once.
let recognizer: Recognizer;
beforeAll(async () => {
  recognizer = await createRecognizer({
    organizations: [
      { id: 'contoso-distribution-jp', names: ['Contoso Distribution Japan', 'コントソ・ディストリビューション・ジャパン'] },
      { id: 'fabrikam-distribution-us', names: ['Fabrikam Distribution Inc.'] },
    ],
  });
}, 60000);

describe('NLP.js recognizer: intents in English', () => {
  it.each([
    ['link_distributor', 'we are a new reseller and want to work with a distributor'],
    ['link_distributor', 'please connect us to an indirect provider'],
    ['add_partner', 'we want to add another partner for Azure'],
    ['add_partner', 'add a second partner for dynamics 365 please'],
    ['multichannel_support', 'we bought Office 365 through an Enterprise Agreement and want a partner to support it'],
    ['request_status', "what's the status of my distributor request?"],
    ['cancel_request', 'please cancel my pending request'],
    ['policy_question', 'can a reseller in Italy work with a distributor in Germany?'],
    ['policy_question', 'is multi-partner available in the US government cloud?'],
    ['help', 'what can you do?'],
    ['greeting', 'hi there!'],
  ])('%s: %s', async (intent, text) => {
    const r = await recognizer.recognize(text);
    expect(r).toMatchObject({ intent, locale: 'en', text });
    expect(r.score).toBeGreaterThan(0.5);
  });
});

describe('NLP.js recognizer: intents in Japanese', () => {
  it.each([
    ['link_distributor', '国内のディストリビューターと連携したいです'],
    ['add_partner', 'Azure のパートナーをもう一社追加したい'],
    ['multichannel_support', 'EA で買った Microsoft 365 をパートナーにサポートしてほしい'],
    ['request_status', '先週出した申請の状況は？'],
    ['cancel_request', '申請をキャンセルしてください'],
    ['policy_question', '他の CSP パートナーのテナントに再販できますか？'],
    ['help', '使い方を教えてください'],
    ['greeting', 'おはようございます'],
  ])('%s: %s', async (intent, text) => {
    const r = await recognizer.recognize(text);
    expect(r).toMatchObject({ intent, locale: 'ja' });
    expect(r.score).toBeGreaterThan(0.5);
  });
});

describe('out of scope is none', () => {
  it.each(["what's the weather", 'order a pizza', 'asdfgh', '今日の天気は？', 'ピザを注文して', 'あいうえおかきくけこ', '', '   '])(
    '%j',
    async (text) => {
      expect((await recognizer.recognize(text)).intent).toBe('none');
    },
  );
});

describe('locale and entities in a recognition', () => {
  it('uses the locale the caller passes, else detects it', async () => {
    expect((await recognizer.recognize('hello', { locale: 'ja' })).locale).toBe('ja');
    expect((await recognizer.recognize('ヘルプ')).locale).toBe('ja');
    expect((await recognizer.recognize('help')).locale).toBe('en');
  });

  it('returns entities with the intent', async () => {
    const r = await recognizer.recognize('link us with Contoso Distribution, our PartnerID is 1234567');
    expect(r.intent).toBe('link_distributor');
    expect(entityValues(r, 'organization')).toEqual(['contoso-distribution-jp']);
    expect(entityValues(r, 'partner_id')).toEqual(['1234567']);
    const ja = await recognizer.recognize('コントソと連携したい。Azure と Office 365 を扱いたい');
    expect(entityValues(ja, 'organization')).toEqual(['contoso-distribution-jp']);
    expect(entityValues(ja, 'workload')).toEqual(['azure', 'microsoft365']);
  });
});

describe('messages of several sentences', () => {
  it('a request is not hidden by the greeting or small talk around it', async () => {
    const r = await recognizer.recognize(
      "Hello, I'm Ken from Sakura Cloud. We're an indirect reseller in Japan and would like to start working with Contoso Distribution.",
    );
    expect(r.intent).toBe('link_distributor');
    const ja = await recognizer.recognize('お世話になっております。さくらクラウドの佐藤です。先週出した申請がどうなったか教えてください。');
    expect(ja.intent).toBe('request_status');
  });

  it('the whole message decides when it is a request; its clauses only when it reads as no request', async () => {
    const byText: Record<string, { intent: string; score: number }> = {
      'Hi. Cancel it.': { intent: 'greeting', score: 0.9 },
      'Hi.': { intent: 'greeting', score: 0.99 },
      'Cancel it.': { intent: 'cancel_request', score: 0.8 },
      'Help. Cancel it.': { intent: 'help', score: 0.9 },
      'Help. Cancel it maybe.': { intent: 'help', score: 0.9 },
      'Cancel it maybe.': { intent: 'cancel_request', score: 0.55 },
      'Cancel it. Show my requests.': { intent: 'cancel_request', score: 0.85 },
      'Show my requests.': { intent: 'request_status', score: 0.95 },
    };
    const fake: IntentClassifier = { classify: async (_l, text) => [byText[text] ?? { intent: 'None', score: 1 }] };
    const r = new MessageRecognizer(fake);
    expect(await r.recognize('Hi. Cancel it.')).toMatchObject({ intent: 'cancel_request', score: 0.8 });
    // Issue 18 (clauses.ts): a confident request in one clause outweighs a plea for help around it...
    expect(await r.recognize('Help. Cancel it.')).toMatchObject({ intent: 'cancel_request', score: 0.8 });
    // ...an unsure one does not...
    expect(await r.recognize('Help. Cancel it maybe.')).toMatchObject({ intent: 'help', score: 0.9 });
    // ...and a request read from the whole message is not second-guessed by a clause.
    expect(await r.recognize('Cancel it. Show my requests.')).toMatchObject({ intent: 'cancel_request', score: 0.85 });
    expect(await r.recognize('Hi.')).toMatchObject({ intent: 'greeting' });
  });
});

describe('threshold', () => {
  const fixed = (intent: string, score: number): IntentClassifier => ({ classify: async () => [{ intent, score }] });

  it('a best intent below the threshold becomes none', async () => {
    expect(await new MessageRecognizer(fixed('help', 0.4)).recognize('x')).toMatchObject({ intent: 'none', score: 0.6 });
    expect(await new MessageRecognizer(fixed('help', 0.4), { threshold: 0.3 }).recognize('x')).toMatchObject({ intent: 'help', score: 0.4 });
  });

  it("NLP.js's own None (no known word) and unknown labels become none", async () => {
    expect((await new MessageRecognizer(fixed('None', 1)).recognize('zzz')).intent).toBe('none');
    expect((await new MessageRecognizer(fixed('something_else', 0.9)).recognize('zzz')).intent).toBe('none');
  });
});
