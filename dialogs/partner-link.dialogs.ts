import { randomUUID } from 'node:crypto';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { clarifyCard, clarifyStrings, type ClarifyIntent } from '../cards';
import { REQUEST_KINDS, type Locale, type Organization, type RequestKind } from '../domain';
import { handleRequestAction, isRequestAction } from './actions/request-actions';
import { isStartOver, isStop, languageSwitch, type ConversationPrefs } from './conversation-prefs';
import type { DialogDeps } from './dialog-deps';
import { answerApprovalsQuestion, answerPolicyQuestion, asksAboutApprovals } from './policy/policy-answer';
import { commandIntent, detectLocale, type IntentName, type Recognition } from './recognition';
import { sendCard } from './replies';
import { yesNo } from './request/confirm-words';
import { isQuestion } from './request/form-questions';
import { RequestDialog, type RequestDialogOptions } from './request/request.dialog';
import { addPartnerSpec } from './request/specs/add-partner.spec';
import { linkDistributorSpec } from './request/specs/link-distributor.spec';
import { multichannelSpec } from './request/specs/multichannel.spec';
import { namedOrganizations } from './request/specs/entity-orgs';
import { CancelDialog } from './simple/cancel.dialog';
import { remindApprovers } from './simple/remind';
import { sendHelp, sendWelcome } from './simple/menu';
import { simpleText } from './simple/simple.text';
import { StatusDialog, type StatusOptions } from './simple/status.dialog';
import { useChannelForApprovals } from './simple/approval-channel';
import { approverClick, isApproverIntent, manageApprovers, speaksOfApprovers } from './simple/approvers';
import { cardContext, messageText, turnInfo } from './turn-info';
import { detailAskedFor, handleWorkAction, handleWorkIntent, isWorkAction, isWorkIntent, showDetail, WORK_INTENTS } from './work/work-actions';
import { DEFAULT_UNDERSTANDING, mayAskFor, meaningOf, roleMeaning, type Meaning } from './understanding/meaning';
import { requestIdIn } from './recognition/request-id';

/**
 * The language to answer in: Japanese text gets Japanese; a sentence of English words gets English;
 * anything shorter (a name, an ID, "Azure") keeps the language the channel reported.
 */
