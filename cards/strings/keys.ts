import type { AuditEntry, AuditPlatform, BillingModel, PurchaseChannel, RequestKind, RequestStatus, RuleCode, GdapRoleName } from '../../domain';

/** Issue 18: whose examples the help card shows (the reader's organization decides). */
export type HelpAudience = 'reseller' | 'customer' | 'partner';

/**
 * Every piece of text the cards show. Both `en.ts` and `ja.ts` are typed as this interface, so a string
 * missing in one language is a compile error. Functions take display values already chosen for the
 * locale (names, formatted dates).
 */
export interface CardStrings {
  appName: string;
  /** "Label: value" as a line of text. */
  labelled: (label: string, value: string) => string;
  /** What each kind of request is called. */
  kind: Record<RequestKind, string>;
  /** One line saying what each kind does, for the menu and help. */
  kindHint: Record<RequestKind, string>;
  status: Record<RequestStatus, string>;
  billing: Record<BillingModel, string>;
  platform: Record<AuditPlatform, string>;
  auditAction: Record<AuditEntry['action'], string>;
  /** Short labels for the rule checks that passed, shown to approvers. */
  check: Record<RuleCode, string>;
  /** Who approves at a step. */
  approverRole: { provider: string; partner: string; customer: string };

  fact: {
    requestId: string;
    request: string;
    status: string;
    reseller: string;
    distributor: string;
    customer: string;
    partner: string;
    workload: string;
    subscription: string;
    boughtThrough: string;
    billing: string;
    termEnds: string;
    /** Issue 18: a subscription the customer described (not in the directory). */
    subscriptionIdFact: string;
    subscriptionSource: string;
    requestedBy: string;
    submitted: string;
    expires: string;
    partnerId: string;
    tenantId: string;
    awaiting: string;
    decidedBy: string;
    decidedAt: string;
    reason: string;
    offers: string;
  };

  button: {
    approve: string;
    reject: string;
    sendRejection: string;
    cancelRequest: string;
    details: string;
    submit: string;
    continue: string;
    start: string;
    edit: string;
    cancel: string;
    startOver: string;
    menu: string;
    myRequests: string;
    help: string;
    awaiting: string;
  };

  welcome: {
    title: (name: string | undefined) => string;
    intro: string;
    choose: string;
    openRequests: (count: number) => string;
  };

  /** Issue 18: what awaits an admin's decision, on the welcome and help cards. */
  awaiting: {
    title: string;
    count: (count: number) => string;
    none: string;
    show: string;
  };

  form: {
    title: Record<RequestKind, string>;
    intro: Record<RequestKind, string>;
    known: string;
    providerLabel: string;
    providerError: string;
    providerPlaceholder: string;
    workloadLabel: string;
    workloadError: string;
    partnerLabel: string;
    partnerError: string;
    partnerPlaceholder: string;
    subscriptionLabel: string;
    subscriptionError: string;
    subscriptionPlaceholder: string;
    noneEligible: Record<'providerId' | 'partnerId' | 'subscriptionId', string>;
    moreNotShown: (count: number) => string;
    /** Issue 18: a subscription not in the directory, described by the customer. */
    describe: {
      notListed: string;
      intro: string;
      noneOnRecord: string;
      idLabel: string;
      idPlaceholder: string;
      nameLabel: string;
      namePlaceholder: string;
      nameError: string;
      channelLabel: string;
      channelError: string;
      channels: Record<PurchaseChannel, string>;
      billingLabel: string;
      billingError: string;
      described: string;
      idNotGiven: string;
    };
    /** Issue 19: more eligible choices than the card lists: the choice searches, and a name can be typed. */
    searchPlaceholder: string;
    typedNameLabel: string;
    typedNamePlaceholder: string;
    searchHint: string;
    /** Issue 19: the typed name matched no eligible choice. */
    /** Issue 18: a PartnerID typed in a message that no organization of the directory has. */
    partnerIdNotFound: (partnerId: string) => string;
    typedNameNoMatch: (typed: string) => string;
    /** Issue 19: the typed name matched several: the list shows those. */
    typedNameSeveral: (typed: string) => string;
  };

  /** Issue 19: a card cut down to fit Teams' size limit (28 KB). */
  shortened: { choices: (count: number) => string; text: string };

  confirm: {
    title: string;
    intro: string;
    checksTitle: string;
    advisoriesTitle: string;
    approvalRoute: (orgs: string) => string;
  };

  submitted: {
    title: string;
    idLine: (id: string) => string;
    waitingFor: (org: string) => string;
    approverNames: (names: string) => string;
    next: Record<RequestKind, string>;
    expiresIn: (date: string) => string;
  };

  approval: {
    title: string;
    asks: (requester: string, org: string, kind: string) => string;
    checksTitle: string;
    noChecks: string;
    reasonLabel: string;
    reasonPlaceholder: string;
    reasonError: string;
    stepOf: (step: number, of: number, role: string) => string;
    waitingFor: (org: string) => string;
    respondBy: (date: string) => string;
  };

  decided: {
    title: Record<RequestStatus, string>;
    by: (name: string, at: string) => string;
    stepApproved: (name: string, at: string) => string;
    nowAwaiting: (org: string) => string;
    noButtons: string;
  };

  myRequests: {
    title: string;
    empty: string;
    moreNotShown: (count: number) => string;
    line: (kind: string, counterpart: string) => string;
  };

