/** The renderer's own words (everything else comes from the card). English and Japanese. */
export type BlockKitLocale = 'en' | 'ja';

export interface LocaleStrings {
  readonly genericSummary: string;
  readonly shortened: string;
  readonly defaultLabel: string;
  readonly defaultAltText: string;
  readonly submit: string;
  readonly showCard: string;
  readonly openUrl: string;
  readonly toggleOn: string;
  readonly media: string;
  readonly someChoicesHidden: (shown: number, total: number) => string;
}

const STRINGS: Record<BlockKitLocale, LocaleStrings> = {
  en: {
    genericSummary: 'New card',
    shortened: 'Some content was shortened to fit in Slack.',
    defaultLabel: 'Input',
    defaultAltText: 'Image',
    submit: 'Submit',
    showCard: 'More',
    openUrl: 'Open',
    toggleOn: 'Yes',
    media: 'Media',
    someChoicesHidden: (shown, total) => `Showing the first ${shown} of ${total} choices.`,
  },
  ja: {
    genericSummary: '新しいカード',
    shortened: 'Slack の制限のため、一部の内容を省略しました。',
    defaultLabel: '入力',
    defaultAltText: '画像',
    submit: '送信',
    showCard: '詳細',
    openUrl: '開く',
    toggleOn: 'はい',
    media: 'メディア',
    someChoicesHidden: (shown, total) => `${total} 件中、最初の ${shown} 件を表示しています。`,
  },
};

export function localeStrings(locale: BlockKitLocale): LocaleStrings {
  return STRINGS[locale];
}
