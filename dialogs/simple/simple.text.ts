import type { Locale } from '../../domain';

const TEXT = {
  en: {
    noRequests: 'You have no requests yet. Say "link me with a distributor", "add a partner for Azure" or "help".',
    awaiting: (n: number) => `${n} request${n === 1 ? '' : 's'} await${n === 1 ? 's' : ''} your organization's decision:`,
    nothingToCancel: 'You have no open requests to cancel.',
    pickToCancel: 'Which request should I cancel? Use its Cancel button below.',
    unknownUser:
      "I don't know you yet, so I can't file requests for you. Ask your organization's Partner Link administrator to add you to the directory (with your Teams or Slack account), then say hello again. Nothing was filed.",
    notAvailable:
      "Sorry, Partner Link is not available to your organization yet: your organization's account or workspace is not one Partner Link serves. Ask your administrator to contact the Partner Link operator. Nothing was stored.",
    didNotUnderstand: "Sorry, I didn't understand that. Here is what I can do:",
    cancelled: 'OK, I stopped. Nothing was filed.',
    startedOver: "OK, let's start over.",
    switchOffer: (from: string, to: string) => `We are in the middle of "${from}". Switch to "${to}"? Reply yes to switch, or no to carry on.`,
    languageSet: 'OK, I will answer in English from now on.',
    badClick: 'That button sent something I cannot accept, so nothing was done. Please use a fresh card (say "help" for the menu).',
    staleCard: 'That card is no longer active. Here is the menu:',
    notYourDraft:
      'Sorry, that draft belongs to the person who started it: only they can send, change or cancel it, so nothing was done. To make a request of your own, tell me what you need.',
    notYourQuestion: 'Sorry, that question was for the person who wrote the message, so nothing was done. To make a request of your own, tell me what you need.',
    alreadyAnswered: (choice: string) => `You already answered that question ("${choice}"), so I left things as they are. If you meant something else, tell me in a few words.`,
  },
  ja: {
    noRequests: 'まだ申請はありません。「ディストリビューターと連携したい」「Azure のパートナーを追加したい」「ヘルプ」などと入力してください。',
    awaiting: (n: number) => `御社の判断を待っている申請が ${n} 件あります。`,
    nothingToCancel: '取り消せる申請はありません。',
    pickToCancel: 'どの申請を取り消しますか？下の「取り消し」ボタンを使ってください。',
    unknownUser:
      'まだディレクトリに登録されていないため、申請を受け付けられません。御社の Partner Link 管理者に、Teams または Slack のアカウントでの登録を依頼してから、もう一度話しかけてください。申請は行われていません。',
    notAvailable:
      '申し訳ありませんが、Partner Link はまだお客様の組織ではご利用いただけません。お客様の組織のテナントまたはワークスペースは Partner Link の対象になっていません。管理者から Partner Link の運営者にお問い合わせください。何も保存されていません。',
    didNotUnderstand: '申し訳ありません、うまく理解できませんでした。できることは次のとおりです。',
    cancelled: '承知しました。中止しました。申請は行われていません。',
    startedOver: '最初からやり直しましょう。',
    switchOffer: (from: string, to: string) => `現在「${from}」の途中です。「${to}」に切り替えますか？切り替える場合は「はい」、続ける場合は「いいえ」と入力してください。`,
    languageSet: '以降は日本語で対応します。',
    badClick: 'このボタンの内容は受け付けられないため、何も行っていません。新しいカードから操作してください (「ヘルプ」でメニューを表示します)。',
    staleCard: 'このカードは現在使えません。メニューはこちらです。',
    notYourDraft:
      '申し訳ありません。この下書きは作成した方のものです。送信・変更・取り消しができるのはご本人だけなので、何も行っていません。ご自身の申請は、ご用件を入力してください。',
    notYourQuestion: '申し訳ありません。この質問はメッセージを書いた方へのものなので、何も行っていません。ご自身の申請は、ご用件を入力してください。',
    alreadyAnswered: (choice: string) => `この質問にはすでに「${choice}」とお答えいただいているため、そのままにしています。別のご用件でしたら、短く入力してください。`,
  },
} as const;

export const simpleText = (locale: Locale) => TEXT[locale];
