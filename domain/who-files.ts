import type { Bilingual } from './messages';
import type { Organization, OrganizationKind } from './organization';
import type { RequestKind } from './request';
import { refusal, type Refusal } from './result';
import { nameOf } from './rules';

/** Which kind of organization files each kind of request. */
export const FILED_BY: Readonly<Record<RequestKind, readonly OrganizationKind[]>> = {
  link_distributor: ['indirect_reseller'],
  add_partner: ['customer'],
  multichannel_support: ['customer'],
};

const KIND_LABELS: Record<OrganizationKind, Bilingual> = {
  indirect_provider: { en: 'a distributor (indirect provider)', ja: 'ディストリビューター (間接プロバイダー)' },
  indirect_reseller: { en: 'an indirect reseller', ja: '間接リセラー' },
  direct_bill_partner: { en: 'a direct-bill partner', ja: '直接請求パートナー' },
  customer: { en: 'a customer', ja: '顧客' },
};

const WHO: Record<RequestKind, Bilingual> = {
  link_distributor: { en: 'an indirect reseller', ja: '間接リセラー' },
  add_partner: { en: 'the customer', ja: '顧客' },
  multichannel_support: { en: 'the customer', ja: '顧客' },
};

const INSTEAD: Record<RequestKind, Bilingual> = {
  link_distributor: {
    en: 'If you are a distributor, your resellers can ask to link with you here.',
    ja: 'ディストリビューターの場合は、リセラーからここで連携の申請を受けられます。',
  },
  add_partner: {
    en: 'Ask your customer to add you as a partner; their request will reach your admins.',
    ja: 'お客様にパートナーとしての追加を依頼してください。申請は御社の管理者に届きます。',
  },
  multichannel_support: {
    en: 'Ask your customer to request your support for the subscription; it will reach your admins.',
    ja: 'お客様から、サブスクリプションのサポートを依頼していただくようお伝えください。申請は御社の管理者に届きます。',
  },
};

/** Whether this organization can file this kind of request at all, before any other rule. */
export function checkFiler(kind: RequestKind, org: Organization): Refusal | undefined {
  if (FILED_BY[kind].includes(org.kind)) return undefined;
  return refusal('REQUEST_NOT_FOR_ORGANIZATION', { org: nameOf(org), orgKind: KIND_LABELS[org.kind], who: WHO[kind], instead: INSTEAD[kind] });
}
