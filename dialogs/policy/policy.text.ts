import type { Locale } from '../../domain';

interface PolicyText {
  cspToCsp: string;
  publicCloud: string;
  cloudClosed: (cloud: string) => string;
  cloudSinglePartner: (cloud: string) => string;
  cloudMultiPartner: (cloud: string) => string;
  sameRegion: (a: string, b: string, region: string) => string;
  differentRegion: (a: string, ra: string, b: string, rb: string) => string;
  oneRegion: (country: string, region: string) => string;
  channelEligible: (channel: string) => string;
  channelIneligible: (channel: string) => string;
  severalPartners: string;
  overview: (expiryDays: number) => string;
  /** Issue 18: who approves each kind of request (domain/lifecycle.ts approvalSteps). */
  approvalsWho: string;
  /** Issue 18: how long approval takes: the reminder and expiry days of this deployment. */
  approvalsHowLong: (days: { reminderAfter: number; reminderEvery: number; expiry: number }, partnerCenter: boolean) => string;
}

const enDays = (n: number) => (n === 1 ? '1 day' : `${n} days`);

export const POLICY_TEXT: Record<Locale, PolicyText> = {
  en: {
    cspToCsp:
      "No. A CSP partner cannot resell online services to another CSP partner: a partner's CSP transacting tenant can't become another partner's customer. If that organization has a separate corporate tenant that it does not use for CSP, that tenant can be the customer.",
    publicCloud: 'In the public cloud, a customer can work with several partners (multi-partner) and get partner support for subscriptions bought elsewhere (multi-channel).',
    cloudClosed: (c) => `${c} is closed to new relationships, so no new partner can be added there. Move to the public cloud first.`,
    cloudSinglePartner: (c) => `In ${c}, this deployment allows a customer only one partner (the older rule for national clouds). Adding a second partner there will be refused.`,
    cloudMultiPartner: (c) => `Yes. Multi-partner and multi-channel support are also available in ${c}. Every party of a relationship must be in the same cloud.`,
    sameRegion: (a, b, r) => `Yes: ${a} and ${b} are both in the ${r} CSP region, so partners there can work together.`,
    differentRegion: (a, ra, b, rb) => `No: ${a} is in the ${ra} CSP region and ${b} is in ${rb}. Partners work together only inside one CSP region.`,
    oneRegion: (c, r) => `${c} belongs to the ${r} CSP region; partners there work with partners and customers in the same region.`,
    channelEligible: (ch) => `Subscriptions bought through ${ch} qualify for multi-channel support. A license-based one can move to a CSP partner only at the end of its term; for usage-based Azure the partner creates a new subscription.`,
    channelIneligible: (ch) => `Subscriptions bought through ${ch} do not qualify for multi-channel support. Ask the partner you bought it from for help.`,
    severalPartners: 'A customer may have several partners, even for the same workload, but not the same partner twice for one workload.',
    overview: (days) =>
      `The main rules: no resale from one CSP partner to another; a reseller links only with an authorized distributor in its own CSP region and cloud; a customer may have several partners, each offering the workload asked for; multi-channel support covers subscriptions bought from Microsoft, Advisor, Open, an EA or a non-CSP third party. Requests nobody decides expire after ${days} days. Ask me about a specific case, such as "can a French reseller work with a German distributor?"`,
    approvalsWho:
      "Who approves: a link with a distributor is decided by the distributor's admins (one step). Adding a partner takes two steps: the partner's admins, then the customer's admins. Multi-channel support is decided by the partner's admins (one step). Each step's admins get the approval card, in their personal chat or their organization's approval channel.",
    approvalsHowLong: (d, pc) =>
      `How long: there is no fixed time; it depends on when the approvers decide. If nobody has decided after ${enDays(d.reminderAfter)}, they are reminded, then every ${enDays(d.reminderEvery)}; a request nobody decides expires after ${enDays(d.expiry)}.${pc ? ' After the last approval, the relationship is completed in Partner Center.' : ''} Ask "status" at any time to see whom a request waits for.`,
  },
  ja: {
    cspToCsp:
      'いいえ。CSP パートナーが別の CSP パートナーにオンライン サービスを再販することはできません。パートナーの CSP 取引用テナントは、他のパートナーの顧客にはなれません。CSP 取引に使っていない別の社内用テナントであれば、顧客にできます。',
    publicCloud: 'パブリック クラウドでは、顧客は複数のパートナーと連携でき (マルチパートナー)、他で購入したサブスクリプションのサポートをパートナーに依頼できます (マルチチャンネル)。',
    cloudClosed: (c) => `${c}では新しい関係を結べないため、パートナーを追加できません。先にパブリック クラウドへ移行してください。`,
    cloudSinglePartner: (c) => `${c}では、この環境の設定により顧客が連携できるパートナーは 1 社だけです (ナショナル クラウドの旧ルール)。2 社目のパートナーの追加は受け付けられません。`,
    cloudMultiPartner: (c) => `はい。マルチパートナーとマルチチャンネルのサポートは ${c}でも利用できます。関係を結ぶ全員が同じクラウドにいる必要があります。`,
    sameRegion: (a, b, r) => `はい。${a}と${b}はどちらも CSP リージョン「${r}」に属するため、連携できます。`,
    differentRegion: (a, ra, b, rb) => `いいえ。${a}は CSP リージョン「${ra}」、${b}は「${rb}」です。連携できるのは同じ CSP リージョン内だけです。`,
    oneRegion: (c, r) => `${c}は CSP リージョン「${r}」に属します。同じリージョン内のパートナーや顧客と連携できます。`,
    channelEligible: (ch) => `${ch}で購入したサブスクリプションは、マルチチャンネル サポートの対象です。ライセンス ベースのものは契約期間の終了時にのみ CSP パートナーへ切り替えられます。従量課金の Azure はパートナーが新しいサブスクリプションを作成します。`,
    channelIneligible: (ch) => `${ch}で購入したサブスクリプションは、マルチチャンネル サポートの対象外です。購入先のパートナーにご相談ください。`,
    severalPartners: '顧客は複数のパートナーと連携できます。同じワークロードでも複数社に依頼できますが、同じパートナーに同じワークロードを二重に依頼することはできません。',
    overview: (days) =>
      `主なルール: CSP パートナー間の再販はできません。リセラーは同じ CSP リージョン・同じクラウドの承認済みディストリビューターとだけ連携できます。顧客は複数のパートナーと連携でき、各パートナーは依頼するワークロードを取り扱っている必要があります。マルチチャンネル サポートの対象は、Microsoft から直接、Advisor、Open、EA、CSP 外のサードパーティーから購入したサブスクリプションです。判断されない申請は ${days} 日で期限切れになります。「フランスのリセラーはドイツのディストリビューターと連携できますか？」のように具体的に質問してください。`,
    approvalsWho:
      '承認するのは次の方です。ディストリビューターとの連携: ディストリビューターの管理者 (1 段階)。パートナーの追加: パートナーの管理者、次にお客様の管理者 (2 段階)。マルチチャンネル サポート: パートナーの管理者 (1 段階)。各段階の管理者の個人チャット、または組織の承認チャネルに承認カードが届きます。',
    approvalsHowLong: (d, pc) =>
      `かかる時間は決まっておらず、承認者が判断するまでです。${d.reminderAfter} 日たっても判断されないときは承認者にリマインドし、その後は ${d.reminderEvery} 日ごとにリマインドします。${d.expiry} 日たっても判断されない申請は期限切れになります。${pc ? '最後の承認のあと、パートナー センターで関係の手続きを完了します。' : ''}申請がいま誰の判断待ちかは「状況」と送ると確認できます。`,
  },
};
