import { gdapRoleName, isMicrosoftAdminLink, type PartnerRequest, type RequestSubject } from '../domain';
import { actionSet, note, textBlock } from './elements';
import type { orgNamer } from './format';
import type { CardElement, OpenUrlAction } from './schema';
import type { stringsFor } from './strings';

type Strings = ReturnType<typeof stringsFor>;
type Names = ReturnType<typeof orgNamer>;

/** The admin roles an add-partner request asks for (GDAP), named in the reader's language. */
export function adminRolesText(subject: RequestSubject, s: Strings): string | undefined {
  if (subject.kind !== 'add_partner' || !subject.adminRoles?.length) return undefined;
  return subject.adminRoles.map((id) => {
    const name = gdapRoleName(id);
    return name ? s.addPartnerLink.roles[name] : id;
  }).join(', ');
}

const openUrl = (title: string, url: string): OpenUrlAction => ({ type: 'Action.OpenUrl', title, url });

/**
 * Issue 17: what makes an added partner real in Microsoft, on the customer admin's approval card and on
 * the completing card: the acceptance link from Partner Center with who must open it and what it does,
 * or that it will follow, or what the partner itself must do in Partner Center; and the GDAP approval
 * link when admin access was asked for. Links are drawn only when https on a microsoft.com host (checked
 * again here). Nothing when the request has no fulfilment (Partner Center off, or not that far yet).
 */
export function addPartnerFulfilmentBlock(r: PartnerRequest, names: Names, s: Strings): CardElement[] {
  const f = r.fulfilment;
  if (r.subject.kind !== 'add_partner' || !f) return [];
  const t = s.addPartnerLink;
  const customer = names.name(r.subject.customerId);
  const partner = names.name(r.subject.partnerId);
  const out: CardElement[] = [textBlock(t.title, { weight: 'bolder', spacing: 'medium' })];
  if (f.link === 'ready' && f.url && isMicrosoftAdminLink(f.url)) {
    out.push(textBlock(t.ready(customer, partner), { spacing: 'small' }), actionSet([openUrl(t.button, f.url)], { spacing: 'small' }));
  } else if (f.link === 'partner_acts') {
    out.push(textBlock(t.partnerActs(partner, customer), { spacing: 'small' }));
  } else {
    out.push(note(t.pending, { spacing: 'small' }));
  }
  const roles = adminRolesText(r.subject, s);
  if (roles) {
    const g = f.gdap;
    if (g?.state === 'requested' && g.approvalUrl && isMicrosoftAdminLink(g.approvalUrl)) {
      out.push(textBlock(t.gdapReady(customer, partner, roles), { spacing: 'small' }), actionSet([openUrl(t.gdapButton, g.approvalUrl)], { spacing: 'small' }));
    } else if (g?.state === 'failed' && g.lastError === 'GDAP_NOT_OPERATOR') {
      out.push(note(t.gdapOtherPartner(partner), { spacing: 'small' }));
    } else if (g?.state === 'failed' || (g?.state === 'requested' && !g.approvalUrl)) {
      out.push(note(t.gdapFailed, { spacing: 'small' }));
    } else {
      out.push(note(t.gdapPending, { spacing: 'small' }));
    }
  }
  return out;
}

/**
 * Issue 17: on the completed card of an add-partner request whose GDAP relationship was created: that it
 * is active with which roles, and whether the roles were given to the operator's security group or the
 * partner still assigns them to a group itself (until then nobody can use them).
 */
export function gdapCompletedBlock(r: PartnerRequest, names: Names, s: Strings): CardElement[] {
  const g = r.fulfilment?.gdap;
  const roles = adminRolesText(r.subject, s);
  if (r.status !== 'completed' || r.subject.kind !== 'add_partner' || g?.state !== 'requested' || !roles) return [];
  const t = s.addPartnerLink;
  const partner = names.name(r.subject.partnerId);
  return [
    textBlock(t.gdapActive(partner, names.name(r.subject.customerId), roles), { spacing: 'medium' }),
    note(g.access ? t.gdapAssigned(partner) : t.gdapToAssign(partner, names.name(r.subject.customerId)), { spacing: 'small' }),
  ];
}
