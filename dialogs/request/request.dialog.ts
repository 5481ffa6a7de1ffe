import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { confirmationCard, refusalCard, submittedCard, type SubmitFormAction } from '../../cards';
import { checkFiler, isClosed, type Organization, type Person, type Refusal, type RequestSubject, type Validation, type Verdict } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import { DialogError } from '../dialog-errors';
import type { Recognition } from '../recognition';
import { sendCard } from '../replies';
import { cardContext, turnInfo, type TurnInfo } from '../turn-info';
import { orgsFor, requestView, subjectOrgIds } from '../../domain';
import { yesNo } from './confirm-words';
import type { SlotSpec, Slots, SpecContext } from './slot-spec';
import { requestDialogText } from './request-dialog.text';
import { describeRequest, workText } from '../work/work.text';
import { answerPolicyQuestion } from '../policy/policy-answer';
import { firstEntity } from '../recognition/entity-helpers';
import { answerAboutChoices, asksWhichChoice, isQuestion } from './form-questions';

/** Slots that name a choice on the form (an organization, a subscription), unlike the workload. */
const CHOICE_SLOTS: ReadonlySet<string> = new Set(['providerId', 'partnerId', 'subscriptionId']);

export interface RequestDialogOptions {
  recognition?: Recognition;
  action?: SubmitFormAction;
  /** Issue 15: start from these slots (the request being changed or filed again). */
  prefill?: Slots;
  /** Issue 15: this dialog changes the open request with this ID instead of filing a new one. */
  change?: { requestId: string };
}

/** Everything this dialog keeps between turns: plain data, stored with the conversation. */
interface State {
  slots: Slots;
  stage: 'collect' | 'confirm';
  draftId?: string;
  refusal?: Refusal;
  /** Issue 15: the open request this dialog changes (a new version), instead of filing a new one. */
  change?: { requestId: string };
  /** Issue 18: "Change" was chosen on the confirmation: every slot is asked again until the form comes back. */
  editing?: boolean;
}

/**
 * One request, start to finish: fills the slots from what the person typed or picked on a card, asks
 * for what is missing offering only eligible choices, validates with the domain (re-asking with the
 * rule's reason), confirms with a summary, files the request and tells the approvers.
 */
export class RequestDialog extends Dialog<RequestDialogOptions> {
  constructor(private readonly spec: SlotSpec, private readonly deps: DialogDeps) {
    super(spec.kind);
  }

  override async beginDialog(dc: DialogContext, options: RequestDialogOptions = {}): Promise<DialogTurnResult> {
    const ctx = await this.context(dc.context);
    if (!ctx) return dc.endDialog();
    const notFiler = checkFiler(this.spec.kind, ctx.org);
    if (notFiler) {
      await sendCard(dc.context, refusalCard({ refusals: [notFiler] }, cardContext(ctx.info)));
      return dc.endDialog();
    }
    const named = {
      ...(options.recognition ? await this.spec.fromEntities(options.recognition, ctx) : {}),
      ...(options.action ? this.spec.fromForm(options.action) : {}),
    };
    const slots: Slots = { ...options.prefill, ...named };
    // Work on the stored state object itself: whatever advance() sets (the draft ID) must persist.
    const state = dc.activeDialog!.state as State;
    state.slots = slots;
    state.stage = 'collect';
    if (options.change) {
      state.change = options.change;
      // Nothing new named yet ("change my request"): show the form with the current values to change.
      // (the form offers only eligible choices, so it starts empty rather than from the current values).
      const changed = Object.entries(named).some(([k, v]) => options.prefill?.[k] !== v);
      if (!changed) {
        state.slots = { ...named };
        return this.advance(dc, state, ctx);
      }
    } else if (!options.prefill) {
      await this.mentionOpen(dc.context, ctx);
    }
    return this.advance(dc, state, ctx);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const ctx = await this.context(dc.context);
    if (!ctx) return dc.endDialog();
    const state = dc.activeDialog!.state as State;
    const { action, recognition } = ctx.info;
    const t = requestDialogText(ctx.info.locale);
    if (action?.verb === 'submit_form' && action.form === this.spec.kind) {
      Object.assign(state.slots, this.spec.fromForm(action));
      state.stage = 'collect';
      delete state.editing;
      return this.advance(dc, state, ctx);
    }
    if (action?.verb === 'confirm' || action?.verb === 'edit') {
      if (state.stage !== 'confirm' || action.draftId !== state.draftId) {
        await dc.context.sendActivity(t.staleCard);
        return this.reprompt(dc, state, ctx);
      }
      if (action.verb === 'confirm') return this.submit(dc, state, ctx);
      state.stage = 'collect';
      state.editing = true;
      return this.advance(dc, state, { ...ctx, askAll: true });
    }
    const text = dc.context.activity.text?.trim();
    if (text && state.stage === 'confirm') {
      const answer = yesNo(text);
      if (answer === 'yes') return this.submit(dc, state, ctx);
      if (answer === 'no') {
        await dc.context.sendActivity(t.notFiled);
        return dc.endDialog();
      }
    }
    // Issue 18: a question about the choices ("which of these two can do Dynamics 365?") is answered,
    // never taken for a choice; then the form (or the confirmation) is shown again.
    if (text && recognition && asksWhichChoice(text)) {
      const workload = firstEntity(recognition, 'workload')?.value;
      const choices = await this.spec.choices(state.slots, { ...ctx, ...(state.editing ? { askAll: true } : {}) }, workload);
      await dc.context.sendActivity(answerAboutChoices(choices, workload, ctx.info.locale));
      return this.reprompt(dc, state, ctx);
    }
    if (text && recognition) {
      const found = await this.spec.fromEntities(recognition, ctx);
      // A question about the rules mid-form is answered from the rules, and the form goes on: a workload
      // it names is not a choice. One naming a partner, distributor or subscription ("what about Wingtip?
      // can we link with them instead?") picks it.
      if (recognition.intent === 'policy_question' && isQuestion(text) && !Object.keys(found).some((slot) => CHOICE_SLOTS.has(slot))) {
        for (const paragraph of answerPolicyQuestion(recognition, this.deps.policy, ctx.info.locale)) await dc.context.sendActivity(paragraph);
        return this.reprompt(dc, state, ctx);
      }
      if (Object.keys(found).length) {
        Object.assign(state.slots, found);
        state.stage = 'collect';
        delete state.editing;
        return this.advance(dc, state, ctx);
      }
    }
    await dc.context.sendActivity(state.stage === 'confirm' ? t.confirmHint : t.chooseHint);
    return this.reprompt(dc, state, ctx);
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    const ctx = await this.context(context);
    if (!ctx) return;
    await this.show(context, instance.state as State, ctx);
  }

