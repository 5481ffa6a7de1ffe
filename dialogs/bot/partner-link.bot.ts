import { hash } from 'node:crypto';
import {
  ActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { AdmitPort, ChatTurn, LoggerPort } from '../../app/ports';
import { parseExecuteAction, parseCardAction } from '../../cards';
import { localeFromTag, personReferenceKey, readerLocale, type Person, type StorePort } from '../../domain';
import { handleRequestAction, isRequestAction } from '../actions/request-actions';
import type { ConversationPrefs } from '../conversation-prefs';
import type { DialogDeps } from '../dialog-deps';
import { PartnerLinkDialogs } from '../partner-link.dialogs';
import { detectLocale } from '../recognition';
import { cardMessage } from '../replies';
import { simpleText } from '../simple/simple.text';
import { setTurnInfo, type TurnInfo } from '../turn-info';
import { InvokeAnswer } from './invoke-answer';
import { answerSearch } from './search-invoke';
import { OptimisticConversationState } from './optimistic-conversation-state';

export interface BotDeps {
  store: StorePort;
  dialogs: DialogDeps;
  logger: LoggerPort;
  /**
   * The platform's adapter describes each incoming activity as a neutral turn (who, which kind of
   * conversation, the client's language); bot/ picks the adapter by the activity's channel.
   */
  describeTurn(activity: Partial<Activity>): ChatTurn;
  /** Who writes: known, added on first contact from their organization's tenant or workspace, or an outsider. */
  admit: AdmitPort;
  /**
   * Issue 19: runs one whole turn (bot/ passes the turn read cache's scope, app/turn-reads.ts, so that a
   * read repeated within the turn is not sent to the store again). Unset: the turn just runs.
   */
  inTurn?: <T>(turn: () => Promise<T>) => Promise<T>;
}

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
/** Inbox source of the one-welcome-per-install claims. */
const WELCOME = 'welcome';
/** turnState key of the person admit() found or added for this turn. */
const ADMITTED = Symbol('partner-link.admitted');

/**
 * The one bot behind Teams and Slack. Each turn: find the person in the directory, remember where to
 * reach them, parse a card click if there is one, run the dialogs, save the conversation's state
 * with optimistic concurrency. Nothing about the conversation stays in this process between turns.
 */
export class PartnerLinkBot extends ActivityHandler {
  private readonly state: OptimisticConversationState;
  private readonly dialogs: PartnerLinkDialogs;
  private readonly prefs: StatePropertyAccessor<ConversationPrefs>;
  /** What the last saved conversation reference looked like (see rememberWhereToReach). */
  private readonly savedReference: StatePropertyAccessor<string>;

  constructor(private readonly deps: BotDeps) {
    super();
    this.state = new OptimisticConversationState(deps.store.conversationState, (context) => deps.describeTurn(context.activity).conversationKind !== 'personal');
    const dialogState: StatePropertyAccessor<DialogState> = this.state.createProperty('dialogState');
    this.prefs = this.state.createProperty('prefs');
    this.savedReference = this.state.createProperty('savedReference');
    this.dialogs = new PartnerLinkDialogs(deps.dialogs, dialogState, this.prefs);

    this.onMessage(async (context, next) => {
      const value = context.activity.value;
      // Action.Submit (older clients) arrives as a message whose value is the card data.
      const parsed = value !== undefined && value !== null ? parseCardAction(value) : undefined;
      const info = await this.prepare(context, parsed);
      if (await this.replaceClickedCard(context, info)) return next();
      await this.dialogs.run(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const added = context.activity.membersAdded ?? [];
      const kind = deps.describeTurn(context.activity).conversationKind;
      // A personal install often lists only the bot (recorded by Sentry's Teams tests): the person
      // who installed it is the activity's `from`.
      if (kind === 'personal' && added.length > 0) await this.greetInstaller(context);
      else if (kind === 'group' && added.some((m) => m.id !== botId)) {
        await this.prepare(context, undefined);
        await this.dialogs.run(context);
      }
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      if (deps.describeTurn(context.activity).conversationKind === 'personal') await this.greetInstaller(context);
      await next();
    });
  }

  /**
   * Someone installed the app in their personal chat (conversationUpdate, installationUpdate or
   * both, in any order, possibly at once): their reference is saved by prepare(), and they are greeted
   * once per conversation. The claim is atomic in the store, so two install events (on one instance
   * or two) give one welcome.
   */
  private async greetInstaller(context: TurnContext): Promise<void> {
    const info = await this.prepare(context, undefined);
    const id = `welcome:${info.platform}:${context.activity.conversation?.id ?? ''}`;
    const now = new Date();
    const first = (await this.deps.store.events.claim({ id, source: WELCOME, payload: {} }, now)) === 'new';
    this.deps.logger.info({ platform: info.platform, known: !!info.person, greeted: first }, 'app installed in a personal chat');
    if (!first) return;
    await this.deps.store.events.complete(id, now, { dropPayload: true });
    await this.dialogs.run(context);
  }

  /**
   * Runs the turn and then saves the conversation's state (a lost race fails the turn, loudly). When
   * the store cannot be reached, the person is told so plainly; what they entered before is in the
   * store and nothing of this turn was written, so they can simply say it again once it is back.
   */
  override async run(context: TurnContext): Promise<void> {
    return this.deps.inTurn ? this.deps.inTurn(() => this.runTurn(context)) : this.runTurn(context);
  }

  private async runTurn(context: TurnContext): Promise<void> {
    try {
      if (!(await this.admit(context))) return;
      await super.run(context);
      await this.state.saveChanges(context);
    } catch (err) {
      if (!this.deps.store.isUnavailable(err)) throw err;
      this.deps.logger.error({ err, conversation: context.activity.conversation?.id }, 'store unavailable: turn not processed');
      await context.sendActivity(storeUnavailableText(context.activity.locale));
    }
  }

  /**
   * Who writes, before anything is read or written for the conversation. Someone not in the directory
   * who writes from a known organization's tenant (Teams) or their own workspace (Slack) is added as a
   * requester of that organization and served at once; someone writing from a tenant or workspace that
   * belongs to no organization is refused politely, and nothing is stored for them (no person, no
   * reference, no conversation state). False when the turn was refused.
   */
  private async admit(context: TurnContext): Promise<boolean> {
    const turn = this.deps.describeTurn(context.activity);
    if (turn.platform === 'system' || turn.platform === 'cli') return true;
    const admission = await this.deps.admit(turn, context.activity.from?.id ?? 'new person');
    if (admission.kind === 'known' || admission.kind === 'joined') context.turnState.set(ADMITTED, admission.person);
    if (admission.kind !== 'outsider') return true;
    this.deps.logger.warn({ platform: turn.platform, home: admission.home }, 'message from a tenant or workspace that belongs to no organization refused; nothing stored');
    const a = context.activity;
    const text = a.type === 'message' && typeof a.text === 'string' ? a.text : '';
    const locale = detectLocale(text) === 'ja' ? 'ja' : (turn.locale ?? localeFromTag(a.locale) ?? 'en');
    const refusal = simpleText(locale).notAvailable;
    if (a.type === 'invoke') {
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: MESSAGE, value: refusal } } });
    } else if (a.type === 'message') {
      await context.sendActivity(refusal);
    }
    return false;
  }

  /**
   * Issue 19: a form's organization choice searching as the person types (application/search): answered
   * from the eligibility rules for the sender, without touching the conversation's state.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'application/search') return super.onInvokeActivity(context);
    const turn = this.deps.describeTurn(context.activity);
    const admitted = context.turnState.get(ADMITTED) as Person | undefined;
    const person = admitted ?? (turn.identity ? await this.deps.store.directory.findPersonByIdentity(turn.identity) : undefined);
    return answerSearch(this.deps.dialogs, this.deps.logger, person, context.activity.value, { platform: turn.platform, locale: turn.locale });
  }

  /** Action.Execute: answer with the card that replaces the clicked one, within Teams' time limit. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const parsed = parseExecuteAction(invokeValue.action?.verb, invokeValue.action?.data);
    const info = await this.prepare(context, parsed);
    if (info.action && isRequestAction(info.action) && info.person) {
      const card = await handleRequestAction(this.deps.dialogs, info.action, info);
      return { statusCode: 200, type: CARD, value: card as unknown as Record<string, unknown> };
    }
    // Universal Actions: the card the dialogs answer with (the next form, the confirmation, the
    // submitted card, a refusal; issue 15: a note or a hand-over too) replaces the clicked one instead
    // of being posted below it.
    const answer = new InvokeAnswer(context);
    try {
      await this.dialogs.run(context);
    } catch (err) {
      await answer.abandon();
      throw err;
    }
    const card = await answer.finish(info.locale);
    if (card) return { statusCode: 200, type: CARD, value: card as unknown as Record<string, unknown> };
    // Nothing was said (no dialog had anything to show): Teams shows this as a short notice.
    const received = info.locale === 'ja' ? '受け付けました' : 'Received';
    return { statusCode: 200, type: MESSAGE, value: received as unknown as Record<string, unknown> };
  }

  /**
   * Action.Submit on a request's card (clients without Universal Actions): the message replies to the
   * card's activity, so that card is replaced, as an invoke response would, instead of a new card being
   * posted below it. Channels that cannot update a message get the card as a reply.
   */
  private async replaceClickedCard(context: TurnContext, info: TurnInfo): Promise<boolean> {
    const replyToId = context.activity.replyToId;
    if (!replyToId || !info.action || !isRequestAction(info.action) || !info.person) return false;
    const card = await handleRequestAction(this.deps.dialogs, info.action, info);
    try {
      await context.updateActivity({ ...cardMessage(card), id: replyToId });
    } catch (err) {
      this.deps.logger.warn({ err: (err as Error).message, platform: info.platform }, 'clicked card could not be replaced; replying with the card');
      await context.sendActivity(cardMessage(card));
    }
    return true;
  }

  private async prepare(context: TurnContext, parsed: ReturnType<typeof parseCardAction> | undefined): Promise<TurnInfo> {
    const activity = context.activity;
    const turn = this.deps.describeTurn(activity);
    const admitted = context.turnState.get(ADMITTED) as Person | undefined;
    const person = admitted ?? (turn.identity ? await this.deps.store.directory.findPersonByIdentity(turn.identity) : undefined);
    const platform = turn.platform;
    // Issue 18, the one language rule (readerLocale): the person's explicit choice, the directory's
    // language, the language they last wrote in, the client's. A typed message is answered in its own
    // language (the dialogs), and the clicks that follow in that conversation keep to it.
    const prefs = await this.prefs.get(context, {});
    const readers = this.deps.dialogs.readers;
    const facts = person && readers ? await readers.of(person.id) : {};
    // The time zone the client reports now is kept for this person: cards redrawn later use it.
    // (Slack's comes from users.info: trusted for a day, then asked again.)
    if (person && readers && turn.timeZone && turn.timeZone !== facts.timeZone) {
      await readers.record(person.id, { timeZone: turn.timeZone }, platform === 'slack' ? { timeZoneTtlMs: 24 * 60 * 60 * 1000 } : {});
    }
    const timeZone = person?.timeZone ?? turn.timeZone ?? facts.timeZone;
    // A Teams Action.Execute answer shows only to the clicker, so the posted card is still redrawn for
    // the chat; an Action.Submit reply and a Slack DM click replace the message itself.
    const replyTo = typeof activity.replyToId === 'string' && activity.replyToId ? activity.replyToId : undefined;
    const replaces = replyTo && (activity.type === 'message' || platform === 'slack') ? replyTo : undefined;
    // In a conversation the person has written in, clicks keep to the language of their words; a click
    // on a card in their personal chat (drawn for them: a notification, say) keeps to the card's
    // language, unless they have asked for a language since. In a shared conversation the card may have
    // been drawn for someone else, so the clicker is answered by the rule.
    const byRule = prefs.lastLocale && !prefs.locale ? prefs.lastLocale : readerLocale({ chosen: prefs.locale ?? facts.chosen, directory: person?.locale, written: facts.written, client: turn.locale });
    const cardLocale = parsed?.ok && turn.conversationKind === 'personal' && !(prefs.locale ?? facts.chosen) ? parsed.lang : undefined;
    const info: TurnInfo = {
      locale: cardLocale ?? byRule,
      ...(cardLocale ? { cardLocale } : {}),
      platform,
      conversationKind: turn.conversationKind,
      ...(person ? { person } : {}),
      ...(timeZone ? { timeZone } : {}),
      ...(activity.id ? { activityId: `${platform}:${activity.id}` } : {}),
      ...(replaces && (platform === 'teams' || platform === 'slack') ? { replacesMessage: { platform, messageId: replaces } } : {}),
      ...(parsed?.ok ? { action: parsed.action } : {}),
      ...(parsed && !parsed.ok ? { badAction: parsed.error } : {}),
      ...(turn.mentions?.length ? { mentions: turn.mentions } : {}),
    };
    if (parsed && !parsed.ok) this.deps.logger.warn({ error: parsed.error, platform }, 'card click refused');
    setTurnInfo(context, info);
    if (person && platform !== 'system' && platform !== 'cli' && turn.conversationKind === 'personal' && turn.reachable !== false) {
      await this.rememberWhereToReach(context, person, platform);
    }
    return info;
  }

  /**
   * Saves where to reach the person proactively, only when it changed: the reference is the same turn
   * after turn, and what was saved last is kept in the conversation's own (stored) state, so every
   * instance knows it without a store write per turn.
   */
  private async rememberWhereToReach(context: TurnContext, person: Person, platform: 'teams' | 'slack'): Promise<void> {
    const { activityId: _changesEveryTurn, ...reference } = TurnContext.getConversationReference(context.activity);
    const fingerprint = hash('sha256', JSON.stringify([person.id, person.orgId, reference]), 'base64url').slice(0, 22);
    if ((await this.savedReference.get(context)) === fingerprint) return;
    await this.deps.store.references.save({
      key: personReferenceKey(person.id, platform),
      platform,
      personId: person.id,
      orgId: person.orgId,
      reference: reference as Record<string, unknown>,
      updatedAt: new Date(),
    });
    await this.savedReference.set(context, fingerprint);
    // Approval cards that waited for this person's organization (nobody could be reached) go out now.
    await this.deps.dialogs.notifier.personReachable(person);
  }
}

function storeUnavailableText(locale: string | undefined): string {
  return locale?.toLowerCase().startsWith('ja')
    ? 'ただいま一時的にご利用いただけません。これまでに入力された内容は失われていません。少ししてから、最後のメッセージをもう一度送ってください。'
    : 'Partner Link is temporarily unavailable. Nothing you entered before is lost; please send your last message again in a minute.';
}