function replyLocale(text: string, channelLocale: Locale): Locale {
  if (detectLocale(text) === 'ja') return 'ja';
  return (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 2 ? 'en' : channelLocale;
}

/** How many answered "which did you mean?" questions a conversation remembers (older cards start afresh). */
const MAX_ANSWERED_KEPT = 5;

/** How much of one message the recognizer reads (chat messages are short; this bounds its cost). */
export const MAX_RECOGNIZED = 1000;

/** Intents that start a dialog of their own (and so may interrupt another). */
const DIALOG_INTENTS: readonly string[] = [...REQUEST_KINDS, 'request_status', 'cancel_request', ...WORK_INTENTS];
/** A request ID ("PL-7K2M9Q4D"): a question naming one is about that request (its status), not the form's. */
const isRequestKind = (x: string): x is RequestKind => (REQUEST_KINDS as readonly string[]).includes(x);

const INTENT_LABELS: Record<string, { en: string; ja: string }> = {
  link_distributor: { en: 'link with a distributor', ja: 'ディストリビューターとの連携' },
  add_partner: { en: 'add a partner', ja: 'パートナーの追加' },
  multichannel_support: { en: 'multi-channel support', ja: 'マルチチャンネル サポート' },
  request_status: { en: 'my requests', ja: '申請の状況' },
  cancel_request: { en: 'cancel a request', ja: '申請の取り消し' },
  change_request: { en: 'change a request', ja: '申請の変更' },
  resubmit_request: { en: 'file a request again', ja: '再申請' },
  add_note: { en: 'add a note', ja: 'メモの追加' },
  handover_request: { en: 'hand a request over', ja: '申請の引き継ぎ' },
};

/**
 * The conversation's entry point: one call per turn. Card clicks on requests are answered directly;
 * text is recognized once, checked for interruptions (help, stop, start over, language, a new
 * request mid-dialog), then continues the active dialog or starts the one the intent names.
 */
export class PartnerLinkDialogs {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly deps: DialogDeps,
    dialogState: StatePropertyAccessor<DialogState>,
    private readonly prefs: StatePropertyAccessor<ConversationPrefs>,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(new RequestDialog(linkDistributorSpec, deps));
    this.dialogs.add(new RequestDialog(addPartnerSpec, deps));
    this.dialogs.add(new RequestDialog(multichannelSpec, deps));
    this.dialogs.add(new StatusDialog(deps));
    this.dialogs.add(new CancelDialog(deps));
  }

  async run(context: TurnContext): Promise<void> {
    const info = turnInfo(context);
    const prefs = await this.prefs.get(context, {});
    const text = messageText(context);
    if (prefs.locale) info.locale = prefs.locale;
    // A fixed command ("approvals here") is like a button: it says nothing about the person's language.
    else if (text && !info.action && !commandIntent(text)) {
      info.locale = prefs.lastLocale = replyLocale(text, prefs.lastLocale ?? info.locale);
      // Issue 18: kept for the person too, so that notifications and redrawn cards follow it (see readerLocale).
      if (info.person && detectLocale(text) === 'ja') await this.deps.readers?.record(info.person.id, { written: 'ja' });
      else if (info.person && (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 2) await this.deps.readers?.record(info.person.id, { written: 'en' });
    } else if (prefs.lastLocale && !info.cardLocale) info.locale = prefs.lastLocale;
    const t = simpleText(info.locale);
    if (!info.person) {
      await context.sendActivity(t.unknownUser);
      return;
    }
    const dc = await this.dialogs.createContext(context);
    if (info.badAction) {
      await context.sendActivity(t.badClick);
      return;
    }
    if (info.action) return this.onAction(dc, prefs);
    if (!text) return this.continueOrWelcome(dc);

    const switchTo = languageSwitch(text);
    if (switchTo) {
      prefs.locale = info.locale = switchTo;
      if (info.person) await this.deps.readers?.record(info.person.id, { chosen: switchTo });
      await context.sendActivity(simpleText(switchTo).languageSet);
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    // The language model follows the text's script, not the client's UI language. Nobody asks for a
    // partner in more than a few sentences: a longer message is read up to MAX_RECOGNIZED characters.
    const rec = await this.deps.recognizer.recognize(text.slice(0, MAX_RECOGNIZED));
    info.recognition = rec;
    // A new message answers no earlier "which did you mean?" card.
    delete prefs.pendingChoice;
    if (dc.activeDialog && (await this.interrupt(dc, rec, prefs))) return;
    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }
    await this.route(dc, rec, prefs);
  }

  /**
   * Issue 18: what the message means for this person (their organization decides which requests it can
   * be), and whether to ask first. `decided`: the person picked the meaning on a card; only the role applies.
   */
  private async meaning(dc: DialogContext, rec: Recognition, decided: boolean): Promise<Meaning> {
    const person = turnInfo(dc.context).person;
    const org = person ? await this.deps.directory.getOrganization(person.orgId) : undefined;
    const kinds = await this.namedKinds(rec);
    if (decided) return roleMeaning(rec, org, kinds) ?? { kind: 'intent', intent: rec.intent };
    return meaningOf(rec, org, kinds, this.deps.understanding ?? DEFAULT_UNDERSTANDING);
  }

  /** The kinds of the directory organizations the text names (a distributor named means a distributor link). */
  private async namedKinds(rec: Recognition): Promise<Organization['kind'][]> {
    // By name or by PartnerID (issue 18: "the distributor whose PartnerID is 4801123" named nobody here, so
    // the words were left to the classifier, which read a rules question and answered with the rules).
    return (await namedOrganizations(rec, this.deps.directory)).map((o) => o.kind);
  }

  /** Handles what should not go to the active dialog; true when the turn is done. */
  private async interrupt(dc: DialogContext, rec: Recognition, prefs: ConversationPrefs): Promise<boolean> {
    const info = turnInfo(dc.context);
    const t = simpleText(info.locale);
    const text = rec.text;
    if (prefs.pendingSwitch) {
      const pending = prefs.pendingSwitch;
      delete prefs.pendingSwitch;
      const answer = yesNo(text);
      if (answer === 'yes') {
        await dc.cancelAllDialogs();
        info.recognition = await this.deps.recognizer.recognize(pending.text);
        await this.route(dc, info.recognition, prefs, true);
        return true;
      }
      if (answer === 'no') {
        await dc.repromptDialog();
        return true;
      }
    }
    if (isStop(text)) {
      await dc.cancelAllDialogs();
      await dc.context.sendActivity(t.cancelled);
      return true;
    }
    if (isStartOver(text)) {
      await dc.cancelAllDialogs();
      await dc.context.sendActivity(t.startedOver);
      await sendWelcome(dc.context, this.deps);
      return true;
    }
    // Issue 18: "yes" / 「はい、それで送ってください」 answers the dialog, whatever the classifier made of the words.
    if (yesNo(text) !== undefined) return false;
    // A message naming a partner, distributor or subscription answers the form, even when it reads like a
    // plea for help ("what about Wingtip? can we link with them instead").
    if (rec.intent === 'help' && !rec.entities.some((e) => e.type === 'organization' || e.type === 'partner_id' || e.type === 'subscription_id')) {
      await sendHelp(dc.context, this.deps);
      await dc.repromptDialog();
      return true;
    }
    if (rec.intent === 'approval_channel') {
      await useChannelForApprovals(dc.context, this.deps);
      await dc.repromptDialog();
      return true;
    }
    if (rec.intent === 'remind_approvers') {
      await remindApprovers(dc.context, this.deps);
      await dc.repromptDialog();
      return true;
    }
    // Issue 16: approvers listed or changed in the middle of a request; the request goes on after.
    if (isApproverIntent(rec.intent) && speaksOfApprovers(text)) {
      await manageApprovers(dc.context, this.deps, rec.intent, text);
      await dc.repromptDialog();
      return true;
    }
    // Issue 18: "who approves this?" / 「承認って誰がするんですか？どのくらい時間かかります？」 while a form is
    // open (and not about the organization's approvers list, above) asks about the request being written,
    // not one filed already (a request ID names that one): who decides it and how long that takes, from
    // the policy; then the form again.
    if (isRequestKind(dc.activeDialog!.id) && isQuestion(text) && asksAboutApprovals(text) && !requestIdIn(text)) {
      for (const paragraph of answerApprovalsQuestion(text, this.deps.policy, info.locale)) await dc.context.sendActivity(paragraph);
      await dc.repromptDialog();
      return true;
    }
    const active = dc.activeDialog!.id;
    // Issue 18: the "Which did you mean?" card is for a message outside a form. Mid-form, a message the bot
    // is unsure about (two close meanings, or a request this person cannot make with two near ones) is
    // neither asked about nor offered as a switch: it goes to the form, which answers a question (one that
    // may be about the rules, from the rules) and shows itself again.
    const formOpen = isRequestKind(active);
    const meaning = formOpen ? await this.meaning(dc, rec, false) : isRequestKind(rec.intent) ? await this.meaning(dc, rec, true) : undefined;
    if (formOpen && meaning?.kind === 'ask') {
      if (meaning.choices.includes('policy_question') && isQuestion(text)) info.recognition = { ...rec, intent: 'policy_question' };
      return false;
    }
    // A switch is offered only to a request this person can make (the nearest one, when the text settles it).
    const intent = meaning === undefined || meaning.kind === 'intent' ? (meaning?.intent ?? rec.intent) : undefined;
    const org = intent && isRequestKind(intent) && info.person ? await this.deps.directory.getOrganization(info.person.orgId) : undefined;
    const canMake = intent !== undefined && (!isRequestKind(intent) || mayAskFor(intent, org));
    if (intent && canMake && DIALOG_INTENTS.includes(intent) && intent !== active && yesNo(text) === undefined) {
      prefs.pendingSwitch = { intent, text };
      const from = INTENT_LABELS[active]?.[info.locale] ?? active;
      const to = INTENT_LABELS[intent]?.[info.locale] ?? intent;
      await dc.context.sendActivity(t.switchOffer(from, to));
      return true;
    }
    return false;
  }

  private async route(dc: DialogContext, recognized: Recognition, prefs: ConversationPrefs, decided = false): Promise<void> {
    const info = turnInfo(dc.context);
    // A request ID with "details" / 「の詳細」 opens that request, whatever the classifier made of it.
    const detailOf = isWorkIntent(recognized.intent) ? undefined : detailAskedFor(recognized.text);
    if (detailOf) return showDetail(dc, this.deps, detailOf);
    // Issue 18: the person's role decides what the words can mean; when unsure, ask with two buttons.
    const meaning = await this.meaning(dc, recognized, decided);
    if (meaning.kind === 'ask') {
      const question = randomUUID().replace(/-/g, '').slice(0, 12);
      prefs.pendingChoice = { text: recognized.text, intents: [...meaning.choices], id: question };
      await sendCard(dc.context, clarifyCard({ said: recognized.text, choices: meaning.choices, question, ...(meaning.because ? { because: meaning.because } : {}), ...(info.person ? { owner: info.person.id } : {}) }, cardContext(info)));
      return;
    }
    const rec: Recognition = meaning.intent === recognized.intent ? recognized : { ...recognized, intent: meaning.intent };
    info.recognition = rec;
    const intent: IntentName = rec.intent;
    if (isRequestKind(intent)) {
      await dc.beginDialog(intent, { recognition: rec } satisfies RequestDialogOptions);
      return;
    }
    if (isWorkIntent(intent)) return handleWorkIntent(dc, this.deps, intent, rec);
    // Issue 16: only a message that speaks of approvers or admins changes or lists them (or the person chose it).
    if (isApproverIntent(intent) && (decided || speaksOfApprovers(rec.text))) return manageApprovers(dc.context, this.deps, intent, rec.text);
    switch (intent) {
      case 'request_status':
      case 'cancel_request':
        await dc.beginDialog(intent);
        return;
      case 'help':
        await sendHelp(dc.context, this.deps);
        return;
      case 'approval_channel':
        await useChannelForApprovals(dc.context, this.deps);
        return;
      case 'remind_approvers':
        await remindApprovers(dc.context, this.deps);
        return;
      case 'greeting':
        await sendWelcome(dc.context, this.deps);
        return;
      case 'policy_question':
        for (const paragraph of answerPolicyQuestion(rec, this.deps.policy, info.locale)) await dc.context.sendActivity(paragraph);
        return;
      default:
        // Issue 18: a question about approving ("who does the approving, and how long does it take?") the
        // classifier did not place is still answered from the policy, not with "I didn't understand".
        if (isQuestion(rec.text) && asksAboutApprovals(rec.text) && !requestIdIn(rec.text)) {
          for (const paragraph of answerApprovalsQuestion(rec.text, this.deps.policy, info.locale)) await dc.context.sendActivity(paragraph);
          return;
        }
        await dc.context.sendActivity(simpleText(info.locale).didNotUnderstand);
        await sendWelcome(dc.context, this.deps);
    }
  }

  private async onAction(dc: DialogContext, prefs: ConversationPrefs): Promise<void> {
    const info = turnInfo(dc.context);
    const action = info.action!;
    // In a channel or group chat everyone sees the confirmation card; only its owner may use it.
    if ('owner' in action && action.owner !== undefined && action.owner !== info.person?.id) {
      await dc.context.sendActivity(action.verb === 'choose_intent' ? simpleText(info.locale).notYourQuestion : simpleText(info.locale).notYourDraft);
      return;
    }
    if (isWorkAction(action)) return handleWorkAction(dc, this.deps, action);
    if (isRequestAction(action)) {
      await sendCard(dc.context, await handleRequestAction(this.deps, action, info));
      return;
    }
    if (action.verb === 'approver_pick' || action.verb === 'list_approvers') return approverClick(dc.context, this.deps, action);
    if (action.verb === 'choose_intent') return this.chosen(dc, prefs, action.intent, action.question);
    if (action.verb === 'start_over') {
      delete prefs.pendingChoice;
      await dc.cancelAllDialogs();
      await sendWelcome(dc.context, this.deps);
      return;
    }
    if (action.verb === 'menu') {
      await dc.cancelAllDialogs();
      if (action.intent === 'help') return sendHelp(dc.context, this.deps);
      if (action.intent === 'awaiting_me') {
        await dc.beginDialog('request_status', { only: 'awaiting' } satisfies StatusOptions);
        return;
      }
      await dc.beginDialog(action.intent === 'my_requests' ? 'request_status' : action.intent);
      return;
    }
    if (dc.activeDialog) {
      const result = await dc.continueDialog();
      if (result.status !== DialogTurnStatus.empty) return;
    }
    if (action.verb === 'submit_form') {
      // A form from before a restart or from an earlier conversation: start that request from it.
      await dc.beginDialog(action.form, { action } satisfies RequestDialogOptions);
      return;
    }
    await dc.context.sendActivity(simpleText(info.locale).staleCard);
    await sendWelcome(dc.context, this.deps);
  }

  /**
   * Issue 18: one of the meanings the bot asked about was picked: carry on as if it had been recognised,
   * with the entities of the words the person wrote (kept in the conversation's stored state). A card
   * whose message is no longer kept (answered already, or from another conversation) starts that intent
   * with nothing filled in.
   */
  private async chosen(dc: DialogContext, prefs: ConversationPrefs, intent: ClarifyIntent, question?: string): Promise<void> {
    const info = turnInfo(dc.context);
    // Issue 18: a card already answered by a click stays answered: a second click (the same button or the
    // other one) is refused politely, and whatever the first click started goes on.
    const answered = question ? prefs.answeredChoices?.find((a) => a.id === question) : undefined;
    if (answered) {
      const label = clarifyStrings(info.locale).intent[answered.intent as ClarifyIntent] ?? answered.intent;
      await dc.context.sendActivity(simpleText(info.locale).alreadyAnswered(label));
      if (dc.activeDialog) await dc.repromptDialog();
      return;
    }
    const pending = prefs.pendingChoice;
    delete prefs.pendingChoice;
    if (question) prefs.answeredChoices = [...(prefs.answeredChoices ?? []), { id: question, intent }].slice(-MAX_ANSWERED_KEPT);
    // A card from an earlier question (a newer one is pending) starts the intent with nothing filled in.
    const same = pending && (!question || !pending.id || pending.id === question);
    const said = same && pending.intents.includes(intent) ? pending.text : undefined;
    const base: Recognition = said ? await this.deps.recognizer.recognize(said.slice(0, MAX_RECOGNIZED)) : { text: '', locale: info.locale, intent, score: 1, entities: [] };
    await dc.cancelAllDialogs();
    await this.route(dc, { ...base, intent, score: 1, ranked: [{ intent, score: 1 }] }, prefs, true);
  }

  private async continueOrWelcome(dc: DialogContext): Promise<void> {
    if (dc.activeDialog) await dc.repromptDialog();
    else await sendWelcome(dc.context, this.deps);
  }
}
