import type { Locale } from '../../domain';

/** Issue 16: the strings of the approver cards, in both languages (a missing one is a compile error). */
export interface ApproverStrings {
  listTitle: (org: string) => string;
  approversHeading: string;
  othersHeading: string;
  noApprovers: string;
  you: string;
  role: { admin: string; requester: string };
  howTo: string;
  pickAdd: string;
  pickRemove: string;
  notFound: string;
  ambiguous: string;
  noneNamed: string;
  nobodyToOffer: string;
  addedTitle: string;
  added: (name: string, org: string) => string;
  removedTitle: string;
  removed: (name: string, org: string) => string;
  alreadyApprover: (name: string) => string;
  notApprover: (name: string) => string;
  unchangedTitle: string;
  notAdminTitle: string;
  notAdmin: string;
  managedByGroup: string;
  lastAdminTitle: string;
  lastAdmin: (name: string) => string;
  told: string;
  toldLater: string;
  changedTitleAdd: string;
  changedTitleRemove: string;
  changedAdd: (by: string, org: string, at: string) => string;
  changedRemove: (by: string, org: string, at: string) => string;
  changedAddHint: string;
  button: { list: string };
}

const en: ApproverStrings = {
  listTitle: (org) => `Approvers of ${org}`,
  approversHeading: 'Approvers (admins)',
  othersHeading: 'Others in your organization',
  noApprovers: 'Nobody is an approver yet.',
  you: ' (you)',
  role: { admin: 'approver (admin)', requester: 'requester' },
  howTo: 'An admin can say "make @name an approver" or "remove @name as an approver".',
  pickAdd: 'Whom should I make an approver?',
  pickRemove: 'Whom should I remove as an approver?',
  notFound: 'I could not find that person in your organization. Pick one of these people:',
  ambiguous: 'More than one person in your organization has that name. Pick one:',
  noneNamed: 'Mention the person (@name) or write their full name. Or pick one of these people:',
  nobodyToOffer: 'There is nobody in your organization I could offer here.',
  addedTitle: 'Approver added',
  added: (name, org) => `${name} is now an approver of ${org}. They can approve requests for your organization.`,
  removedTitle: 'Approver removed',
  removed: (name, org) => `${name} is no longer an approver of ${org}.`,
  alreadyApprover: (name) => `${name} is already an approver. Nothing was changed.`,
  notApprover: (name) => `${name} is not an approver. Nothing was changed.`,
  unchangedTitle: 'Nothing changed',
  notAdminTitle: 'Only an admin can change approvers',
  notAdmin: "Only an admin of your organization can change its approvers. Nothing was changed. Say \"list our approvers\" to see whom to ask.",
  managedByGroup: "Your organization's approvers are the members of its Entra admin group, so they are changed there (ask your Entra administrator), not in chat. Nothing was changed.",
  lastAdminTitle: 'The last approver stays',
  lastAdmin: (name) => `${name} is the last approver of your organization, so they cannot be removed: nobody could approve requests any more. Make someone else an approver first. Nothing was changed.`,
  told: 'I have told them in their chat with Partner Link.',
  toldLater: 'They have not talked with Partner Link yet, so I could not tell them yet; their role shows in the approver list.',
  changedTitleAdd: 'You are now an approver',
  changedTitleRemove: 'You are no longer an approver',
  changedAdd: (by, org, at) => `${by} made you an approver of ${org} on ${at}.`,
  changedRemove: (by, org, at) => `${by} removed you as an approver of ${org} on ${at}.`,
  changedAddHint: "Approval requests for your organization will reach you from now on. You can also change your organization's approvers.",
  button: { list: 'List approvers' },
};

const ja: ApproverStrings = {
  listTitle: (org) => `${org}の承認者`,
  approversHeading: '承認者 (管理者)',
  othersHeading: '組織のその他のメンバー',
  noApprovers: 'まだ承認者がいません。',
  you: ' (あなた)',
  role: { admin: '承認者 (管理者)', requester: '申請者' },
  howTo: '管理者は「@名前 を承認者にして」「@名前 を承認者から外して」と入力できます。',
  pickAdd: 'どなたを承認者にしますか？',
  pickRemove: 'どなたを承認者から外しますか？',
  notFound: 'その方は御社の組織に見つかりませんでした。次の中から選んでください。',
  ambiguous: '御社の組織にその名前の方が複数います。どなたか選んでください。',
  noneNamed: 'その方をメンション (@名前) するか、氏名を入力してください。または次の中から選んでください。',
  nobodyToOffer: '御社の組織に、ここで選べる方がいません。',
  addedTitle: '承認者を追加しました',
  added: (name, org) => `${name} さんを ${org}の承認者にしました。御社への申請を承認できるようになります。`,
  removedTitle: '承認者から外しました',
  removed: (name, org) => `${name} さんを ${org}の承認者から外しました。`,
  alreadyApprover: (name) => `${name} さんはすでに承認者です。変更は行われていません。`,
  notApprover: (name) => `${name} さんは承認者ではありません。変更は行われていません。`,
  unchangedTitle: '変更はありません',
  notAdminTitle: '承認者を変更できるのは管理者だけです',
  notAdmin: '承認者を変更できるのは御社の管理者だけです。変更は行われていません。「承認者を一覧で見せて」と入力すると、依頼先がわかります。',
  managedByGroup: '御社の承認者は Entra の管理者グループのメンバーです。変更はチャットではなく、そのグループで行ってください (Entra の管理者にご依頼ください)。変更は行われていません。',
  lastAdminTitle: '最後の承認者は外せません',
  lastAdmin: (name) => `${name} さんは御社の最後の承認者のため、外せません。外すと誰も申請を承認できなくなります。先に別の方を承認者にしてください。変更は行われていません。`,
  told: 'ご本人の Partner Link のチャットにもお知らせしました。',
  toldLater: 'この方はまだ Partner Link を使っていないため、まだお知らせできていません。役割は承認者の一覧に表示されます。',
  changedTitleAdd: '承認者になりました',
  changedTitleRemove: '承認者から外れました',
  changedAdd: (by, org, at) => `${at} に ${by} さんがあなたを ${org}の承認者にしました。`,
  changedRemove: (by, org, at) => `${at} に ${by} さんがあなたを ${org}の承認者から外しました。`,
  changedAddHint: '今後、御社への承認依頼があなたにも届きます。御社の承認者の変更もできます。',
  button: { list: '承認者の一覧' },
};

const BY_LOCALE: Readonly<Record<Locale, ApproverStrings>> = { en, ja };

export const approverStrings = (locale: Locale): ApproverStrings => BY_LOCALE[locale];