  private async reprompt(dc: DialogContext, state: State, ctx: SpecContext): Promise<DialogTurnResult> {
    await this.show(dc.context, state, ctx);
    return Dialog.EndOfTurn;
  }

  /** Shows the current step again: the form (every slot while editing), or the confirmation card. */
  private async show(context: TurnContext, state: State, ctx: SpecContext): Promise<void> {
    const next = await this.spec.next(state.slots, { ...ctx, ...(state.refusal ? { refusal: state.refusal } : {}), ...(state.editing ? { askAll: true } : {}) });
    if (next.kind === 'ask') await sendCard(context, next.card);
    else if (next.kind === 'ready' && state.stage === 'confirm' && state.draftId) await this.confirm(context, next.subject, state.draftId, ctx);
  }

  private async context(context: TurnContext): Promise<SpecContext | undefined> {
    const info: TurnInfo = turnInfo(context);
    const person: Person | undefined = info.person;
    const org: Organization | undefined = person ? await this.deps.directory.getOrganization(person.orgId) : undefined;
    return person && org ? { deps: this.deps, person, org, info } : undefined;
  }

  private async advance(dc: DialogContext, state: State, ctx: SpecContext): Promise<DialogTurnResult> {
    for (let guard = 0; guard < 4; guard++) {
      const next = await this.spec.next(state.slots, { ...ctx, ...(state.refusal ? { refusal: state.refusal } : {}) });
      if (next.kind === 'stop') {
        await sendCard(dc.context, next.card ?? refusalCard({ refusals: next.refusals }, cardContext(ctx.info)));
        return dc.endDialog();
      }
      if (next.kind === 'retry') {
        delete state.slots[next.clear];
        state.refusal = next.refusal;
        continue;
      }
      if (next.kind === 'ask') {
        await sendCard(dc.context, next.card);
        delete state.refusal;
        return Dialog.EndOfTurn;
      }
      const validation = await this.deps.service.validate(next.subject, ctx.person);
      const refusals = validation.kind === 'refused' ? [validation.refusal] : validation.verdict.refusals;
      if (validation.kind === 'checked' && refusals.length === 0) {
        state.stage = 'confirm';
        state.draftId = randomUUID().replace(/-/g, '').slice(0, 16);
        await this.confirm(dc.context, next.subject, state.draftId, ctx, validation.verdict);
        return Dialog.EndOfTurn;
      }
      const fixable = refusals.find((r) => r.field && this.spec.slots.includes(r.field));
      if (!fixable) {
        await sendCard(dc.context, refusalCard({ refusals }, cardContext(ctx.info)));
        return dc.endDialog();
      }
      delete state.slots[fixable.field!];
      state.refusal = fixable;
      ctx = { ...ctx, askAll: false };
    }
    throw new DialogError('DIALOG_NO_PROGRESS', `${this.spec.kind}: no progress after several refusals`);
  }

