import {
  DEFAULT_POLICY,
  OrganizationSchema,
  PersonSchema,
  RequestSchema,
  SubscriptionSchema,
  validateMultichannel,
  type AuditEntry,
  type OrganizationInput,
  type PartnerRequest,
  type PersonInput,
  type SubscriptionInput,
} from '../../domain';

/**
 * Fictional but realistic sample data for the card tests and the gallery. Everything goes through the
 * domain's schemas, so a sample can never be something the domain would not produce.
 */

export const NOW = new Date('2025-06-10T01:00:00Z');
const at = (iso: string) => new Date(iso);

const org = (o: OrganizationInput) => OrganizationSchema.parse(o);
export const ORGS = {
  sakura: org({
    id: 'sakura-cloud', kind: 'indirect_reseller', name: 'Sakura Cloud Solutions', nameJa: 'さくらクラウドソリューションズ',
    partnerId: '7012345', tenantId: '60718293-a4b5-46cd-97e8-f90a1b2c3d45', country: 'JP',
    primaryDomain: 'sakuracloud.onmicrosoft.com', workloads: ['microsoft365', 'azure'],
  }),
  contoso: org({
    id: 'contoso-distribution-jp', kind: 'indirect_provider', name: 'Contoso Distribution Japan',
    nameJa: 'コントソ・ディストリビューション・ジャパン', partnerId: '4801123',
    tenantId: '8a1f6c2e-3b4d-4e5f-9a6b-7c8d9e0f1a21', country: 'JP',
    workloads: ['microsoft365', 'azure', 'dynamics365', 'power_platform'],
  }),
  tailspin: org({
    id: 'tailspin-distribution-jp', kind: 'indirect_provider', name: 'Tailspin Distribution KK',
    nameJa: 'テイルスピン・ディストリビューション', partnerId: '4801877',
    tenantId: '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9', country: 'JP', workloads: ['microsoft365', 'azure'],
  }),
  yamato: org({
    id: 'yamato-manufacturing', kind: 'customer', name: 'Yamato Manufacturing Co., Ltd.', nameJa: '大和製造株式会社',
    tenantId: 'e8f90a1b-2c3d-4e45-9f60-718293a4b5c6', country: 'JP', primaryDomain: 'yamatomfg.onmicrosoft.com',
  }),
  trey: org({
    id: 'trey-research-direct', kind: 'direct_bill_partner', name: 'Trey Research Direct', nameJa: 'トレイ・リサーチ・ダイレクト',
    partnerId: '8101234', tenantId: 'c6d7e8f9-0a1b-4c23-9d4e-5f60718293a4', country: 'JP', workloads: ['azure', 'microsoft365'],
  }),
  fuji: org({
    id: 'fuji-it-partners', kind: 'indirect_reseller', name: 'Fuji IT Partners', nameJa: '富士ITパートナーズ',
    partnerId: '7023456', tenantId: '718293a4-b5c6-47de-88f9-0a1b2c3d4e56', country: 'JP',
    workloads: ['microsoft365', 'dynamics365', 'power_platform'],
  }),
};
export const ORGANIZATIONS = Object.values(ORGS);

