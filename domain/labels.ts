import type { Cloud, CspRegion } from './geography';
import type { Bilingual } from './messages';
import type { PurchaseChannel } from './relationship';

export const CLOUD_LABELS: Readonly<Record<Cloud, Bilingual>> = {
  public: { en: 'public cloud', ja: 'パブリック クラウド' },
  us_government: { en: 'Microsoft Cloud for US Government', ja: '米国政府向け Microsoft Cloud' },
  china_21vianet: { en: 'Microsoft cloud operated by 21Vianet', ja: '21Vianet が運営する Microsoft クラウド' },
  germany: { en: 'Microsoft Cloud Germany', ja: 'Microsoft Cloud ドイツ' },
};

export const REGION_LABELS: Readonly<Record<CspRegion, Bilingual>> = {
  north_america: { en: 'North America', ja: '北米' },
  latin_america: { en: 'Latin America', ja: '中南米' },
  europe: { en: 'Europe', ja: 'ヨーロッパ' },
  middle_east_africa: { en: 'Middle East and Africa', ja: '中東・アフリカ' },
  asia_pacific: { en: 'Asia Pacific', ja: 'アジア太平洋' },
  japan: { en: 'Japan', ja: '日本' },
  china: { en: 'China', ja: '中国' },
};

export const CHANNEL_LABELS: Readonly<Record<PurchaseChannel, Bilingual>> = {
  microsoft_direct: { en: 'Microsoft directly (web direct)', ja: 'Microsoft から直接 (Web 直販)' },
  advisor: { en: 'the Advisor program', ja: 'Advisor プログラム' },
  open: { en: 'Open licensing', ja: 'Open ライセンス' },
  ea: { en: 'an Enterprise Agreement', ja: 'Enterprise Agreement (EA)' },
  third_party: { en: 'a third party outside CSP', ja: 'CSP 外のサードパーティー' },
  csp_partner: { en: 'another CSP partner', ja: '別の CSP パートナー' },
  syndication_partner: { en: 'a Microsoft syndication partner', ja: 'Microsoft シンジケーション パートナー' },
};
