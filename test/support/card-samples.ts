import {
  addPartnerFormCard,
  approvalCard,
  confirmationCard,
  decidedCard,
  errorCard,
  helpCard,
  linkDistributorFormCard,
  multichannelFormCard,
  myRequestsCard,
  noticeCard,
  refusalCard,
  requestDetailCard,
  submittedCard,
  waitingToJoinCard,
  welcomeCard,
  approversCard,
  approverPickCard,
  approverResultCard,
  approverChangedCard,
  approverStrings,
  clarifyCard,
  type AdaptiveCard,
  type CardContext,
  type CardStrings,
  type RequestView,
} from '../../cards';
import { DEFAULT_POLICY, GDAP_ROLES, type Locale, type PartnerRequest } from '../../domain';
import { answerApprovalsQuestion } from '../../dialogs/policy/policy-answer';
import {
  addPartnerStep2,
  APPROVER_USER_IDS,
  linkApproved,
  linkExpired,
  linkPending,
  linkRejected,
  midTermVerdict,
  multichannelCancelled,
  multichannelVerdict,
  NOW,
  ORGANIZATIONS,
  ORGS,
  PEOPLE,
  SUBSCRIPTIONS,
} from './card-fixtures';

/** One picture in the gallery and one case in the validation tests. */
export interface CardSample {
  /** kebab-case, used in file names: docs/cards/<name>.<locale>.png */
  name: string;
  /** What the picture shows, for the gallery's README. */
  caption: string;
  build: (ctx: CardContext) => AdaptiveCard;
  /** A button to click before the picture is taken (to open an Action.ShowCard). */
  expand?: keyof CardStrings['button'];
  /**
   * Issue 18: the card is for many readers (an approval channel) and carries date functions: the
   * gallery draws it in this reader's time zone and locale (the browser's), one per card language.
   */
  reader?: Record<Locale, { timezoneId: string; locale: string }>;
  /** Issue 18: the gallery also draws how Slack shows it (Block Kit, date tokens in the reader's zone). */
  slack?: true;
}

/** Issue 17: the request moved on to "completing in Partner Center" at its last approval (as the lifecycle records it). */
const completing = (r: PartnerRequest): PartnerRequest => {
  const at = r.decision?.at ?? r.updatedAt;
  const approver = r.decision?.actor ?? { type: 'system' as const, name: 'Partner Link' };
  return {
    ...r,
    status: 'completing',
    decision: { status: 'completing', actor: approver, platform: 'teams', at },
    audit: [...r.audit, { at, actor: approver, platform: 'teams', action: 'approve', from: 'pending_approval', to: 'completing', stage: 0 }],
  };
};

export const sampleContext = (locale: Locale): CardContext => ({ locale, timeZone: 'Asia/Tokyo', now: NOW });

const view = (request: PartnerRequest, extra: Partial<RequestView> = {}): RequestView => ({
  request,
  organizations: ORGANIZATIONS,
  requester: request.requester.personId === PEOPLE.aiko.id ? PEOPLE.aiko : PEOPLE.haruka,
  ...extra,
});

