import type { Cloud } from '../../../domain';
import type { PhraseEntry } from './phrase-matcher';

/** Names of the Microsoft clouds. "Germany" alone is a country; the cloud needs the word "cloud" near it. */
export const CLOUD_LEXICON: readonly PhraseEntry<Cloud>[] = [
  {
    value: 'public',
    phrases: ['public cloud', 'commercial cloud', 'global cloud', 'パブリッククラウド', 'パブリック クラウド', '商用クラウド', 'グローバルクラウド'],
  },
  {
    value: 'us_government',
    phrases: [
      'US Government', 'US Gov', 'USGov', 'U.S. Government', 'US government cloud', 'government cloud', 'gov cloud',
      'GovCloud', 'GCC', 'GCC High', 'GCCH', 'DoD', 'Azure Government', 'federal government', '米国政府', '米国政府機関',
      '米政府', 'アメリカ政府', 'アメリカの政府', '米国の政府', '政府機関向けクラウド', 'GCCハイ',
    ],
  },
  {
    value: 'china_21vianet',
    phrases: ['21Vianet', '21 Vianet', 'China', 'China cloud', 'Azure China', 'Mooncake', '中国', '21ヴィアネット', '世紀互聯', '世纪互联'],
  },
  {
    value: 'germany',
    phrases: [
      'Cloud Germany', 'Germany cloud', 'German cloud', 'Cloud Deutschland', 'Microsoft Cloud Deutschland',
      'ドイツクラウド', 'ドイツのクラウド', 'ドイツ向けクラウド', 'クラウドドイツ',
    ],
  },
];
