import type { AdvisoryCode, RuleCode } from './rule-codes';

export interface Bilingual {
  en: string;
  ja: string;
}
/** A parameter is either the same in both languages (an ID, a company name) or given in each. */
export type MessageParam = string | number | Bilingual | undefined;
export type MessageParams = Readonly<Record<string, MessageParam>>;
type Resolved = Readonly<Record<string, string | number | undefined>>;
type Template = (p: Resolved) => string;

const v = (p: Resolved, key: string): string => String(p[key] ?? '');

/**
 * Each reason says what went wrong and what the person can do instead. Parameters are display strings
 * already chosen for the reader's locale by the caller (names, dates).
 */
const RULE_TEXT: Record<RuleCode, { en: Template; ja: Template }> = {
  CSP_TO_CSP_RESALE: {
    en: (p) => `${v(p, 'customer')} is a CSP partner's transacting tenant, and one CSP partner cannot resell to another. Use the organization's separate non-CSP (corporate) tenant as the customer instead.`,
    ja: (p) => `${v(p, 'customer')}は CSP パートナーの取引用テナントです。CSP パートナーが別の CSP パートナーに再販することはできません。CSP 取引に使っていない別の (社内用) テナントを顧客として指定してください。`,
  },
  RESELLER_NOT_ENROLLED: {
    en: (p) => `${v(p, 'reseller')} is not enrolled in CSP as an indirect reseller, so it cannot link with a distributor yet. Enroll as an indirect reseller in Partner Center first, then ask again.`,
    ja: (p) => `${v(p, 'reseller')}は CSP の間接リセラーとして登録されていないため、まだディストリビューターと連携できません。先にパートナー センターで間接リセラーとして登録してから、もう一度申請してください。`,
  },
  PROVIDER_NOT_AUTHORIZED: {
    en: (p) => `${v(p, 'provider')} is not an authorized indirect provider (distributor) in CSP. Choose one of the distributors offered in the list.`,
    ja: (p) => `${v(p, 'provider')}は CSP の承認済み間接プロバイダー (ディストリビューター) ではありません。一覧に表示されるディストリビューターから選んでください。`,
  },
  REGION_MISMATCH: {
    en: (p) => `${v(p, 'a')} is in the ${v(p, 'regionA')} CSP region and ${v(p, 'b')} is in ${v(p, 'regionB')}. Partners work together only inside one CSP region: choose a partner in ${v(p, 'regionA')}.`,
    ja: (p) => `${v(p, 'a')}は CSP リージョン「${v(p, 'regionA')}」、${v(p, 'b')}は「${v(p, 'regionB')}」にあります。連携できるのは同じ CSP リージョン内のパートナーだけです。「${v(p, 'regionA')}」のパートナーを選んでください。`,
  },
  CLOUD_MISMATCH: {
    en: (p) => `${v(p, 'a')} is in the ${v(p, 'cloudA')} and ${v(p, 'b')} is in the ${v(p, 'cloudB')}. Every party of a relationship must be in the same cloud: choose a partner in the ${v(p, 'cloudA')}.`,
    ja: (p) => `${v(p, 'a')}は ${v(p, 'cloudA')}、${v(p, 'b')}は ${v(p, 'cloudB')}を使っています。関係を結ぶ全員が同じクラウドにいる必要があります。${v(p, 'cloudA')}のパートナーを選んでください。`,
  },
  NATIONAL_CLOUD_SINGLE_PARTNER: {
    en: (p) => `In ${v(p, 'cloud')}, this deployment allows a customer only one partner, and ${v(p, 'customer')} already works with ${v(p, 'existing')}. Ask ${v(p, 'existing')} for help, or ask your administrator about the national-cloud policy.`,
    ja: (p) => `${v(p, 'cloud')}では、この環境の設定により顧客が連携できるパートナーは 1 社だけです。${v(p, 'customer')}はすでに ${v(p, 'existing')}と連携しています。${v(p, 'existing')}に相談するか、ナショナル クラウドのポリシーについて管理者にお問い合わせください。`,
  },
  CLOUD_CLOSED: {
    en: (p) => `${v(p, 'cloud')} is closed to new relationships. Move the organization to the public cloud first, then ask again.`,
    ja: (p) => `${v(p, 'cloud')}では新しい関係を結べません。先に組織をパブリック クラウドへ移行してから、もう一度申請してください。`,
  },
  DUPLICATE_RELATIONSHIP: {
    en: (p) => `${v(p, 'a')} and ${v(p, 'b')} already have this relationship${p.workload ? ` for ${v(p, 'workload')}` : ''}. Nothing more is needed; to work with another partner, choose a different one.`,
    ja: (p) => `${v(p, 'a')}と${v(p, 'b')}は${p.workload ? `${v(p, 'workload')}について` : ''}すでにこの関係にあります。追加の手続きは不要です。別のパートナーと連携する場合は、別のパートナーを選んでください。`,
  },
  DUPLICATE_PENDING_REQUEST: {
    en: (p) => p.stage === 'completing'
      ? `A request for the same thing is already approved and is being completed in Partner Center (${v(p, 'requestId')}). Check its status and next steps instead of filing it again.`
      : `A request for the same thing is already waiting for approval (${v(p, 'requestId')}). Check its status instead of filing it again.`,
    ja: (p) => p.stage === 'completing'
      ? `同じ内容の申請はすでに承認され、パートナー センターで完了待ちです (${v(p, 'requestId')})。もう一度申請せずに、その申請の状況と次の手順を確認してください。`
      : `同じ内容の申請がすでに承認待ちです (${v(p, 'requestId')})。もう一度申請せずに、その申請の状況を確認してください。`,
  },
  WORKLOAD_NOT_OFFERED: {
    en: (p) => `${v(p, 'partner')} does not offer ${v(p, 'workload')}. Choose a partner that does; the list shows only those.`,
    ja: (p) => `${v(p, 'partner')}は ${v(p, 'workload')}を取り扱っていません。取り扱いのあるパートナーを選んでください (一覧にはそのパートナーだけが表示されます)。`,
  },
  NOT_A_CUSTOMER_PARTNER: {
    en: (p) => `${v(p, 'partner')} is a distributor and does not sell to customers directly. Choose a reseller or a direct-bill partner.`,
    ja: (p) => `${v(p, 'partner')}はディストリビューターのため、顧客に直接販売しません。リセラーまたは直接請求パートナーを選んでください。`,
  },
  MULTICHANNEL_CHANNEL_INELIGIBLE: {
    en: (p) => `${v(p, 'subscription')} was bought through ${v(p, 'channel')}, which multi-channel support does not cover. Only subscriptions bought directly from Microsoft, or through Advisor, Open, an Enterprise Agreement, or a third party outside CSP qualify. Ask the partner you bought it from for support.`,
    ja: (p) => `${v(p, 'subscription')}は${v(p, 'channel')}で購入されたため、マルチチャンネル サポートの対象外です。対象は Microsoft からの直接購入、Advisor、Open、Enterprise Agreement、CSP 外のサードパーティーから購入したサブスクリプションだけです。購入先のパートナーにサポートを依頼してください。`,
  },
  MULTICHANNEL_LICENSE_MID_TERM: {
    en: (p) => `${v(p, 'subscription')} is license-based and its term runs until ${v(p, 'termEndsOn')}; it cannot move to a CSP partner mid-term. Ask again after that date, or cancel the subscription first.`,
    ja: (p) => `${v(p, 'subscription')}はライセンス ベースで、契約期間は ${v(p, 'termEndsOn')} までです。期間の途中で CSP パートナーに切り替えることはできません。その日以降にもう一度申請するか、先にサブスクリプションを解約してください。`,
  },
  SUBSCRIPTION_NOT_OWNED: {
    en: (p) => `Subscription ${v(p, 'subscription')} does not belong to ${v(p, 'customer')}. Pick one of your organization's subscriptions.`,
    ja: (p) => `サブスクリプション ${v(p, 'subscription')}は ${v(p, 'customer')}のものではありません。自組織のサブスクリプションを選んでください。`,
  },
  INVALID_PARTNER_ID: {
    en: (p) => `"${v(p, 'value')}" is not a PartnerID. A PartnerID is digits only, such as 1234567; you can find it in Partner Center under Account settings.`,
    ja: (p) => `「${v(p, 'value')}」は PartnerID ではありません。PartnerID は 1234567 のような数字のみです。パートナー センターのアカウント設定で確認できます。`,
  },
  INVALID_TENANT_ID: {
    en: (p) => `"${v(p, 'value')}" is not a tenant ID. A tenant ID is a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47; you can find it in the Microsoft Entra admin center.`,
    ja: (p) => `「${v(p, 'value')}」はテナント ID ではありません。テナント ID は 72f988bf-86f1-41af-91ab-2d7cd011db47 のような GUID です。Microsoft Entra 管理センターで確認できます。`,
  },
  REQUESTER_NOT_IN_ORGANIZATION: {
    en: (p) => `You can file this request only for your own organization (${v(p, 'org')}). Ask someone at ${v(p, 'target')} to file it.`,
    ja: (p) => `この申請は自分の組織 (${v(p, 'org')}) についてのみ行えます。${v(p, 'target')}の担当者に申請を依頼してください。`,
  },
  REQUEST_NOT_FOR_ORGANIZATION: {
    en: (p) => `${v(p, 'org')} is ${v(p, 'orgKind')}, and this request is filed by ${v(p, 'who')}. ${v(p, 'instead')}`,
    ja: (p) => `${v(p, 'org')}は${v(p, 'orgKind')}です。この申請は${v(p, 'who')}が行うものです。${v(p, 'instead')}`,
  },
  UNKNOWN_ORGANIZATION: {
    en: (p) => `I don't know an organization called "${v(p, 'value')}". Pick one from the list, or check the spelling.`,
    ja: (p) => `「${v(p, 'value')}」という組織は見つかりません。一覧から選ぶか、綴りを確認してください。`,
  },
  UNKNOWN_SUBSCRIPTION: {
    en: (p) => `I can't find subscription "${v(p, 'value')}". Pick one from the list of your organization's subscriptions.`,
    ja: (p) => `サブスクリプション「${v(p, 'value')}」が見つかりません。自組織のサブスクリプション一覧から選んでください。`,
  },
  NOT_AN_APPROVER: {
    en: (p) => `Only an admin of ${v(p, 'org')} can decide this request. Nothing was changed; the attempt has been recorded.`,
    ja: (p) => `この申請を判断できるのは ${v(p, 'org')}の管理者だけです。変更は行われず、この操作は記録されました。`,
  },
  NOT_THE_REQUESTER: {
    en: () => 'Only the person who filed this request can cancel it. Nothing was changed; the attempt has been recorded.',
    ja: () => 'この申請を取り消せるのは申請者本人だけです。変更は行われず、この操作は記録されました。',
  },
  REQUEST_NOT_FOUND: {
    en: (p) => `I can't find request ${v(p, 'requestId')}. Say "my requests" to see the ones you can act on.`,
    ja: (p) => `申請 ${v(p, 'requestId')}が見つかりません。「申請の状況」と入力すると、操作できる申請が表示されます。`,
  },
  REQUEST_ALREADY_CLOSED: {
    en: (p) => `This request is already ${v(p, 'status')}${p.by ? ` by ${v(p, 'by')}` : ''}${p.at ? ` on ${v(p, 'at')}` : ''}. Nothing was changed.`,
    ja: (p) => `この申請はすでに${p.by ? ` ${v(p, 'by')}により` : ''}${p.at ? ` ${v(p, 'at')}に` : ''}「${v(p, 'status')}」となっています。変更は行われていません。`,
  },
  STALE_CARD: {
    en: () => 'This card is out of date: the request has changed since it was sent. Here is its current state; act on that instead.',
    ja: () => 'このカードは古くなっています。送信後に申請が更新されました。現在の状態を表示しますので、そちらから操作してください。',
  },
  REASON_REQUIRED: {
    en: () => 'Please give a reason for rejecting, so the requester knows what to change.',
    ja: () => '却下する理由を入力してください。申請者が何を直せばよいか分かるようにするためです。',
  },
  REQUEST_EXPIRED: {
    en: (p) => `This request expired on ${v(p, 'at')}: nobody decided it in time, so nothing was changed. The requester can file it again.`,
    ja: (p) => `この申請は ${v(p, 'at')}に期限切れになりました。期限までに判断されなかったため、変更は行われていません。申請者はもう一度申請できます。`,
  },
  REMINDED_RECENTLY: {
    en: (p) => `The last reminder about ${v(p, 'requestId')} went out on ${v(p, 'at')}. You can send another one from ${v(p, 'next')}.`,
    ja: (p) => `${v(p, 'requestId')}の前回の催促は ${v(p, 'at')}に送られました。次の催促は ${v(p, 'next')}から送れます。`,
  },
  NOT_AWAITING_APPROVAL: {
    en: () => 'You have no request waiting for approval, so there is nobody to remind. Say "my requests" to see yours.',
    ja: () => '承認待ちの申請がないため、催促する相手がいません。「申請の状況」と入力すると、申請の一覧が表示されます。',
  },
  // Approval work (issue 15).
  ONLY_REQUESTER_CHANGES: {
    en: () => 'Only the person who filed this request can change it. Nothing was changed; the attempt has been recorded.',
    ja: () => 'この申請を変更できるのは申請者本人だけです。変更は行われず、この操作は記録されました。',
  },
  CHANGE_NOT_DIFFERENT: {
    en: (p) => `Request ${v(p, 'requestId')} already asks for exactly this. Nothing was changed.`,
    ja: (p) => `申請 ${v(p, 'requestId')}はすでにこの内容です。変更は行われていません。`,
  },
  HANDOVER_TARGET_INVALID: {
    en: (p) => `A request can be handed over only to another admin of ${v(p, 'org')}. Pick one of the admins offered.`,
    ja: (p) => `申請を引き継げるのは ${v(p, 'org')}の別の管理者だけです。表示された管理者から選んでください。`,
  },
  NOT_A_PARTY: {
    en: () => 'Only the requester and the approvers of this request can add a note to it. Nothing was changed; the attempt has been recorded.',
    ja: () => 'この申請にメモを追加できるのは申請者と承認者だけです。変更は行われず、この操作は記録されました。',
  },
  NOTE_INVALID: {
    en: (p) => `A note must be 1 to ${v(p, 'max')} characters. Please write it again, shorter.`,
    ja: (p) => `メモは 1 ～ ${v(p, 'max')} 文字で入力してください。短くしてもう一度入力してください。`,
  },
  NOT_RESUBMITTABLE: {
    en: (p) => `Request ${v(p, 'requestId')} is ${v(p, 'status')}; only a rejected, cancelled or expired request can be filed again.`,
    ja: (p) => `申請 ${v(p, 'requestId')}は「${v(p, 'status')}」です。もう一度申請できるのは、却下・取り消し・期限切れの申請だけです。`,
  },
  // Issue 18.
  RESELLER_CANNOT_TRANSACT: {
    en: (p) => p.why === 'not_enrolled'
      ? `${v(p, 'partner')} is not enrolled in CSP as an indirect reseller yet, so it cannot sell to customers. Choose another partner from the list.`
      : `${v(p, 'partner')} is not linked with a distributor in its CSP region and cloud, so it cannot sell to customers yet. Choose another partner from the list.`,
    ja: (p) => p.why === 'not_enrolled'
      ? `${v(p, 'partner')}はまだ CSP の間接リセラーとして登録されていないため、顧客に販売できません。一覧から別のパートナーを選んでください。`
      : `${v(p, 'partner')}は同じ CSP リージョンとクラウドのディストリビューターと連携していないため、まだ顧客に販売できません。一覧から別のパートナーを選んでください。`,
  },
  // Issue 18: the ID a customer typed for a subscription the directory does not hold.
  INVALID_SUBSCRIPTION_ID: {
    en: (p) => `"${v(p, 'value')}" is not a subscription ID. A subscription ID is a GUID such as 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61 (in the Microsoft 365 admin center or the Azure portal). Leave the box empty if you don't know it.`,
    ja: (p) => `「${v(p, 'value')}」はサブスクリプション ID ではありません。サブスクリプション ID は 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61 のような GUID です (Microsoft 365 管理センターまたは Azure portal で確認できます)。分からない場合は空欄のままにしてください。`,
  },
  // Issue 17: Microsoft Partner Center's record of the reseller.
  PARTNER_ID_NOT_FOUND: {
    en: (p) => `Microsoft Partner Center does not know the PartnerID ${v(p, 'partnerId')} of ${v(p, 'org')}. Look up the organization's PartnerID in Partner Center (Account settings, Identifiers), ask your Partner Link administrator to correct it in the directory, then ask again.`,
    ja: (p) => `${v(p, 'org')}の PartnerID ${v(p, 'partnerId')} は Microsoft パートナー センターに登録されていません。パートナー センターの [アカウント設定] > [識別子] で PartnerID を確認し、Partner Link の管理者にディレクトリの修正を依頼してから、もう一度申請してください。`,
  },
  PARTNER_AGREEMENT_NOT_SIGNED: {
    en: (p) => `${v(p, 'org')} (PartnerID ${v(p, 'partnerId')}) has not signed the Microsoft Partner Agreement, which a reseller needs before it can work in CSP. A Global admin of ${v(p, 'org')} signs it in Partner Center (Account settings, Agreements); ask again once it is signed.`,
    ja: (p) => `${v(p, 'org')} (PartnerID ${v(p, 'partnerId')}) は Microsoft パートナー契約 (MPA) に同意していません。CSP で取引するには同意が必要です。${v(p, 'org')}のグローバル管理者がパートナー センターの [アカウント設定] > [契約] で同意してから、もう一度申請してください。`,
  },
};

