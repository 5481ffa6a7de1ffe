import { classifierText } from '../../adapters/nlpjs/classifier-text';
import { inOneLanguage } from '../../adapters/nlpjs/mixed-language';
import { aboutSomethingElse, outOfScopeAction, outOfScopeHelp } from '../../adapters/nlpjs/scope-guard';
import { expandShorthand } from '../../adapters/nlpjs/shorthand';
import { createRecognizer } from '../../bot/recognizer';

describe('chat shorthand and misspellings', () => {
  it.each([
    ['need a disti pls', 'need a distributor please'],
    ['our distis', 'our distributor'],
    ['a distributer in Japan', 'a distributor in Japan'],
    ['show my requsts', 'show my requests'],
    ['did they aprove it', 'did they approve it'],
    ['a second parnter', 'a second partner'],
    ['うちが使えるディスティってどこ？', 'うちが使えるディストリビューターってどこ？'],
    ['link us w/ Contoso', 'link us with  Contoso'],
    ['can u check', 'can you check'],
    ['buy thru them', 'buy through them'],
    ['disti と連携したい', 'distributor と連携したい'],
  ])('%s -> %s', (typed, expected) => {
    expect(expandShorthand(typed)).toBe(expected);
  });

  it('leaves words that only contain a shorthand alone', () => {
    expect(expandShorthand('distinct quest upload subsidiary')).toBe('distinct quest upload subsidiary');
    expect(expandShorthand('U.S. customers, u.s. too, Q3 and U-boat')).toBe('U.S. customers, u.s. too, Q3 and U-boat');
  });

  it('is part of the text the classifier sees (full-width input too)', () => {
    expect(classifierText('ｐｌｓ  show my requsts')).toBe('please show my requests');
  });
});

describe('mixed English and Japanese (issue 18)', () => {
  it.each([
    ['申請を cancel して', 'ja', '申請を キャンセル して'],
    ['approver に remind お願い', 'ja', '承認者 に リマインド お願い'],
    ['distributor link の status 教えて', 'ja', 'ディストリビューター 連携 の 状況 教えて'],
    ['status of my 申請 please', 'en', 'status of my  request  please'],
  ] as const)('%s (%s) -> %s', (typed, locale, expected) => {
    expect(inOneLanguage(typed, locale)).toBe(expected);
  });

  it('leaves text in one language, product names and longer words alone', () => {
    expect(inOneLanguage('Azure のパートナーを追加したい', 'ja')).toBe('Azure のパートナーを追加したい');
    expect(inOneLanguage('cancel my link request', 'en')).toBe('cancel my link request');
    expect(inOneLanguage('addresses と linkage', 'ja')).toBe('addresses と linkage');
  });
});

describe('out-of-scope guard on action intents', () => {
  it.each([
    ['cancel_request', 'cancel my gym membership'],
    ['cancel_request', 'can you cancel my flight to Osaka'],
    ['cancel_request', 'ジムの会員をキャンセルしたい'],
    ['cancel_request', '新幹線の予約を取り消して'],
    ['remind_approvers', 'リマインドを3時に設定して'],
    // A subscription or a tenant alone is not something the bot cancels (issue 18).
    ['cancel_request', 'cancel my music subscription'],
    ['cancel_request', '動画サブスクを解約したい'],
  ])('%s for "%s" is out of scope', (intent, text) => {
    expect(outOfScopeAction(intent, text)).toBe(true);
  });

  it.each([
    ['cancel_request', 'cancel my link request'],
    ['cancel_request', 'cancel it'],
    ['cancel_request', 'cancel'],
    ['cancel_request', 'キャンセルしてください'],
    ['cancel_request', '申請を取り消して'],
    ['cancel_request', 'cancel the multi-channel request for our EA subscription'],
    ['remind_approvers', '承認者にリマインドして'],
    ['remove_approver', '鈴木さんの管理者権限を外して'],
    ['resubmit_request', 'we fixed the issue they flagged, please submit it once more'],
    ['remind_approvers', 'send another reminder'],
    ['remind_approvers', 'もう一度催促して'],
  ])('%s for "%s" stays', (intent, text) => {
    expect(outOfScopeAction(intent, text)).toBe(false);
  });

  it('never touches questions, greetings or help', () => {
    expect(outOfScopeAction('help', 'how do I bake bread')).toBe(false);
    expect(outOfScopeAction('policy_question', 'can I cancel my gym membership')).toBe(false);
  });

  it('out-of-scope requests that share an action word are recognised as none, never as the action', async () => {
    const recognizer = await createRecognizer();
    for (const text of ['cancel my gym membership', 'can you cancel my flight to Osaka', 'ジムの会員をキャンセルしたい', '新幹線の予約を取り消して']) {
      const result = await recognizer.recognize(text);
      expect([text, result.intent]).toEqual([text, 'none']);
    }
  }, 60000);
});

describe('out-of-scope guard on other things worded like ours (issue 18)', () => {
  it.each([
    ['add_partner', 'put the partner sync on my calendar for Friday'],
    ['request_status', 'approve my holiday request for next week'],
    ['request_status', 'where can I find the invoice from March'],
    ['link_distributor', 'link my LinkedIn profile'],
    ['add_partner', 'パートナー企業との会議をカレンダーに入れて'],
    ['request_status', '経費の申し込み状況を見たい'],
  ])('%s for "%s" is out of scope', (intent, text) => {
    expect(aboutSomethingElse(intent, text)).toBe(true);
  });

  it.each([
    ['request_status', 'what happens to our request while the approver is on holiday'],
    ['link_distributor', 'link us with a distributor before our meeting on Friday'],
    ['add_partner', 'we need a second partner for Azure'],
    ['cancel_request', '会議で決まったので、連携の申請を取り下げます'],
    ['policy_question', 'can our distributor see our invoices?'],
    ['greeting', 'good morning, lunch soon?'],
  ])('%s for "%s" stays', (intent, text) => {
    expect(aboutSomethingElse(intent, text)).toBe(false);
  });

  it('through the recognizer, such a request is none', async () => {
    const recognizer = await createRecognizer();
    for (const text of ['add a partner meeting to my calendar', 'approve my vacation days please', 'カレンダーにパートナーとの打ち合わせを追加して']) {
      const result = await recognizer.recognize(text);
      expect([text, result.intent]).toEqual([text, 'none']);
    }
  }, 60000);
});

describe('out-of-scope guard on help (issue 18)', () => {
  it.each(['how do I bake bread', 'whats the wifi password here', "what's the weather going to be this weekend?"])('"%s" is not a plea for help', (text) => {
    expect(outOfScopeHelp('help', text)).toBe(true);
  });
  it.each(['what can I do here', 'how does this bot work', 'i don\'t know what to do', 'walk me through it', 'im lost', '何ができますか'])('"%s" is', (text) => {
    expect(outOfScopeHelp('help', text)).toBe(false);
  });
  it('only a reading of help is guarded', () => {
    expect(outOfScopeHelp('greeting', 'how do I bake bread')).toBe(false);
  });
});
