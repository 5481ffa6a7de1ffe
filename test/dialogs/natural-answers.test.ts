import { languageSwitch } from '../../dialogs/conversation-prefs';
import { yesNo } from '../../dialogs/request/confirm-words';
import { answerAboutChoices, asksWhichChoice, isQuestion } from '../../dialogs/request/form-questions';
import { sampleLookup } from '../support/sample-directory';

/** Issue 18: confirmations, language requests and questions as people type them, in English and Japanese. */
describe('natural confirmations', () => {
  it.each(['yes please send it', 'Yes, please send it.', 'yes please', 'sure, go ahead', 'looks good, submit it', 'send it please', 'ok thanks', 'はい、それで送ってください', 'はい、お願いします', 'それで送ってください', 'この内容で申請してください', 'はい', 'yes'])('%j is yes', (t) => {
    expect(yesNo(t)).toBe('yes');
  });
  it.each(["no, don't send it", 'no thanks', 'nope', 'いいえ、送らないでください', 'いいえ', '送信しないでください'])('%j is no', (t) => {
    expect(yesNo(t)).toBe('no');
  });
  it.each(['please', 'thanks', 'no, Azure instead', 'yes but change the partner', 'Contoso please', 'send it to Tailspin instead of Contoso', 'はい、でもパートナーを変えたい'])('%j is neither (the dialog reads it)', (t) => {
    expect(yesNo(t)).toBeUndefined();
  });
});

describe('asking for a language', () => {
  it.each(['in English please', 'In English, please.', 'English please', 'can you answer in English please?', 'please reply in English', '英語でお願いします', '英語にしてください', '英語で話してください'])('%j pins English', (t) => {
    expect(languageSwitch(t)).toBe('en');
  });
  it.each(['日本語で', '日本語でお願いします', 'switch to Japanese please', 'in Japanese, please', '日本語にしてください'])('%j pins Japanese', (t) => {
    expect(languageSwitch(t)).toBe('ja');
  });
  it.each(['I bought Microsoft 365 in English', 'what is English for 申請?', '英語の資料はありますか'])('%j does not', (t) => {
    expect(languageSwitch(t)).toBeUndefined();
  });
});

describe('questions mid-form', () => {
  it('tells a question about the choices from an answer', () => {
    expect(asksWhichChoice('which of these two can do Dynamics 365?')).toBe(true);
    expect(asksWhichChoice('who of them offers Azure')).toBe(true);
    expect(asksWhichChoice('この中でDynamics 365を扱えるのはどちらですか？')).toBe(true);
    expect(asksWhichChoice('どれがAzureに対応していますか')).toBe(true);
    expect(asksWhichChoice('Contoso Distribution Japan')).toBe(false);
    expect(asksWhichChoice('Dynamics 365?')).toBe(false);
    expect(asksWhichChoice('Azureでお願いします')).toBe(false);
    // Who approves the request is not a question about the choices (it was answered with their workloads).
    expect(asksWhichChoice('who approves this?')).toBe(false);
    expect(asksWhichChoice('承認って誰がするんですか？どのくらい時間かかります？')).toBe(false);
    expect(asksWhichChoice('which of them can sign off faster?')).toBe(false);
    expect(isQuestion("can we resell Microsoft 365 to another CSP partner's tenant?")).toBe(true);
    expect(isQuestion('他のCSPのテナントに再販できますか')).toBe(true);
    expect(isQuestion('Tailspin')).toBe(false);
  });

  it('answers from the choices in the reader language: which offer the workload, or what each offers', () => {
    const s = sampleLookup();
    const choices = ['contoso-distribution-jp', 'tailspin-distribution-jp', 'wingtip-supply-jp'].map(s.org);
    expect(answerAboutChoices(choices, 'dynamics365', 'en')).toBe('Of the choices here, Contoso Distribution Japan offers Dynamics 365; Tailspin Distribution KK and Wingtip Supply Japan do not.');
    expect(answerAboutChoices(choices, 'dynamics365', 'ja')).toBe('この中で Dynamics 365 を扱っているのは、コントソ・ディストリビューション・ジャパンです。テイルスピン・ディストリビューション、ウイングティップ・サプライ・ジャパンは扱っていません。');
    expect(answerAboutChoices(choices, 'microsoft365', 'en')).toBe('All of the choices here offer Microsoft 365.');
    expect(answerAboutChoices(choices.slice(1), 'dynamics365', 'en')).toBe('None of the choices here offers Dynamics 365.');
    expect(answerAboutChoices(choices.slice(1), undefined, 'en')).toBe('The choices here, and the workloads each one offers:\n• Tailspin Distribution KK: Microsoft 365 and Microsoft Azure\n• Wingtip Supply Japan: Microsoft 365');
    expect(answerAboutChoices([], 'azure', 'ja')).toContain('まだ選択肢がありません');
  });
});
