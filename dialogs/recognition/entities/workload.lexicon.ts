import type { Workload } from '../../../domain';
import type { PhraseEntry } from './phrase-matcher';

/** Names people use for each workload, in English, Japanese and the mixed forms typed in chat. */
export const WORKLOAD_LEXICON: readonly PhraseEntry<Workload>[] = [
  {
    value: 'microsoft365',
    phrases: [
      'Microsoft 365', 'MS 365', 'M365', 'O365', 'Office 365', 'Office', 'Office apps', 'Microsoft Office',
      'Exchange Online', 'Exchange Server', 'SharePoint Online', 'SharePoint', 'OneDrive', 'Microsoft Teams',
      'Teams licence', 'Teams licences', 'Teams license', 'Teams licenses', 'Teams seats', 'Business Premium',
      'Microsoft 365 E3', 'Microsoft 365 E5', 'E3 licenses', 'E5 licenses',
      'マイクロソフト365', 'マイクロソフト 365', 'エムサンロクゴ', 'オフィス', 'オフィス365', 'オフィス 365',
      'エクスチェンジ', 'シェアポイント', 'Teamsライセンス', 'チームズ', 'ワンドライブ',
    ],
  },
  {
    value: 'azure',
    phrases: ['Azure', 'Microsoft Azure', 'MS Azure', 'Azure plan', 'Azure subscription', 'アジュール', 'アジュア', 'アズール', 'アジュールプラン'],
  },
  {
    value: 'dynamics365',
    phrases: [
      'Dynamics 365', 'Dynamics', 'D365', 'Dynamics CRM', 'MS CRM', 'CRM', 'Business Central', 'Dynamics 365 Sales',
      'Dynamics 365 Finance', 'ダイナミクス', 'ダイナミクス365', 'ダイナミックス', 'ダイナミクスCRM',
    ],
  },
  {
    value: 'power_platform',
    phrases: [
      'Power Platform', 'Power Apps', 'PowerApps', 'Power BI', 'PowerBI', 'Power Automate', 'Power Pages',
      'Copilot Studio', 'Power Virtual Agents', 'パワープラットフォーム', 'パワー プラットフォーム', 'パワーアップス',
      'パワーアプリ', 'パワーBI', 'パワービーアイ', 'パワーオートメイト', 'パワーオートメート',
    ],
  },
];