  private async confirm(context: TurnContext, subject: RequestSubject, draftId: string, ctx: SpecContext, known?: Verdict): Promise<void> {
    const validation: Validation = known ? { kind: 'checked', verdict: known } : await this.deps.service.validate(subject, ctx.person);
    if (validation.kind === 'refused') return;
    const { verdict } = validation;
    const organizations = await orgsFor(this.deps.directory, subjectOrgIds(subject));
    const subscription = subject.kind === 'multichannel_support' ? await this.deps.directory.getSubscription(subject.subscriptionId) : undefined;
    const card = confirmationCard({ draftId, subject, organizations, requester: ctx.person, verdict, ...(subscription ? { subscription } : {}) }, cardContext(ctx.info));
    await sendCard(context, card);
  }

  private async submit(dc: DialogContext, state: State, ctx: SpecContext): Promise<DialogTurnResult> {
    const next = await this.spec.next(state.slots, ctx);
    if (next.kind !== 'ready') {
      state.stage = 'collect';
      return this.advance(dc, state, ctx);
    }
    if (state.change) return this.submitChange(dc, state, ctx, next.subject);
    const outcome = await this.deps.service.submit(next.subject, ctx.person, {
      platform: ctx.info.platform,
      ...(state.draftId ? { commandId: state.draftId } : {}),
    });
    if (outcome.kind === 'refused') {
      const fixable = outcome.refusals.find((r) => r.field && this.spec.slots.includes(r.field));
      if (!fixable) {
        await sendCard(dc.context, refusalCard({ refusals: outcome.refusals }, cardContext(ctx.info)));
        return dc.endDialog();
      }
      delete state.slots[fixable.field!];
      state.refusal = fixable;
      state.stage = 'collect';
      return this.advance(dc, state, ctx);
    }
    const awaitingJoin = await this.deps.reach.awaitingJoin(outcome.request);
    const view = { ...(await requestView(this.deps.directory, outcome.request)), ...(awaitingJoin ? { awaitingJoin } : {}) };
    await sendCard(dc.context, submittedCard({ view, approvers: outcome.approvers, advisories: outcome.advisories }, cardContext(ctx.info)));
    if (outcome.kind === 'submitted') await this.deps.notifier.approvalRequested(outcome.request);
    return dc.endDialog(outcome.request.id);
  }

  // --- Issue 15: asking for a request while one of the same kind is open names it; changing one. ---

  /** A new request of a kind the person already has open: say which one, and how to change it instead. */
  private async mentionOpen(context: TurnContext, ctx: SpecContext): Promise<void> {
    const open = (await this.deps.service.listMine(ctx.person.id)).filter((r) => r.subject.kind === this.spec.kind && !isClosed(r.status));
    if (!open.length) return;
    const organizations = await orgsFor(this.deps.directory, open.flatMap((r) => subjectOrgIds(r.subject)));
    await context.sendActivity(workText(ctx.info.locale).alreadyOpen(open.map((r) => describeRequest(r, organizations, ctx.info.locale))));
  }

  /** Files the change as a new version of the open request; its approvers get the new card. */
  private async submitChange(dc: DialogContext, state: State, ctx: SpecContext, subject: RequestSubject): Promise<DialogTurnResult> {
    const outcome = await this.deps.service.change(state.change!.requestId, subject, ctx.person, {
      platform: ctx.info.platform,
      ...(state.draftId ? { commandId: state.draftId } : {}),
    });
    const cctx = cardContext(ctx.info);
    if (outcome.kind === 'refused') {
      const fixable = outcome.refusal.field && this.spec.slots.includes(outcome.refusal.field) ? outcome.refusal : undefined;
      if (!fixable) {
        await sendCard(dc.context, refusalCard({ refusals: [outcome.refusal] }, cctx));
        return dc.endDialog();
      }
      delete state.slots[fixable.field!];
      state.refusal = fixable;
      state.stage = 'collect';
      return this.advance(dc, state, ctx);
    }
    if (outcome.kind === 'applied') await this.deps.notifier.requestUpdated(outcome.request, outcome.previous);
    const view = await requestView(this.deps.directory, outcome.request);
    await dc.context.sendActivity(workText(ctx.info.locale).changed(outcome.request.id, outcome.request.version));
    await sendCard(dc.context, submittedCard({ view, approvers: view.deciders ?? [] }, cctx));
    return dc.endDialog(outcome.request.id);
  }
}
