import type { Locale } from '../../domain';

const TEXT = {
  en: {
    staleCard: 'That card is out of date. Here is where we are now:',
    notFiled: 'OK, I did not file it. Nothing was sent to anyone.',
    confirmHint: 'Reply "yes" to file the request, or "no" to drop it. You can also use the buttons.',
    chooseHint: 'Please pick from the card, or type the name.',
  },
  ja: {
    staleCard: 'このカードは古くなっています。現在の状態はこちらです。',
    notFiled: '承知しました。申請は送信していません。',
    confirmHint: '申請する場合は「はい」、やめる場合は「いいえ」と入力してください。ボタンも使えます。',
    chooseHint: 'カードから選ぶか、名前を入力してください。',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export const requestDialogText = (locale: Locale) => TEXT[locale];
