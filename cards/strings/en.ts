import type { CardStrings } from './keys';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
/** Ends a sentence with a full stop unless it already ends with one (names such as "Co., Ltd."). */
const stop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

export const en: CardStrings = {
  appName: 'Partner Link',
  labelled: (label, value) => `${label}: ${value}`,
  kind: {
    link_distributor: 'Link with a distributor',
    add_partner: 'Add a partner for a workload',
    multichannel_support: 'Partner support for a subscription bought elsewhere',
  },
  kindHint: {
    link_distributor: 'For resellers: work with an indirect provider (distributor) in your CSP region.',
    add_partner: 'For customers: bring in another partner, for example one for Azure and one for Microsoft 365.',
    multichannel_support: 'For customers: have a CSP partner support a subscription bought directly, through an EA, Open or Advisor.',
  },
  status: {
    submitted: 'Submitted',
    pending_approval: 'Pending approval',
    approved: 'Approved',
    rejected: 'Rejected',
    cancelled: 'Cancelled',
    expired: 'Expired',
  },
  billing: { license: 'License-based (seats)', usage: 'Usage-based' },
  platform: { teams: 'Teams', slack: 'Slack', system: 'Partner Link', cli: 'command line' },
  auditAction: {
    submit: 'Submitted',
    route: 'Sent for approval',
    approve: 'Approved',
    reject: 'Rejected',
    cancel: 'Cancelled',
    expire: 'Expired',
    refused: 'Attempt refused',
    remind: 'Reminder sent',
  },
  check: {
    CSP_TO_CSP_RESALE: 'Not a resale to another CSP partner',
    RESELLER_NOT_ENROLLED: 'Reseller enrolled in CSP',
    PROVIDER_NOT_AUTHORIZED: 'Authorized distributor',
    REGION_MISMATCH: 'Same CSP region',
    CLOUD_MISMATCH: 'Same cloud',
    NATIONAL_CLOUD_SINGLE_PARTNER: 'National-cloud policy allows it',
    CLOUD_CLOSED: 'Cloud open to new relationships',
    DUPLICATE_RELATIONSHIP: 'No existing relationship',
    DUPLICATE_PENDING_REQUEST: 'No other open request for the same thing',
    WORKLOAD_NOT_OFFERED: 'Partner offers the workload',
    NOT_A_CUSTOMER_PARTNER: 'Partner sells to customers',
    MULTICHANNEL_CHANNEL_INELIGIBLE: 'Bought through an eligible channel',
    MULTICHANNEL_LICENSE_MID_TERM: 'Not in the middle of a license term',
    SUBSCRIPTION_NOT_OWNED: "Subscription belongs to the customer",
    INVALID_PARTNER_ID: 'Valid PartnerID',
    INVALID_TENANT_ID: 'Valid tenant ID',
    REQUESTER_NOT_IN_ORGANIZATION: "Requester belongs to the organization",
    REQUEST_NOT_FOR_ORGANIZATION: 'Right kind of organization for this request',
    UNKNOWN_ORGANIZATION: 'Organizations known',
    UNKNOWN_SUBSCRIPTION: 'Subscription known',
    NOT_AN_APPROVER: 'Decided by an admin',
    NOT_THE_REQUESTER: 'Cancelled by the requester',
    REQUEST_NOT_FOUND: 'Request found',
    REQUEST_ALREADY_CLOSED: 'Request still open',
    STALE_CARD: 'Card up to date',
    REASON_REQUIRED: 'Reason given',
    REQUEST_EXPIRED: 'Decided before it expired',
    REMINDED_RECENTLY: 'Not reminded in the last day',
    NOT_AWAITING_APPROVAL: 'Awaiting approval',
  },
  approverRole: { provider: 'Distributor', partner: 'Partner', customer: "Customer's admin" },

  fact: {
    requestId: 'Request ID',
    request: 'Request',
    status: 'Status',
    reseller: 'Reseller',
    distributor: 'Distributor',
    customer: 'Customer',
    partner: 'Partner',
    workload: 'Workload',
    subscription: 'Subscription',
    boughtThrough: 'Bought through',
    billing: 'Billing',
    termEnds: 'Term ends',
    requestedBy: 'Requested by',
    submitted: 'Submitted',
    expires: 'Expires',
    partnerId: 'PartnerID',
    tenantId: 'Tenant ID',
    awaiting: 'Waiting for',
    decidedBy: 'Decided by',
    decidedAt: 'Decided',
    reason: 'Reason',
    offers: 'Offers',
  },

  button: {
    approve: 'Approve',
    reject: 'Reject',
    sendRejection: 'Reject request',
    cancelRequest: 'Cancel request',
    details: 'Details',
    submit: 'Send request',
    continue: 'Continue',
    start: 'Start',
    edit: 'Change',
    cancel: 'Cancel',
    startOver: 'Start over',
    menu: 'Menu',
    myRequests: 'My requests',
    help: 'Help',
  },

  welcome: {
    title: (name) => (name ? `Hello, ${name}` : 'Hello'),
    intro: 'I help Microsoft CSP partners and their customers work together, and I route each request to the admins who approve it.',
    choose: 'What would you like to do?',
    openRequests: (n) => `You have ${plural(n, 'open request', 'open requests')}.`,
  },

  form: {
    title: {
      link_distributor: 'Link with a distributor',
      add_partner: 'Add a partner',
      multichannel_support: 'Support for a subscription bought elsewhere',
    },
    intro: {
      link_distributor: 'Choose the distributor (indirect provider) to work with. The list shows only distributors you can link with.',
      add_partner: 'Choose the workload and the partner. Your existing subscriptions and partners stay as they are.',
      multichannel_support: 'Choose the subscription and the CSP partner who should provision and support it.',
    },
    known: 'So far',
    providerLabel: 'Distributor',
    providerError: 'Please choose a distributor.',
    providerPlaceholder: 'Choose a distributor',
    workloadLabel: 'Workload',
    workloadError: 'Please choose a workload.',
    partnerLabel: 'Partner',
    partnerError: 'Please choose a partner.',
    partnerPlaceholder: 'Choose a partner',
    subscriptionLabel: 'Subscription',
    subscriptionError: 'Please choose a subscription.',
    subscriptionPlaceholder: 'Choose a subscription',
    noneEligible: {
      providerId: 'No distributor can link with your organization right now (same CSP region and cloud, authorized, not already linked). Ask for help if you expected one.',
      partnerId: 'No partner is eligible for this request right now. Ask for help if you expected one.',
      subscriptionId: 'None of your subscriptions is on record. Ask your administrator to add it to the directory.',
    },
    moreNotShown: (n) => `${plural(n, 'more option is', 'more options are')} not listed; type a name to narrow the list.`,
  },

  confirm: {
    title: 'Please check your request',
    intro: 'Nothing has been sent yet. Send it as it is, or change it.',
    checksTitle: 'Checks passed',
    advisoriesTitle: 'Good to know',
    approvalRoute: (orgs) => stop(`It will go to ${orgs} for approval`),
  },

  submitted: {
    title: 'Request sent',
    idLine: (id) => `Your request ID is ${id}.`,
    waitingFor: (org) => stop(`Waiting for approval by ${org}`),
    approverNames: (names) => `Approvers: ${names}`,
    next: {
      link_distributor: "The distributor's admins approve or reject it. I will tell you here as soon as they decide.",
      add_partner: "The partner's admins approve first, then your organization's admin consents. I will tell you after each step.",
      multichannel_support: "The partner's admins approve or reject it. I will tell you here as soon as they decide.",
    },
    expiresIn: (date) => `If nobody decides, it expires on ${date}.`,
  },

  approval: {
    title: 'Approval requested',
    asks: (requester, org, kind) => stop(`${requester} of ${org} asks: ${kind}`),
    checksTitle: 'Checks passed',
    noChecks: 'No checks were recorded for this request.',
    reasonLabel: 'Reason for rejecting',
    reasonPlaceholder: 'Tell the requester what to change',
    reasonError: 'Please give a reason, so the requester knows what to change.',
    stepOf: (step, of, role) => `Step ${step} of ${of}: ${role}`,
    waitingFor: (org) => stop(`Waiting for a decision by an admin of ${org}`),
    respondBy: (date) => `Please decide by ${date}.`,
  },

  decided: {
    title: {
      submitted: 'Request submitted',
      pending_approval: 'Request pending approval',
      approved: 'Request approved',
      rejected: 'Request rejected',
      cancelled: 'Request cancelled',
      expired: 'Request expired',
    },
    by: (name, at) => `By ${name}, ${at}`,
    stepApproved: (name, at) => `Approved by ${name}, ${at}.`,
    nowAwaiting: (org) => stop(`Now waiting for ${org}`),
    noButtons: 'This request is closed; nothing more to do here.',
  },

  myRequests: {
    title: 'My requests',
    empty: "You haven't filed any requests yet.",
    moreNotShown: (n) => `${plural(n, 'older request is', 'older requests are')} not shown.`,
    line: (kind, counterpart) => `${kind}: ${counterpart}`,
  },

  detail: {
    title: (id) => `Request ${id}`,
    historyTitle: 'History',
    fromTo: (from, to) => `${from} → ${to}`,
    entry: (action, actor, platform) => `${action} by ${actor}${platform ? ` (${platform})` : ''}`,
    earlierNotShown: (n) => `${plural(n, 'earlier entry', 'earlier entries')} not shown.`,
  },

  refusal: {
    title: "This request can't go ahead",
    intro: 'Here is why, and what you can do:',
    more: (n) => `${plural(n, 'more reason', 'more reasons')} after you fix this one.`,
  },

  help: {
    title: 'What I can do',
    intro: 'I help Microsoft CSP partners and customers set up how they work together, and I collect the approvals.',
    whatTitle: 'Requests',
    examplesTitle: 'Try saying',
    examples: [
      "We'd like to work with a distributor in Japan.",
      'Add a second partner for Azure.',
      'We bought Microsoft 365 through an EA. Can a CSP partner support it?',
      'Show my requests',
      'Status of PL-7K2M9Q4D',
    ],
    approversTitle: 'For approvers',
    approvers: "When a request needs your organization's approval, I send you a card with Approve and Reject buttons. A rejection needs a reason.",
  },

  error: {
    title: 'Something went wrong',
    body: 'Sorry, I could not finish that. Nothing was changed. Please try again in a moment; if it keeps happening, contact your administrator.',
    reference: (id) => `Reference: ${id}`,
  },

  time: {
    daysLeft: (n) => (n <= 0 ? 'today' : `in ${plural(n, 'day', 'days')}`),
  },

  reminder: {
    title: 'Reminder: a request awaits your decision',
    waited: (days, expires) => `It has waited ${plural(days, 'day', 'days')} for a decision. If nobody decides, it expires on ${expires}.`,
  },

  join: {
    waitingFor: (org) => `Waiting for ${org} to join Partner Link`,
    whatToDo: (org) =>
      `Nobody at ${org} can approve yet: none of its admins has opened Partner Link. Ask them to open Partner Link in Teams or Slack; your request reaches them the moment they do.`,
    notifyTitle: 'Your request is waiting',
    choiceMark: ' · nobody on Partner Link yet',
    formNote: '"Nobody on Partner Link yet": you can send the request, and it reaches their admins once one of them opens Partner Link.',
  },
};