const person = (p: PersonInput) => PersonSchema.parse(p);
export const PEOPLE = {
  haruka: person({
    id: 'haruka-sato', orgId: 'sakura-cloud', name: 'Haruka Sato', email: 'haruka.sato@sakuracloud.example', roles: ['requester'],
    locale: 'ja', timeZone: 'Asia/Tokyo',
    identities: [{ platform: 'teams', aadObjectId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0' }],
  }),
  kenji: person({
    id: 'kenji-tanaka', orgId: 'contoso-distribution-jp', name: 'Kenji Tanaka', email: 'kenji.tanaka@contosodist.example',
    roles: ['admin'], locale: 'ja', timeZone: 'Asia/Tokyo',
  }),
  emily: person({
    id: 'emily-carter', orgId: 'contoso-distribution-jp', name: 'Emily Carter', email: 'emily.carter@contosodist.example',
    roles: ['admin'], locale: 'en', timeZone: 'Asia/Tokyo',
  }),
  aiko: person({
    id: 'aiko-yamamoto', orgId: 'yamato-manufacturing', name: 'Aiko Yamamoto', email: 'aiko.yamamoto@yamatomfg.example',
    roles: ['requester', 'admin'], locale: 'ja', timeZone: 'Asia/Tokyo',
  }),
  daniel: person({
    id: 'daniel-brooks', orgId: 'trey-research-direct', name: 'Daniel Brooks', email: 'daniel.brooks@treyresearch.example',
    roles: ['admin'], locale: 'en', timeZone: 'America/Los_Angeles',
  }),
};

const sub = (s: SubscriptionInput) => SubscriptionSchema.parse(s);
export const SUBSCRIPTIONS = {
  m365Ea: sub({
    id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', customerId: 'yamato-manufacturing', name: 'Microsoft 365 E3 (EA)',
    workload: 'microsoft365', channel: 'ea', billing: 'license', termEndsOn: '2025-03-31',
  }),
  azureDirect: sub({
    id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', customerId: 'yamato-manufacturing', name: 'Azure production (pay-as-you-go)',
    workload: 'azure', channel: 'microsoft_direct', billing: 'usage',
  }),
};

/** Teams user MRIs of the Contoso admins (who see the buttons after a refresh). */
export const APPROVER_USER_IDS = ['29:1Kx9fQ2mZr7TbN4cLw8Vd3Hs6Yp0Ae5Gj', '29:1Qm3zXv8Rt6Ln2Bc9Wd4Fs7Hy1Ku5Pe0Ja'];

const submit = (when: string, by: typeof PEOPLE.haruka): AuditEntry[] => [
  { at: at(when), actor: { type: 'person', personId: by.id, name: by.name, orgId: by.orgId }, platform: 'teams', action: 'submit', from: null, to: 'submitted' },
  { at: at(when), actor: { type: 'system', name: 'Partner Link' }, platform: 'system', action: 'route', from: 'submitted', to: 'pending_approval' },
];

const LINK_CHECKS = [
  'REQUESTER_NOT_IN_ORGANIZATION', 'RESELLER_NOT_ENROLLED', 'PROVIDER_NOT_AUTHORIZED', 'REGION_MISMATCH',
  'CLOUD_MISMATCH', 'CLOUD_CLOSED', 'DUPLICATE_RELATIONSHIP', 'DUPLICATE_PENDING_REQUEST',
] as const;

/** Sakura Cloud Solutions asks to link with Contoso Distribution Japan: waiting for Contoso's admins. */
export const linkPending: PartnerRequest = RequestSchema.parse({
  id: 'PL-7K2M9Q4D',
  subject: { kind: 'link_distributor', resellerId: 'sakura-cloud', providerId: 'contoso-distribution-jp' },
  status: 'pending_approval',
  version: 2,
  requester: { personId: 'haruka-sato', orgId: 'sakura-cloud', platform: 'teams' },
  steps: [{ orgId: 'contoso-distribution-jp', as: 'provider' }],
  stage: 0,
  createdAt: at('2025-06-09T00:15:00Z'),
  updatedAt: at('2025-06-09T00:15:00Z'),
  expiresAt: at('2025-09-07T00:15:00Z'),
  checks: [...LINK_CHECKS],
  audit: submit('2025-06-09T00:15:00Z', PEOPLE.haruka),
});

const kenji = { type: 'person' as const, personId: 'kenji-tanaka', name: 'Kenji Tanaka', orgId: 'contoso-distribution-jp' };

/** The same request, rejected by Kenji Tanaka with a reason. */
export const linkRejected: PartnerRequest = RequestSchema.parse({
  ...linkPending,
  status: 'rejected',
  version: 3,
  updatedAt: at('2025-06-10T00:40:00Z'),
  steps: [{ orgId: 'contoso-distribution-jp', as: 'provider', decidedBy: 'kenji-tanaka', decidedAt: at('2025-06-10T00:40:00Z') }],
  decision: {
    status: 'rejected', actor: kenji, platform: 'teams', at: at('2025-06-10T00:40:00Z'),
    reason: 'Please sign the Microsoft Partner Agreement in Partner Center first, then ask again.',
  },
  audit: [
    ...linkPending.audit,
    { at: at('2025-06-10T00:40:00Z'), actor: kenji, platform: 'teams', action: 'reject', from: 'pending_approval', to: 'rejected', stage: 0,
      reason: 'Please sign the Microsoft Partner Agreement in Partner Center first, then ask again.' },
  ],
});

/** The same request, approved by Kenji Tanaka. */
export const linkApproved: PartnerRequest = RequestSchema.parse({
  ...linkPending,
  status: 'approved',
  version: 3,
  steps: [{ orgId: 'contoso-distribution-jp', as: 'provider', decidedBy: 'kenji-tanaka', decidedAt: at('2025-06-10T00:40:00Z') }],
  decision: { status: 'approved', actor: kenji, platform: 'teams', at: at('2025-06-10T00:40:00Z') },
  audit: [
    ...linkPending.audit,
    { at: at('2025-06-10T00:40:00Z'), actor: kenji, platform: 'teams', action: 'approve', from: 'pending_approval', to: 'approved', stage: 0 },
  ],
});

const daniel = { type: 'person' as const, personId: 'daniel-brooks', name: 'Daniel Brooks', orgId: 'trey-research-direct' };

/** Yamato adds Trey Research for Azure: Trey approved, now the customer's admin consents. */
export const addPartnerStep2: PartnerRequest = RequestSchema.parse({
  id: 'PL-3H8N5R2W',
  subject: { kind: 'add_partner', customerId: 'yamato-manufacturing', partnerId: 'trey-research-direct', workload: 'azure' },
  status: 'pending_approval',
  version: 3,
  requester: { personId: 'aiko-yamamoto', orgId: 'yamato-manufacturing', platform: 'slack' },
  steps: [
    { orgId: 'trey-research-direct', as: 'partner', decidedBy: 'daniel-brooks', decidedAt: at('2025-06-06T17:05:00Z') },
    { orgId: 'yamato-manufacturing', as: 'customer' },
  ],
  stage: 1,
  createdAt: at('2025-06-05T02:30:00Z'),
  updatedAt: at('2025-06-06T17:05:00Z'),
  expiresAt: at('2025-09-03T02:30:00Z'),
  checks: ['REQUESTER_NOT_IN_ORGANIZATION', 'NOT_A_CUSTOMER_PARTNER', 'CSP_TO_CSP_RESALE', 'WORKLOAD_NOT_OFFERED', 'REGION_MISMATCH', 'CLOUD_MISMATCH', 'CLOUD_CLOSED', 'DUPLICATE_RELATIONSHIP', 'DUPLICATE_PENDING_REQUEST'],
  audit: [
    ...submit('2025-06-05T02:30:00Z', PEOPLE.aiko).map((e) => ({ ...e, platform: e.platform === 'teams' ? ('slack' as const) : e.platform })),
    { at: at('2025-06-06T17:05:00Z'), actor: daniel, platform: 'teams', action: 'approve', from: 'pending_approval', to: 'pending_approval', stage: 0 },
  ],
});

/** Yamato asks Sakura Cloud Solutions to support an EA subscription; cancelled by the requester. */
export const multichannelCancelled: PartnerRequest = RequestSchema.parse({
  id: 'PL-9T4C6B1X',
  subject: { kind: 'multichannel_support', customerId: 'yamato-manufacturing', partnerId: 'sakura-cloud', subscriptionId: SUBSCRIPTIONS.azureDirect.id },
  status: 'cancelled',
  version: 3,
  requester: { personId: 'aiko-yamamoto', orgId: 'yamato-manufacturing', platform: 'slack' },
  steps: [{ orgId: 'sakura-cloud', as: 'partner' }],
  stage: 0,
  createdAt: at('2025-05-20T06:00:00Z'),
  updatedAt: at('2025-05-21T01:10:00Z'),
  expiresAt: at('2025-08-18T06:00:00Z'),
  checks: [],
  decision: {
    status: 'cancelled', actor: { type: 'person', personId: 'aiko-yamamoto', name: 'Aiko Yamamoto', orgId: 'yamato-manufacturing' },
    platform: 'slack', at: at('2025-05-21T01:10:00Z'), reason: 'We will renew through our EA this year.',
  },
  audit: [],
});

/** An older link request nobody decided in time. */
export const linkExpired: PartnerRequest = RequestSchema.parse({
  ...linkPending,
  id: 'PL-2B6D8F0H',
  subject: { kind: 'link_distributor', resellerId: 'sakura-cloud', providerId: 'tailspin-distribution-jp' },
  steps: [{ orgId: 'tailspin-distribution-jp', as: 'provider' }],
  status: 'expired',
  version: 3,
  createdAt: at('2025-01-10T03:00:00Z'),
  expiresAt: at('2025-04-10T03:00:00Z'),
  decision: { status: 'expired', actor: { type: 'system', name: 'Partner Link' }, platform: 'system', at: at('2025-04-10T03:00:00Z') },
  audit: [
    ...submit('2025-01-10T03:00:00Z', PEOPLE.haruka),
    { at: at('2025-04-10T03:00:00Z'), actor: { type: 'system', name: 'Partner Link' }, platform: 'system', action: 'expire', from: 'pending_approval', to: 'expired' },
  ],
});

/** A real verdict from the domain's rules: Sakura Cloud Solutions to support Yamato's Azure subscription. */
export const multichannelVerdict = validateMultichannel({
  requester: PEOPLE.aiko,
  customer: ORGS.yamato,
  partner: ORGS.sakura,
  subscription: SUBSCRIPTIONS.azureDirect,
  relationships: [],
  policy: DEFAULT_POLICY,
  now: NOW,
});

/** A real refusal: the EA Microsoft 365 subscription is license-based and still in its term (as of early 2025). */
export const midTermVerdict = validateMultichannel({
  requester: PEOPLE.aiko,
  customer: ORGS.yamato,
  partner: ORGS.sakura,
  subscription: SUBSCRIPTIONS.m365Ea,
  relationships: [],
  policy: DEFAULT_POLICY,
  now: new Date('2025-01-15T00:00:00Z'),
});
