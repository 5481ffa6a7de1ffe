import type { TurnContext } from 'botbuilder';
import { clickToActionData, datasetOfActionId, renderShowCard, SLACK_BLOCK_LIMITS, stashedKey, type AdaptiveCardJson, type ClickResult } from './block-kit';
import { conversationTypeOf, executeActivity, installOf, messageActivity, searchActivity, submitActivity, type SlackOrigin } from './slack-activity.mapper';
import { findSlackApiError, plainSlackFailure } from './slack-api.errors';
import type { SlackBotAdapter } from './slack-bot.adapter';
import type { SlackImMemory } from './slack-im.memory';
import type { SlackLocaleCache } from './slack-locale.cache';
import type { SlackContent, SlackMessagePoster } from './slack-message.poster';
import { SlackReplyRoute } from './slack-reply.route';
import type { SlackStash } from './slack-stash';
import type { SlackLogger } from './slack.types';
import { clickOf, suggestionOf, type SlackBlockActionsBody, type SlackBlockSuggestionBody } from './slack-payloads';

const CARD = 'application/vnd.microsoft.card.adaptive';
const SEARCH_RESPONSE = 'application/vnd.microsoft.search.searchResponse';

/** Slack's answer to a block_suggestion: the options of the menu. */
export interface SlackOptionsAnswer {
  options: { text: { type: 'plain_text'; text: string }; value: string }[];
}
const NO_OPTIONS: SlackOptionsAnswer = { options: [] };
const fitOption = (t: string) => (t.length > SLACK_BLOCK_LIMITS.optionText ? `${t.slice(0, SLACK_BLOCK_LIMITS.optionText - 1)}…` : t);

export interface SlackTurnDeps {
  adapter: SlackBotAdapter;
  poster: SlackMessagePoster;
  locales: SlackLocaleCache;
  stash: SlackStash;
  ims: SlackImMemory;
  bot: { run(context: TurnContext): Promise<void> };
  logger: SlackLogger;
}

const CLICK_TEXT = {
  en: { missing: (ids: string) => `Please fill in: ${ids}.`, unreadable: 'That button could not be read. Please ask again and use the new card.' },
  ja: { missing: (ids: string) => `次の項目を入力してください: ${ids}`, unreadable: 'このボタンを読み取れませんでした。もう一度依頼して、新しいカードをお使いください。' },
};

/** Kana or kanji: a label in Japanese. */
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u4e00-\u9fff]/;

const routeOf = (origin: Omit<SlackOrigin, 'locale'>) => new SlackReplyRoute(origin.threadTs, origin.responseUrl);

