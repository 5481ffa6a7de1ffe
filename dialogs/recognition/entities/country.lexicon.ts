import type { PhraseEntry } from './phrase-matcher';

type Row = readonly [code: string, ...phrases: string[]];

// ISO code, then English names and adjectives, then Japanese names. Phrases are folded to hiragana, so
// short katakana names that spell common kana (タイ is also the たい of したい) are left out. "US" is
// checked for capitals later.
const ROWS: readonly Row[] = [
  ['JP', 'Japan', 'Japanese', 'Nihon', 'Nippon', '日本', '国内', 'ジャパン', '日本国内'],
  ['US', 'US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'United States of America', 'America', 'American', 'アメリカ', '米国', 'アメリカ合衆国', '合衆国'],
  ['GB', 'UK', 'U.K.', 'United Kingdom', 'Great Britain', 'Britain', 'British', 'England', 'イギリス', '英国', 'イングランド'],
  ['DE', 'Germany', 'German', 'Deutschland', 'ドイツ', '独国'],
  ['FR', 'France', 'French', 'フランス', '仏国'],
  ['CA', 'Canada', 'Canadian', 'カナダ'],
  ['CN', 'China', 'Chinese', 'PRC', '中国', '中華人民共和国'],
  ['KR', 'Korea', 'South Korea', 'Korean', '韓国', '大韓民国'],
  ['TW', 'Taiwan', 'Taiwanese', '台湾'],
  ['HK', 'Hong Kong', '香港'],
  ['SG', 'Singapore', 'Singaporean', 'シンガポール'],
  ['AU', 'Australia', 'Australian', 'オーストラリア', '豪州'],
  ['NZ', 'New Zealand', 'ニュージーランド'],
  ['IN', 'India', 'Indian', 'インド'],
  ['TH', 'Thailand', 'Thai', 'タイ王国'],
  ['VN', 'Vietnam', 'Viet Nam', 'Vietnamese', 'ベトナム'],
  ['MY', 'Malaysia', 'Malaysian', 'マレーシア'],
  ['ID', 'Indonesia', 'Indonesian', 'インドネシア'],
  ['PH', 'Philippines', 'Filipino', 'フィリピン'],
  ['IT', 'Italy', 'Italian', 'イタリア'],
  ['ES', 'Spain', 'Spanish', 'スペイン'],
  ['PT', 'Portugal', 'Portuguese', 'ポルトガル'],
  ['NL', 'Netherlands', 'Holland', 'Dutch', 'オランダ'],
  ['BE', 'Belgium', 'Belgian', 'ベルギー'],
  ['CH', 'Switzerland', 'Swiss', 'スイス'],
  ['AT', 'Austria', 'Austrian', 'オーストリア'],
  ['SE', 'Sweden', 'Swedish', 'スウェーデン'],
  ['NO', 'Norway', 'Norwegian', 'ノルウェー'],
  ['DK', 'Denmark', 'Danish', 'デンマーク'],
  ['FI', 'Finland', 'Finnish', 'フィンランド'],
  ['IE', 'Ireland', 'Irish', 'アイルランド'],
  ['PL', 'Poland', 'Polish', 'ポーランド'],
  ['CZ', 'Czech Republic', 'Czechia', 'チェコ'],
  ['MX', 'Mexico', 'Mexican', 'メキシコ'],
  ['BR', 'Brazil', 'Brazilian', 'ブラジル'],
  ['AR', 'Argentina', 'アルゼンチン'],
  ['AE', 'United Arab Emirates', 'UAE', 'アラブ首長国連邦'],
  ['SA', 'Saudi Arabia', 'サウジアラビア'],
  ['IL', 'Israel', 'イスラエル'],
  ['TR', 'Turkey', 'Türkiye', 'トルコ'],
  ['ZA', 'South Africa', '南アフリカ'],
];

export const COUNTRY_LEXICON: readonly PhraseEntry<string>[] = ROWS.map(([value, ...phrases]) => ({ value, phrases }));

/** Phrases that are also ordinary words in lower case ("us"); they count only when typed in capitals. */
export const CAPITALS_ONLY = new Set(['us', 'u.s.']);
