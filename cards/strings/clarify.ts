import type { Locale, RequestKind } from '../../domain';
import type { ClarifyIntent } from '../actions';

/** Issue 18: the strings of the card that asks which of two meanings the person had in mind (both languages). */
export interface ClarifyStrings {
  title: string;
  /** Above the buttons, with the person's own words. */
  intro: (said: string) => string;
  /** Under the buttons: what to do when neither is right. */
  neitherHint: string;
  /** Each meaning as a button says it. */
  intent: Record<ClarifyIntent, string>;
  menu: string;
  /** When the words read as a request the person's organization does not make: who makes it, and what is near. */
  notYours: Record<RequestKind, string>;
}

const en: ClarifyStrings = {
  title: 'Which did you mean?',
  intro: (said) => `I'm not sure what you are asking for with “${said}”. Pick one and I'll carry on with what you wrote:`,
  neitherHint: 'Neither? Say it in other words, or open the menu.',
  intent: {
    link_distributor: 'Link with a distributor',
    add_partner: 'Add a partner',
    multichannel_support: 'Multi-channel support',
    request_status: 'See my requests',
    cancel_request: 'Cancel a request',
    policy_question: 'A question about the rules',
    help: 'What you can do (help)',
    remind_approvers: 'Remind the approvers',
    change_request: 'Change a request',
    resubmit_request: 'File a request again',
    add_note: 'Add a note to a request',
    handover_request: 'Hand a request over',
    list_approvers: 'List our approvers',
    add_approver: 'Make someone an approver',
    remove_approver: 'Remove an approver',
  },
  menu: 'Menu',
  notYours: {
    link_distributor: 'Links with a distributor are asked for by indirect resellers. For your organization, the nearest requests are these:',
    add_partner: 'A second partner is asked for by the customer. As a reseller, you can ask for one of these:',
    multichannel_support: 'Multi-channel support is asked for by the customer. As a reseller, you can ask for one of these:',
  },
};

const ja: ClarifyStrings = {
  title: 'どちらのご用件ですか？',
  intro: (said) => `「${said}」のご用件がはっきりわかりませんでした。どちらかを選んでいただければ、入力された内容のまま続けます。`,
  neitherHint: 'どちらでもない場合は、別の言葉で入力するか、メニューを開いてください。',
  intent: {
    link_distributor: 'ディストリビューターと連携する',
    add_partner: 'パートナーを追加する',
    multichannel_support: 'マルチチャンネル サポートを依頼する',
    request_status: '申請の状況を見る',
    cancel_request: '申請を取り消す',
    policy_question: 'ルールについての質問',
    help: 'できること (ヘルプ)',
    remind_approvers: '承認者に催促する',
    change_request: '申請を変更する',
    resubmit_request: 'もう一度申請する',
    add_note: '申請にメモを追加する',
    handover_request: '申請を引き継ぐ',
    list_approvers: '承認者を一覧で見る',
    add_approver: '承認者を追加する',
    remove_approver: '承認者から外す',
  },
  menu: 'メニュー',
  notYours: {
    link_distributor: 'ディストリビューターとの連携は間接リセラーが申請するものです。御社の場合、近いご用件は次のとおりです。',
    add_partner: 'パートナーの追加はお客様 (顧客) が申請するものです。リセラーの場合は、次のどちらかをご利用いただけます。',
    multichannel_support: 'マルチチャンネル サポートはお客様 (顧客) が申請するものです。リセラーの場合は、次のどちらかをご利用いただけます。',
  },
};

export const clarifyStrings = (locale: Locale): ClarifyStrings => (locale === 'ja' ? ja : en);