const lang = (locale: string | undefined): 'en' | 'ja' => (locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en');

/**
 * One Slack input -> one bot turn. Messages, mentions and /partner become message activities; card
 * clicks become what Teams would send (a message with a value, or an adaptiveCard/action invoke),
 * and the invoke's card answer replaces the clicked message in a DM or is shown to the clicker
 * alone in a shared channel (where the notifier updates the shared card for everyone).
 */
export class SlackTurnHandler {
  constructor(private readonly deps: SlackTurnDeps) {}

  async message(incoming: Omit<SlackOrigin, 'locale'>, text: string, id: string): Promise<void> {
    const origin = await this.resolveDm(incoming);
    const locale = await this.deps.locales.localeOf(installOf(origin), origin.teamId, origin.userId);
    const route = routeOf(origin);
    const userName = this.deps.locales.nameOf(origin.teamId, origin.userId);
    const timeZone = this.deps.locales.timeZoneOf(origin.teamId, origin.userId);
    await this.guard(origin, locale, () => this.deps.adapter.processActivity(messageActivity({ ...origin, ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}), ...(userName ? { userName } : {}) }, text, id), (c) => this.deps.bot.run(c), { reply: route }));
    await this.learnFrom(origin, route);
  }

  /**
   * 'im' (the bot's DM: a message.im event, a message the bot posted) is remembered; 'dm' (a command or
   * an ephemeral answer's click in a D… channel) is the bot's DM only if it is remembered as such.
   */
  private async resolveDm<O extends Omit<SlackOrigin, 'locale'>>(origin: O): Promise<O> {
    if (origin.channelType === 'im') await this.learn(origin);
    if (origin.channelType !== 'dm') return origin;
    return (await this.deps.ims.isBotDm(origin.teamId, origin.userId, origin.channel)) ? { ...origin, channelType: 'im' } : origin;
  }

  /** An unknown DM the bot could post in is its own DM with the person. */
  private async learnFrom(origin: Omit<SlackOrigin, 'locale'>, route: SlackReplyRoute): Promise<void> {
    if (origin.channelType === 'dm' && route.posted && !route.unreachable) await this.learn(origin);
  }

  private async learn(origin: Omit<SlackOrigin, 'locale'>): Promise<void> {
    await this.deps.ims.learn(origin.teamId, origin.userId, origin.channel).catch((err: unknown) => this.deps.logger.warn({ err }, "the person's Slack DM could not be remembered"));
  }

  async click(body: SlackBlockActionsBody): Promise<void> {
    const where = clickOf(body);
    if (!where) {
      this.deps.logger.warn({ type: body.type }, 'Slack click without a user, team or channel; ignored');
      return;
    }
    const { messageTs, id } = where;
    const origin = await this.resolveDm(where.origin);
    const locale = await this.deps.locales.localeOf(installOf(origin), origin.teamId, origin.userId);
    const timeZone = this.deps.locales.timeZoneOf(origin.teamId, origin.userId);
    const full: SlackOrigin = { ...origin, ...(locale ? { locale } : {}), ...(timeZone ? { timeZone } : {}) };
    const click = await this.read(body);
    const route = routeOf(origin);
    await this.guard(origin, locale, async () => {
      if (!click.ok) return this.refuseClick(full, click, route);
      const shared = conversationTypeOf(origin.channel, origin.channelType) !== 'im';
      switch (click.kind) {
        case 'openUrl':
          return;
        case 'showCard':
          return this.showCard(full, messageTs, click.path, shared, route);
        case 'submit':
          await this.deps.adapter.processActivity(submitActivity(full, click.data, click.text, id), (c) => this.deps.bot.run(c), { reply: route });
          return;
        case 'execute': {
          const response = await this.deps.adapter.processActivity(executeActivity(full, click.verb, click.data, id, shared ? undefined : messageTs), (c) => this.deps.bot.run(c), { reply: route, ...(shared ? { ephemeralTo: origin.userId } : {}) });
          const answer = response?.body as { type?: string; value?: Record<string, unknown> } | undefined;
          if (answer?.type !== CARD || !answer.value) return;
          if (!shared && messageTs) await this.deps.poster.update(installOf(origin), origin.channel, messageTs, { card: answer.value });
          else await this.whisper(origin, { card: answer.value }, route);
        }
      }
    });
    await this.learnFrom(origin, route);
  }

  /**
   * Issue 19: an external_select asks for options as the person types. Run as the application/search
   * invoke Teams sends for the same card (the bot answers both alike); its results become the menu's
   * options, within Slack's limits. A request that is not for one of our datasets gets no options.
   */
  async suggest(body: SlackBlockSuggestionBody, id: string): Promise<SlackOptionsAnswer> {
    const origin = suggestionOf(body);
    const dataset = datasetOfActionId(body.action_id);
    if (!origin || !dataset) return NO_OPTIONS;
    const locale = await this.deps.locales.localeOf(installOf(origin), origin.teamId, origin.userId);
    const activity = searchActivity({ ...origin, ...(locale ? { locale } : {}) }, dataset, body.value, id, SLACK_BLOCK_LIMITS.selectOptions);
    const response = await this.deps.adapter.processActivity(activity, (c) => this.deps.bot.run(c));
    const answer = response?.body as { type?: string; value?: { results?: unknown } } | undefined;
    if (answer?.type !== SEARCH_RESPONSE || !Array.isArray(answer.value?.results)) return NO_OPTIONS;
    const options: SlackOptionsAnswer['options'] = [];
    for (const r of answer.value.results as { title?: unknown; value?: unknown }[]) {
      if (typeof r.title !== 'string' || typeof r.value !== 'string' || r.value.length === 0 || r.value.length > SLACK_BLOCK_LIMITS.optionValue) continue;
      options.push({ text: { type: 'plain_text', text: fitOption(r.title) }, value: r.value });
      if (options.length === SLACK_BLOCK_LIMITS.selectOptions) break;
    }
    return { options };
  }

  /** A refusal before any turn (see SlackInboxProcessor): to the person alone in a channel, in their DM otherwise. */
  async refuse(origin: Omit<SlackOrigin, 'locale'>, text: string): Promise<void> {
    const where = origin.threadTs ? { threadTs: origin.threadTs } : {};
    if (origin.channelType === 'im') await this.deps.poster.post(installOf(origin), origin.channel, { text }, where);
    else await this.whisper(origin, { text }, routeOf(origin));
  }

  /** To the person alone, in the turn's thread; through response_url where the bot cannot post. */
  private async whisper(origin: Omit<SlackOrigin, 'locale'>, content: SlackContent, route: SlackReplyRoute): Promise<void> {
    if (route.unreachable && route.responseUrl) return this.deps.poster.respond(route.responseUrl, content);
    try {
      await this.deps.poster.whisper(installOf(origin), origin.channel, origin.userId, content, route.threadTs ? { threadTs: route.threadTs } : {});
    } catch (err) {
      if (!route.fallsBack(err) || !route.responseUrl) throw err;
      await this.deps.poster.respond(route.responseUrl, content);
    }
  }

  /** Loads a stashed button payload first (the mapper is synchronous). */
  private async read(body: SlackBlockActionsBody): Promise<ClickResult> {
    const key = stashedKey(body);
    const json = key ? await this.deps.stash.load(key) : undefined;
    return clickToActionData(body, { unstash: (k) => (k === key ? json : undefined) });
  }

  private async refuseClick(origin: SlackOrigin, click: Extract<ClickResult, { ok: false }>, route: SlackReplyRoute): Promise<void> {
    const labels = click.inputLabels ?? click.inputIds ?? [];
    // Issue 18: the whisper names the card's labels, so it speaks the card's language (the bot chose it
    // by the person's language rule), whatever Slack's own locale for the person is.
    const language = labels.some((l) => JAPANESE_SCRIPT.test(l)) ? 'ja' : lang(origin.locale);
    const t = CLICK_TEXT[language];
    this.deps.logger.warn({ error: click.error }, 'Slack click could not be mapped');
    const text = click.error === 'required_input_missing' ? t.missing(labels.join(language === 'ja' ? '、' : ', ')) : t.unreadable;
    await this.whisper(origin, { text }, route);
  }

  /** Action.ShowCard: the inner card (e.g. "reject with a reason") is shown below, to the clicker alone in a channel. */
  private async showCard(origin: SlackOrigin, messageTs: string | undefined, path: string, shared: boolean, route: SlackReplyRoute): Promise<void> {
    const card = messageTs ? await this.deps.poster.cardOf(origin.channel, messageTs) : undefined;
    const inner = card ? renderShowCard(card as AdaptiveCardJson, path, { stash: this.deps.stash.stash }) : undefined;
    if (!card || !inner) return this.refuseClick(origin, { ok: false, error: 'unknown_encoding', message: 'The card behind this message is not known.' }, route);
    await this.deps.poster.postRendered(installOf(origin), origin.channel, inner, { root: card, ...(shared ? { onlyFor: origin.userId } : {}), ...(route.threadTs ? { threadTs: route.threadTs } : {}) });
  }

  /** A Slack failure while answering is told to the person plainly, then rethrown for the inbox. */
  private async guard(origin: Omit<SlackOrigin, 'locale'>, locale: string | undefined, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (err) {
      const slack = findSlackApiError(err);
      if (slack && slack.method !== 'chat.postEphemeral' && slack.method !== 'response_url') {
        const where = origin.threadTs ? { threadTs: origin.threadTs } : {};
        await this.deps.poster.whisper(installOf(origin), origin.channel, origin.userId, { text: plainSlackFailure(slack, lang(locale)) }, where).catch(() => undefined);
      }
      throw err;
    }
  }
}
