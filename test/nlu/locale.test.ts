import { detectLocale } from '../../dialogs/recognition';

describe('detectLocale: a script check', () => {
  it.each([
    ['link me with a distributor', 'en'],
    ['PartnerID 1234567, tenant contoso.onmicrosoft.com', 'en'],
    ['', 'en'],
    ['申請の状況は？', 'ja'],
    ['Azure のパートナーを追加したい', 'ja'],
    ['ヘルプ', 'ja'],
    ['ｺﾝﾆﾁﾊ', 'ja'],
    ['EAで買った', 'ja'],
    ['日本', 'ja'],
  ])('%j -> %s', (text, locale) => {
    expect(detectLocale(text)).toBe(locale);
  });
});
