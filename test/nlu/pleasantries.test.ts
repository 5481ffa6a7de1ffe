import { withoutPleasantries } from '../../dialogs/recognition/pleasantries';

/** Issue 18: greetings and small talk are cut off before the request is classified (examples of the kind the issue quotes). */
describe('withoutPleasantries', () => {
  it.each([
    ["Hi, hope you're well… we'd like to get linked up with a distributer here in Japan… Which ones can we pick?", "we'd like to get linked up with a distributer here in Japan… Which ones can we pick?"],
    ['Good morning team! Hope the week is treating you kindly. We need a disti', 'We need a disti'],
    ['hey! long time no see :) can u show my requsts', 'can u show my requsts'],
    ['hello there, thanks so much for your help last time, now we need a distributor', 'now we need a distributor'],
    ['cancel PL-7K2M9Q4D, thanks!', 'cancel PL-7K2M9Q4D'],
    ['お世話になっております。富士ITの小林です。ディストリビューターと連携したいです。よろしくお願いします。', 'ディストリビューターと連携したいです。'],
    ['お疲れ様です〜 申請の状況を教えてください', '申請の状況を教えてください'],
    ['すみません、昨日の申請は取り下げでお願いします', '昨日の申請は取り下げでお願いします'],
  ])('%s -> %s', (text, core) => {
    expect(withoutPleasantries(text)).toBe(core);
  });

  it.each(['good evening, hope all is well with you', 'hiya folks', 'こんばんは、お疲れ様です', 'hi!', 'thanks'])('nothing but pleasantries: %s', (text) => {
    expect(withoutPleasantries(text)).toBe('');
  });

  it.each([
    'hope you can link us with Contoso Distribution', // small talk that carries the request is kept
    'link us with Contoso Distribution Japan',
    'history of my requests', // "hi" inside a word is not a greeting
    'yours truly wants the status',
    '承認者にリマインドして',
  ])('a request with nothing to cut stays as typed: %s', (text) => {
    expect(withoutPleasantries(text)).toBe(text);
  });
});