export const CARD_SAMPLES: readonly CardSample[] = [
  {
    name: 'welcome',
    caption: 'Welcome and menu',
    build: (ctx) => welcomeCard({ person: PEOPLE.haruka, openRequests: 1 }, ctx),
  },
  {
    name: 'link-distributor-form',
    caption: 'Form: link with a distributor (eligible distributors only)',
    build: (ctx) =>
      linkDistributorFormCard({ reseller: ORGS.sakura, eligibleDistributors: [ORGS.contoso, ORGS.tailspin] }, ctx),
  },
  {
    name: 'add-partner-form',
    caption: 'Form: add a partner, workload already known',
    build: (ctx) =>
      addPartnerFormCard({ customer: ORGS.yamato, eligiblePartners: [ORGS.trey, ORGS.sakura], values: { workload: 'azure' } }, ctx),
  },
  {
    name: 'add-partner-form-both',
    caption: 'Form: add a partner, asking workload and partner',
    build: (ctx) => addPartnerFormCard({ customer: ORGS.yamato, eligiblePartners: [ORGS.trey, ORGS.sakura, ORGS.fuji] }, ctx),
  },
  {
    name: 'multichannel-form',
    caption: 'Form: support for a subscription bought elsewhere, re-asked after a refusal',
    build: (ctx) =>
      multichannelFormCard(
        {
          customer: ORGS.yamato,
          subscriptions: [SUBSCRIPTIONS.azureDirect, SUBSCRIPTIONS.m365Ea],
          eligiblePartners: [ORGS.sakura, ORGS.trey],
          values: { partnerId: 'sakura-cloud' },
          ask: ['subscriptionId'],
          ...(midTermVerdict.refusals[0] ? { refusal: midTermVerdict.refusals[0] } : {}),
        },
        ctx,
      ),
  },
  {
    name: 'confirmation',
    caption: 'Confirmation of a draft, with an advisory',
    build: (ctx) =>
      confirmationCard(
        {
          draftId: 'd-4f7a2c',
          subject: { kind: 'multichannel_support', customerId: 'yamato-manufacturing', partnerId: 'sakura-cloud', subscriptionId: SUBSCRIPTIONS.azureDirect.id },
          organizations: ORGANIZATIONS,
          subscription: SUBSCRIPTIONS.azureDirect,
          requester: PEOPLE.aiko,
          verdict: multichannelVerdict,
        },
        ctx,
      ),
  },
  {
    name: 'submitted',
    caption: 'Request submitted: ID, approvers, what next',
    build: (ctx) => submittedCard({ view: view(linkPending), approvers: [PEOPLE.kenji, PEOPLE.emily] }, ctx),
  },
  {
    name: 'approval',
    caption: 'Approval card for approvers (Action.Execute, refresh for approvers)',
    build: (ctx) => approvalCard({ view: view(linkPending), approverUserIds: APPROVER_USER_IDS }, ctx),
  },
  {
    name: 'approval-fallback',
    caption: 'Approval card for older clients (Action.Submit), reject reason open',
    build: (ctx) => approvalCard({ view: view(linkPending), approverUserIds: APPROVER_USER_IDS }, ctx, { universalActions: false }),
    expand: 'reject',
  },
  {
    name: 'approval-status',
    caption: 'The same request as everyone but the approvers sees it',
    build: (ctx) => approvalCard({ view: view(linkPending), approverUserIds: APPROVER_USER_IDS }, ctx, { buttons: false }),
  },
  {
    name: 'approval-reminder',
    caption: 'Reminder to the approvers (issue 15): how long it waited, when it expires, the buttons',
    // Drawn ten days after the request was filed, as the reminder says.
    build: (ctx) => approvalCard({ view: view(linkPending), approverUserIds: APPROVER_USER_IDS }, { ...ctx, now: new Date(linkPending.createdAt.getTime() + 10 * 86_400_000) }, { reminder: { waitedDays: 10 } }),
  },
  {
    name: 'approval-step-2',
    caption: "Approval, second step: the customer's admin consents",
    build: (ctx) => approvalCard({ view: view(addPartnerStep2), approverUserIds: ['29:1Yz4Lm8Qp2Rx6Tv0Wb3Nc7Kd5Hf9Gj1Sa'] }, ctx),
  },
  {
    name: 'decided-approved',
    caption: 'Decided: approved',
    build: (ctx) => decidedCard({ view: view(linkApproved) }, ctx),
  },
  {
    name: 'decided-rejected',
    caption: 'Decided: rejected, with the reason',
    build: (ctx) => decidedCard({ view: view(linkRejected) }, ctx),
  },
  {
    name: 'decided-step',
    caption: 'First step approved, waiting for the next approver',
    build: (ctx) => decidedCard({ view: view(addPartnerStep2) }, ctx),
  },
  {
    name: 'decided-cancelled',
    caption: 'Decided: cancelled by the requester',
    build: (ctx) => decidedCard({ view: view(multichannelCancelled, { subscription: SUBSCRIPTIONS.azureDirect }) }, ctx),
  },
  {
    name: 'decided-expired',
    caption: 'Decided: expired',
    build: (ctx) => decidedCard({ view: view(linkExpired) }, ctx),
  },
  // Issue 17: reminders while a request is completing in Partner Center.
  {
    name: 'completion-reminder',
    caption: "Still completing in Partner Center after 3 days: the distributor's admin is reminded, their step first",
    build: (ctx) => decidedCard({ view: view(completing(linkApproved)) }, ctx, { completionReminder: { side: 'provider', waitedDays: 3 } }),
  },
  {
    name: 'term-end-reminder',
    caption: 'Multi-channel for a licence: the partner is reminded before the term ends',
    build: (ctx) =>
      decidedCard({ view: view(completing({ ...multichannelCancelled, subject: { ...multichannelCancelled.subject, subscriptionId: SUBSCRIPTIONS.m365Ea.id } } as PartnerRequest), { subscription: { ...SUBSCRIPTIONS.m365Ea, termEndsOn: new Date('2025-06-30T00:00:00Z') } }) }, ctx, {
        completionReminder: { side: 'partner', waitedDays: 10, termEndsOn: new Date('2025-06-30T00:00:00Z') },
      }),
  },
  {
    name: 'my-requests',
    caption: 'My requests: status of each, details, cancel when open',
    build: (ctx) =>
      myRequestsCard({ requests: [linkRejected, linkExpired, { ...linkPending, id: 'PL-5M1P3R7T' }], organizations: ORGANIZATIONS, viewer: PEOPLE.haruka }, ctx),
  },
  {
    name: 'request-detail',
    caption: 'Request detail with its audit trail',
    build: (ctx) => requestDetailCard({ ...view(linkRejected), viewer: PEOPLE.haruka }, ctx),
  },
  {
    name: 'refusal',
    caption: "Validation refusal: the rule's reason and a way back",
    build: (ctx) => refusalCard({ refusals: midTermVerdict.refusals, draftId: 'd-4f7a2c' }, ctx),
  },
  {
    name: 'help',
    caption: 'Help: what the bot does, example phrases',
    build: (ctx) => helpCard({}, ctx),
  },
  // Issue 15, nobody can approve yet: the organization must join first.
  {
    name: 'link-distributor-form-not-on-partner-link',
    caption: 'Form: a distributor with nobody on Partner Link yet is marked',
    build: (ctx) =>
      linkDistributorFormCard({ reseller: ORGS.sakura, eligibleDistributors: [ORGS.contoso, ORGS.tailspin], notOnPartnerLink: [ORGS.tailspin.id] }, ctx),
  },
  {
    name: 'submitted-waiting-to-join',
    caption: 'Submitted: nobody at the distributor can approve yet, and what to do',
    build: (ctx) => submittedCard({ view: view(linkPending, { awaitingJoin: linkPending.steps[0]!.orgId }), approvers: [] }, ctx),
  },
  {
    name: 'waiting-to-join',
    caption: 'The requester is told that a later step waits for an organization to join',
    build: (ctx) => waitingToJoinCard({ view: view(addPartnerStep2, { awaitingJoin: addPartnerStep2.steps[1]!.orgId }) }, ctx),
  },
  {
    name: 'my-requests-waiting-to-join',
    caption: 'My requests: a request waiting for an organization to join',
    build: (ctx) =>
      myRequestsCard({ requests: [linkPending], organizations: ORGANIZATIONS, viewer: PEOPLE.haruka, awaitingJoin: { [linkPending.id]: linkPending.steps[0]!.orgId } }, ctx),
  },
  {
    name: 'notice',
    caption: 'A click answered with what the bot said (Universal Actions replace the clicked card)',
    build: (ctx) => noticeCard({ lines: [ctx.locale === 'ja' ? 'このカードは現在使えません。' : 'That card is no longer active.'] }, ctx),
  },
  {
    name: 'error',
    caption: 'Error with a correlation ID',
    build: (ctx) => errorCard({ correlationId: 'c0a8012e-7f3b-4d6a-9e21-5b8c4d2f1a90' }, ctx),
  },
  // Issue 16: approvers managed in chat.
  {
    name: 'approvers-list',
    caption: 'An organization\'s approvers and its other people, with their roles',
    build: (ctx) =>
      approversCard(
        {
          organizationName: 'Contoso Distribution Japan',
          approvers: [{ id: 'hiroshi-yamada', name: 'Hiroshi Yamada', roles: ['admin'], you: true }, { id: 'emily-clark', name: 'Emily Clark', roles: ['admin'] }],
          others: [{ id: 'naoki-mori', name: 'Naoki Mori', roles: ['requester'] }],
        },
        ctx,
      ),
  },
  {
    name: 'approver-pick',
    caption: 'Whom do you mean? People of the admin\'s own organization, one button each',
    build: (ctx) => approverPickCard({ op: 'add', reason: 'ambiguous', candidates: [{ id: 'ken-sato', name: 'Ken Sato', roles: ['requester'] }, { id: 'ken-ito', name: 'Ken Ito', roles: ['requester'] }] }, ctx),
  },
  {
    name: 'approver-last-admin',
    caption: 'The last admin cannot be removed',
    build: (ctx) => approverResultCard({ title: approverStrings(ctx.locale).lastAdminTitle, lines: [approverStrings(ctx.locale).lastAdmin('Mei Kobayashi')], style: 'attention' }, ctx),
  },
  {
    name: 'approver-changed',
    caption: 'The person concerned is told they are now an approver',
    build: (ctx) => approverChangedCard({ op: 'add', organizationName: 'Contoso Distribution Japan', byName: 'Hiroshi Yamada', at: NOW }, ctx),
  },
  // Issue 17: an add-partner request's customer step with the Partner Center link and a GDAP approval link; completing where the partner must act.
  {
    name: 'approval-add-partner-link',
    caption: "The customer admin's approval card with the acceptance link and the admin access (GDAP) link",
    build: (ctx) => approvalCard({ view: view(addPartnerWithLink), approverUserIds: ['29:1Yz4Lm8Qp2Rx6Tv0Wb3Nc7Kd5Hf9Gj1Sa'] }, ctx),
  },
  {
    name: 'decided-completing-partner-acts',
    caption: 'Completing in Partner Center: what the partner must do itself',
    build: (ctx) => decidedCard({ view: view(addPartnerPartnerActs) }, ctx),
  },
  // Issue 18: nobody left to offer: why, counted by rule, instead of one distributor's reason.
  {
    name: 'link-distributor-form-nobody',
    caption: 'Form: no distributor can be offered, with how many each rule kept off the list, and what to do',
    build: (ctx) =>
      linkDistributorFormCard(
        {
          reseller: ORGS.sakura,
          eligibleDistributors: [],
          notOffered: [
            { code: 'REGION_MISMATCH', count: 3, example: { en: 'Northwind Distribution GmbH is in a different CSP region.', ja: 'Northwind Distribution GmbH は別の CSP リージョンです。' } },
            { code: 'DUPLICATE_RELATIONSHIP', count: 2, example: { en: 'You are already linked.', ja: 'すでに連携しています。' } },
            { code: 'PROVIDER_NOT_AUTHORIZED', count: 1, example: { en: 'Not authorized.', ja: '承認されていません。' } },
          ],
        },
        ctx,
      ),
  },
  // Issue 18: the bot is unsure which of two things a message asks for, and asks.
  {
    name: 'clarify-unsure',
    caption: 'Which did you mean? Two likely meanings as buttons, carrying on with the words typed',
    build: (ctx) => clarifyCard({ said: ctx.locale === 'ja' ? 'Azureのパートナー申請' : 'a partner request for Azure', choices: ['request_status', 'add_partner'] }, ctx),
  },
  {
    name: 'clarify-role',
    caption: 'A customer asked for a distributor link: who asks for that, and the nearest customer requests',
    build: (ctx) => clarifyCard({ said: 'link me with a distributor', choices: ['add_partner', 'multichannel_support'], because: 'link_distributor' }, ctx),
  },
  // Issue 18: nobody can support the subscription: why, counted by rule, and what the customer can do.
  {
    name: 'multichannel-form-nobody',
    caption: 'Form: no partner can support the subscription, with how many each rule kept off the list, and what to do',
    build: (ctx) =>
      multichannelFormCard(
        {
          customer: ORGS.yamato,
          subscriptions: [SUBSCRIPTIONS.azureDirect, SUBSCRIPTIONS.m365Ea],
          eligiblePartners: [],
          ask: ['partnerId'],
          values: { subscriptionId: SUBSCRIPTIONS.m365Ea.id },
          notOffered: [
            { code: 'WORKLOAD_NOT_OFFERED', count: 4, example: { en: 'Proseware Solutions LLC does not offer Microsoft 365.', ja: 'Proseware Solutions LLCは Microsoft 365 を取り扱っていません。' } },
            { code: 'RESELLER_CANNOT_TRANSACT', count: 2, example: { en: 'Kumo Startup IT is not enrolled in CSP yet.', ja: 'クモ・スタートアップITはまだ CSP に登録されていません。' } },
            { code: 'REGION_MISMATCH', count: 1, example: { en: 'Bellows IT SARL is in a different CSP region.', ja: 'Bellows IT SARLは別の CSP リージョンです。' } },
          ],
        },
        ctx,
      ),
  },
  // Issue 18: nobody left for this workload: why, what to do, and the workload asked again.
  {
    name: 'add-partner-form-nobody',
    caption: 'Form: no partner for this workload, with how many each rule kept off the list, what to do, and the workload asked again',
    build: (ctx) =>
      addPartnerFormCard(
        {
          customer: ORGS.yamato,
          eligiblePartners: [],
          ask: ['workload', 'partnerId'],
          values: { workload: 'power_platform' },
          notOffered: [
            { code: 'WORKLOAD_NOT_OFFERED', count: 4, example: { en: 'Trey Research Direct does not offer Power Platform.', ja: 'トレイ・リサーチ・ダイレクトは Power Platform を取り扱っていません。' } },
            { code: 'RESELLER_CANNOT_TRANSACT', count: 2, example: { en: 'Fuji IT Partners is not linked with a distributor.', ja: '富士ITパートナーズはディストリビューターと連携していません。' } },
          ],
        },
        ctx,
      ),
  },
  // Issue 18: a distributor asked for by a PartnerID nobody has: said so above the choices.
  {
    name: 'link-distributor-form-unknown-partner-id',
    caption: 'Form: the PartnerID typed names no distributor of the directory, said above the choices',
    build: (ctx) => linkDistributorFormCard({ reseller: ORGS.sakura, eligibleDistributors: [ORGS.contoso, ORGS.tailspin], unknownPartnerId: '4809999' }, ctx),
  },
  // Issue 18: "who approves this, and how long does it take?": a text reply, drawn here as its paragraphs
  // (the notice card is how the bot's texts look when a card must answer).
  {
    name: 'approvals-answer',
    caption: 'Who approves, and how long it takes: the answer (a text reply, drawn as its paragraphs), from the approval steps and this deployment\'s days',
    build: (ctx) => noticeCard({ lines: answerApprovalsQuestion(ctx.locale === 'ja' ? '承認って誰がするんですか？どのくらい時間かかります？' : 'who approves this and how long does it take?', DEFAULT_POLICY, ctx.locale) }, ctx),
  },
  // Issue 18: an approval card posted in an approval channel has many readers: its times are date
  // functions, drawn in each reader's zone (here a New York reader of the English card, a Tokyo reader of
  // the Japanese one); on Slack they are <!date^…> tokens.
  {
    name: 'approval-channel',
    caption: 'Approval card posted in an approval channel: times drawn per reader (New York for English, Tokyo for Japanese); Teams date functions, Slack date tokens',
    build: (ctx) => approvalCard({ view: view(linkPending), approverUserIds: APPROVER_USER_IDS }, { ...ctx, perReader: true }),
    reader: { en: { timezoneId: 'America/New_York', locale: 'en-US' }, ja: { timezoneId: 'Asia/Tokyo', locale: 'ja-JP' } },
    slack: true,
  },
];

