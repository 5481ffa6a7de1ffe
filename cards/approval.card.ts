import { currentApproverOrg } from '../domain';
import { INPUT_IDS, REASON_MAX_LENGTH } from './actions';
import { button, refreshExecute } from './click';
import { adaptiveCard, bullets, factSet, heading, nestedCard, note, showCard, styled, subheading, textBlock, textInput } from './elements';
import { orgNamer } from './format';
import { addPartnerFulfilmentBlock } from './add-partner-fulfilment';
import type { ApprovalModel, ApprovalOptions, CardContext } from './models';
import { expiryText, historyLines, identityFacts, requestFacts } from './request-facts';
import type { AdaptiveCard, CardActionElement, CardElement, Refresh } from './schema';
import { stringsFor } from './strings';

/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

/**
 * The card an approver acts on: the request, who asks, the checks that passed, and Approve / Reject
 * (with a required reason). With Universal Actions (the default) it carries a refresh for the approvers
 * only, so their clients always fetch the current card (this one while it waits, the decided card after)
 * while everyone else keeps what was posted. `{ universalActions: false }` gives the same card with
 * Action.Submit buttons and no refresh, for older clients; `{ buttons: false }` the view without buttons.
 * Without approver user IDs there is no refresh (Teams would otherwise refresh it for everyone).
 */
export function approvalCard(model: ApprovalModel, ctx: CardContext, options: ApprovalOptions = {}): AdaptiveCard {
  const s = stringsFor(ctx.locale);
  const r = model.view.request;
  const names = orgNamer(model.view.organizations, ctx.locale);
  const requesterOrg = names.find(r.requester.orgId);
  const step = r.steps[r.stage];
  const awaiting = currentApproverOrg(r);
  const universal = options.universalActions !== false;
  const withButtons = options.buttons !== false && awaiting !== undefined;
  const checks = r.checks.map((code) => s.check[code]);
  const asker = model.view.requester?.name ?? names.name(r.requester.orgId);

  const body: CardElement[] = [
    ...(options.reminder
      ? [heading(s.reminder.title), styled('attention', [textBlock(s.reminder.waited(options.reminder.waitedDays, expiryText(r, s, ctx)))])]
      : [heading(s.approval.title)]),
    textBlock(s.approval.asks(asker, names.name(r.requester.orgId), s.kind[r.subject.kind])),
    ...(step && r.steps.length > 1 ? [note(s.approval.stepOf(r.stage + 1, r.steps.length, s.approverRole[step.as]))] : []),
    ...historyLines(model.view, s, ctx).map((line) => textBlock(line, { spacing: 'small' })),
    factSet([...requestFacts(model.view, names, s, ctx), ...identityFacts(requesterOrg, s)], { spacing: 'medium' }),
    // Issue 17: at the customer's step of an add-partner request, the link its Global admin opens (or what the partner does).
    ...(awaiting && step?.as === 'customer' ? addPartnerFulfilmentBlock(r, names, s) : []),
    subheading(s.approval.checksTitle),
    checks.length > 0 ? bullets(checks, { marker: '✓', spacing: 'small' }) : note(s.approval.noChecks),
    ...(awaiting
      ? [styled('emphasis', [textBlock(withButtons ? s.approval.respondBy(expiryText(r, s, ctx)) : s.approval.waitingFor(names.name(awaiting)))])]
      : []),
  ];

  const actions: CardActionElement[] = [];
  if (withButtons) {
    const ids = { requestId: r.id, version: r.version };
    const reject = nestedCard(
      [
        textInput(INPUT_IDS.reason, s.approval.reasonLabel, {
          isRequired: true,
          errorMessage: s.approval.reasonError,
          placeholder: s.approval.reasonPlaceholder,
          isMultiline: true,
          maxLength: REASON_MAX_LENGTH,
        }),
      ],
      [button(s.button.sendRejection, { verb: 'reject', ...ids }, { universalActions: universal, style: 'destructive' })],
    );
    actions.push(
      button(s.button.approve, { verb: 'approve', ...ids }, { universalActions: universal, style: 'positive', inputs: 'none' }),
      showCard(s.button.reject, reject, 'destructive'),
      // Issue 15: the detail card has Hand over and Add a note.
      button(s.button.details, { verb: 'show_request', requestId: r.id }, { universalActions: universal, inputs: 'none' }),
    );
  }
  const refresh: Refresh | undefined =
    universal && awaiting && model.approverUserIds.length > 0
      ? { action: refreshExecute(r.id, r.version), userIds: model.approverUserIds.slice(0, MAX_REFRESH_USERS) }
      : undefined;

  return adaptiveCard(body, {
    locale: ctx.locale,
    fallbackText: `${options.reminder ? s.reminder.title : s.approval.title}: ${r.id} (${s.kind[r.subject.kind]})`,
    actions,
    ...(refresh ? { refresh } : {}),
  });
}
