import type { PurchaseChannel } from '../../../domain';
import type { PhraseEntry } from './phrase-matcher';

/**
 * How people say where a subscription was bought. Bare "open" and "another partner" are too common to
 * mean a channel on their own, so those are phrased with the words that usually come with them.
 */
export const CHANNEL_LEXICON: readonly PhraseEntry<PurchaseChannel>[] = [
  {
    value: 'microsoft_direct',
    phrases: [
      'web direct', 'bought online', 'purchased online', 'bought it online', 'directly from Microsoft',
      'direct from Microsoft', 'from Microsoft directly', 'straight from Microsoft', 'Microsoft direct', 'MOSP',
      'self-service purchase', 'pay as you go', 'PAYG', 'Microsoft web store',
      'マイクロソフトから直接', 'Microsoftから直接', 'MSから直接', 'から直接', '直接購入', '直接買', '直接契約', '直販',
      'Web直販', 'ウェブ直販', 'オンラインで購入', 'オンライン購入', 'オンラインで買', 'セルフサービス購入',
    ],
  },
  { value: 'advisor', phrases: ['Advisor', 'Advisor program', 'Microsoft Advisor', 'アドバイザー', 'アドバイザープログラム', 'アドバイザ'] },
  {
    value: 'open',
    phrases: [
      'Open license', 'Open licence', 'Open licenses', 'Open licensing', 'Open Value', 'Open program',
      'Microsoft Open', 'Open agreement', 'through Open', 'via Open', 'under Open', 'bought in Open',
      'オープンライセンス', 'オープン ライセンス', 'オープンバリュー', 'Openライセンス', 'オープンプログラム', 'Open契約',
    ],
  },
  {
    value: 'ea',
    phrases: [
      'EA', 'Enterprise Agreement', 'Enterprise Agreements', 'EA contract', 'EA agreement', 'volume licensing',
      'volume license', 'エンタープライズ契約', 'エンタープライズアグリーメント', 'エンタープライズ アグリーメント',
      'EA契約', 'ボリュームライセンス', 'ボリューム ライセンス',
    ],
  },
  {
    value: 'csp_partner',
    phrases: [
      'from another partner', 'through another partner', 'via another partner', 'with another partner',
      'from another CSP', 'from another CSP partner', 'through another CSP', 'another CSP partner',
      'from a different partner', 'through a different partner', 'from a different CSP', 'from our previous partner',
      'from our old partner', 'from the other partner', 'from another reseller', 'through another reseller',
      '他のパートナーから', '他のパートナー経由', '別のパートナーから', '別のパートナー経由', 'ほかのパートナーから',
      '他のCSP', '別のCSP', '他社から', '他社経由', '前のパートナー', '別の販売店', '他の販売店',
    ],
  },
  { value: 'syndication_partner', phrases: ['syndication', 'syndication partner', 'シンジケーション', 'シンジケーションパートナー'] },
  {
    value: 'third_party',
    phrases: ['third party', 'third-party', '3rd party', 'サードパーティ', 'サードパーティー', '第三者', '第三者経由'],
  },
];