  detail: {
    title: (id: string) => string;
    historyTitle: string;
    fromTo: (from: string, to: string) => string;
    /** `platform` is absent for the system's own steps. */
    entry: (action: string, actor: string, platform?: string) => string;
    earlierNotShown: (count: number) => string;
  };

  refusal: {
    title: string;
    intro: string;
    more: (count: number) => string;
  };

  help: {
    title: string;
    intro: string;
    whatTitle: string;
    examplesTitle: string;
    /** Issue 18: examples that fit the reader: what a reseller, a customer or a partner that only approves would say. */
    examples: Record<HelpAudience, readonly string[]>;
    approversTitle: string;
    approvers: string;
  };

  error: {
    title: string;
    body: string;
    reference: (id: string) => string;
  };

  time: {
    daysLeft: (days: number) => string;
  };

  /** Issue 15: the reminder approvers get (the approval card with these lines on top). */
  reminder: {
    title: string;
    waited: (days: number, expires: string) => string;
  },

  /** Nobody who decides for an organization can be reached yet (issue 15, "nobody can approve"). */
  join: {
    /** The request's state: "waiting for <org> to join". */
    waitingFor: (org: string) => string;
    /** Which organization must act and what to do. */
    whatToDo: (org: string) => string;
    /** Title of the card that tells the requester. */
    notifyTitle: string;
    /** After an organization's name in a form's choices. */
    choiceMark: string;
    /** Under a form whose choices include a marked organization. */
    formNote: string;
  };

  /** Issue 15, approval work: who must act, change, hand over, notes, filing again. */
  work: {
    currentStep: string;
    stepValue: (step: number, of: number, org: string) => string;
    canDecide: string;
    nobodyOnRecord: string;
    /** On the approval card of a later step, and on the previous approver's card. */
    stepApprovedBy: (step: number, name: string, at: string) => string;
    /** On the card the requester gets after a step: who decides next. */
    nextDeciders: (org: string, names: string) => string;
    handedOverBy: (from: string, to: string) => string;
    changedBy: (name: string, at: string) => string;
    notesTitle: string;
    noteBy: (name: string, at: string) => string;
    noteLabel: string;
    notePlaceholder: string;
    noteError: (max: number) => string;
    newNoteTitle: string;
    newNoteIntro: (name: string, id: string) => string;
    handoverLabel: string;
    handoverPlaceholder: string;
    handoverError: string;
    handedOverTitle: string;
    stepDoneTitle: string;
    resubmitHint: string;
    button: { addNote: string; sendNote: string; handOver: string; sendHandover: string; change: string; resubmit: string };
  };
  /** Issue 17: what is left to do in Partner Center after the last approval, and who does it. */
  fulfilment: {
    title: string;
    link: { provider: (reseller: string, partnerId: string) => string; reseller: (provider: string) => string };
    addPartner: { partner: (customer: string) => string; customer: (partner: string) => string };
    multichannel: { partner: (customer: string) => string; customer: (partner: string) => string };
    watching: string;
    /** Issue 17: the multi-channel steps for the billing model of the subscription (licence: at its term end; Azure: a new Azure plan). */
    licence: { partner: (customer: string, subscription: string, termEnd?: string) => string; customer: (partner: string, subscription: string) => string };
    azure: { partner: (customer: string) => string; customer: (partner: string, subscription: string) => string };
    /** Issue 17: a reminder while Partner Center does not show it done yet, and the reminder before a licence's term end. */
    reminder: {
      title: string;
      waited: (days: number) => string;
      yourStep: string;
      termEndTitle: string;
      termEnd: (subscription: string, date: string) => string;
    };
  },
  /** Issue 17: a request filed while Partner Center could not be reached, and its later check. */
  partnerCheck: {
    label: string;
    pending: string;
    verified: (at: string) => string;
    failed: string;
  };
  /** Issue 17: what makes an added partner real in Microsoft: the acceptance link, or what the partner does; GDAP admin access. */
  addPartnerLink: {
    title: string;
    ready: (customer: string, partner: string) => string;
    button: string;
    pending: string;
    partnerActs: (partner: string, customer: string) => string;
    gdapReady: (customer: string, partner: string, roles: string) => string;
    gdapButton: string;
    gdapPending: string;
    gdapFailed: string;
    gdapOtherPartner: (partner: string) => string;
    gdapActive: (partner: string, customer: string, roles: string) => string;
    gdapAssigned: (partner: string) => string;
    gdapToAssign: (partner: string, customer: string) => string;
    /** The add-partner form's optional GDAP roles choice and its hint. */
    formLabel: string;
    formHint: string;
    /** Fact label: the admin roles asked for. */
    adminRoles: string;
    roles: Record<GdapRoleName, string>;
  },
  /** Issue 18: why a list of choices is short or empty: how many each rule kept off it, in plain words. */
  notOffered: {
    title: (count: number) => string;
    /** The title when nobody is left to choose from (every candidate was kept off). */
    emptyTitle: (count: number) => string;
    /** Issue 18: under an empty list, what the person can do. */
    whatToDo: { link_distributor: string; add_partner: string; multichannel_support: string };
    /** A plain-words summary for the rules that filter candidates; other rules show one candidate's reason. */
    because: Partial<Record<RuleCode, string>>;
    line: (count: number, why: string) => string;
  };
}
