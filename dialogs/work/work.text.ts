import { stringsFor } from '../../cards';
import { displayName, type Locale, type Organization, type PartnerRequest } from '../../domain';

/** Issue 15: what the bot says about changing, handing over, notes and filing again (both languages). */
const TEXT = {
  en: {
    alreadyOpen: (open: readonly string[]) =>
      `You already have an open request of this kind: ${open.join('; ')}. To change it instead of filing a second one, say "change ${idOf(open[0]!)}" or use Change request on its details.`,
    changing: (request: string) => `Changing your open request ${request}. Pick the new details; the approvers then get the new version.`,
    changed: (id: string, version: number) => `Changed: ${id} is now version ${version}. The approvers' cards were replaced with the new one.`,
    nothingToChange: 'You have no open request to change. Say what you need, for example "link us with a distributor".',
    whichToChange: 'You have several open requests. Which one? Use Details, then Change request:',
    resubmitting: (id: string) => `Filing ${id} again with the same details. I check them against the rules again before anything is sent.`,
    noteAdded: (id: string) => `Note added to ${id}. The people concerned have been told.`,
    noteWhich: 'Which request is the note for? Say "add a note to PL-…: your note".',
    noteEmpty: (id: string) => `What should the note on ${id} say? Write it in the box below.`,
    handedOver: (id: string, name: string) => `${id} is handed over to ${name}; they got the approval card.`,
    handoverWho: (id: string) => `Whom should I hand ${id} over to? Choose an admin below.`,
    whichRequest: 'Which request? Name it by its ID, for example PL-7K2M9Q4D.',
  },
  ja: {
    alreadyOpen: (open: readonly string[]) =>
      `同じ種類の申請がすでに進行中です: ${open.join('、')}。新しく申請する代わりに変更する場合は「${idOf(open[0]!)} を変更」と入力するか、詳細の「申請を変更」を使ってください。`,
    changing: (request: string) => `進行中の申請 ${request} を変更します。新しい内容を選んでください。承認者には新しい版が届きます。`,
    changed: (id: string, version: number) => `変更しました。${id} は第 ${version} 版になりました。承認者のカードは新しいものに置き換えました。`,
    nothingToChange: '変更できる進行中の申請はありません。「ディストリビューターと連携したい」のように、必要なことを入力してください。',
    whichToChange: '進行中の申請が複数あります。どれを変更しますか？「詳細」から「申請を変更」を選んでください。',
    resubmitting: (id: string) => `${id} を同じ内容でもう一度申請します。送信する前に、ルールに沿って改めて確認します。`,
    noteAdded: (id: string) => `${id} にメモを追加しました。関係者に通知しました。`,
    noteWhich: 'どの申請へのメモですか？「PL-… にメモ: 内容」のように入力してください。',
    noteEmpty: (id: string) => `${id} へのメモの内容を下の欄に入力してください。`,
    handedOver: (id: string, name: string) => `${id} を ${name}に引き継ぎました。承認カードを送りました。`,
    handoverWho: (id: string) => `${id} を誰に引き継ぎますか？下から管理者を選んでください。`,
    whichRequest: 'どの申請ですか？PL-7K2M9Q4D のように ID で指定してください。',
  },
} as const;

const idOf = (line: string) => /PL-[0-9A-Z]{8}/.exec(line)?.[0] ?? '';

export const workText = (locale: Locale) => TEXT[locale];

/** "PL-7K2M9Q4D (Link with a distributor: Contoso Distribution Japan, Pending approval)". */
export function describeRequest(r: PartnerRequest, organizations: readonly Organization[], locale: Locale): string {
  const s = stringsFor(locale);
  const counterpart = r.subject.kind === 'link_distributor' ? r.subject.providerId : r.subject.partnerId;
  const org = organizations.find((o) => o.id === counterpart);
  const name = org ? displayName(org, locale) : counterpart;
  return `${r.id} (${s.kind[r.subject.kind]}: ${name}, ${s.status[r.status]})`;
}