const addPartnerWithLink: PartnerRequest = {
  ...addPartnerStep2,
  subject: { ...addPartnerStep2.subject, kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', workload: 'azure', adminRoles: [GDAP_ROLES.directory_readers, GDAP_ROLES.helpdesk_administrator] },
  fulfilment: {
    rev: 1,
    link: 'ready',
    url: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=3b33e682-00c3-41ee-9dd2-a548adf56438&msppId=0&DAP=false#/BillingAccounts/partner-invitation',
    attempts: 1,
    updatedAt: NOW,
    gdap: { state: 'requested', relationshipId: '5d8a7e3b-1c2f-4d6a-9b8e-7f6a5d4c3b2a-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', status: 'approvalPending', approvalUrl: 'https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/5d8a7e3b-1c2f-4d6a-9b8e-7f6a5d4c3b2a-1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', attempts: 1 },
  },
};

const addPartnerPartnerActs: PartnerRequest = {
  ...addPartnerStep2,
  status: 'completing',
  version: 4,
  decision: { status: 'completing', actor: { type: 'person', personId: 'aiko-yamamoto', name: 'Aiko Yamamoto', orgId: 'yamato-manufacturing' }, platform: 'teams', at: NOW },
  fulfilment: { rev: 1, link: 'partner_acts', attempts: 1, updatedAt: NOW },
};