const ADVISORY_TEXT: Record<AdvisoryCode, { en: Template; ja: Template }> = {
  USAGE_BASED_NEW_SUBSCRIPTION: {
    en: (p) => `${v(p, 'subscription')} is usage-based: the partner will create a new Azure subscription for you, and the old one is then cancelled.`,
    ja: (p) => `${v(p, 'subscription')}は従量課金です。パートナーが新しい Azure サブスクリプションを作成し、その後で既存のサブスクリプションは解約されます。`,
  },
  LICENSE_TERM_UNKNOWN: {
    en: (p) => `The term end of ${v(p, 'subscription')} is not on record. A license-based subscription can move only when its term ends; the partner will check the date.`,
    ja: (p) => `${v(p, 'subscription')}の契約終了日が登録されていません。ライセンス ベースのサブスクリプションは契約期間の終了時にのみ切り替えられます。日付はパートナーが確認します。`,
  },
  PARTNER_CENTER_NOT_VERIFIED: {
    en: (p) => `Not yet verified: Microsoft Partner Center could not be reached to check the PartnerID and Partner Agreement of ${v(p, 'org')}. The request is filed anyway; Partner Link checks again shortly and tells you and the approvers if anything must be done.`,
    ja: (p) => `未確認: Microsoft パートナー センターに接続できなかったため、${v(p, 'org')}の PartnerID とパートナー契約をまだ確認できていません。申請は受け付けました。Partner Link がまもなく再確認し、対応が必要な場合はあなたと承認者にお知らせします。`,
  },
};

function resolve(params: MessageParams, locale: 'en' | 'ja'): Resolved {
  const out: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = typeof value === 'object' ? value[locale] : value;
  }
  return out;
}

function render(t: { en: Template; ja: Template }, params: MessageParams): Bilingual {
  return { en: t.en(resolve(params, 'en')), ja: t.ja(resolve(params, 'ja')) };
}

export function ruleMessage(code: RuleCode, params: MessageParams = {}): Bilingual {
  return render(RULE_TEXT[code], params);
}

export function advisoryMessage(code: AdvisoryCode, params: MessageParams = {}): Bilingual {
  return render(ADVISORY_TEXT[code], params);
}
