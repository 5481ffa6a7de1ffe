import type { TurnContext } from 'botbuilder';
import { clickToActionData, renderShowCard, stashedKey, type AdaptiveCardJson, type ClickResult } from './block-kit';
import { conversationTypeOf, executeActivity, messageActivity, submitActivity, type SlackOrigin } from './slack-activity.mapper';
import { findSlackApiError, plainSlackFailure } from './slack-api.errors';
import type { SlackBotAdapter } from './slack-bot.adapter';
import type { SlackLocaleCache } from './slack-locale.cache';
import type { SlackMessagePoster } from './slack-message.poster';
import type { SlackStash } from './slack-stash';
import type { SlackLogger } from './slack.types';
import { clickOf, type SlackBlockActionsBody } from './slack-payloads';

const CARD = 'application/vnd.microsoft.card.adaptive';

export interface SlackTurnDeps {
  adapter: SlackBotAdapter;
  poster: SlackMessagePoster;
  locales: SlackLocaleCache;
  stash: SlackStash;
  bot: { run(context: TurnContext): Promise<void> };
  logger: SlackLogger;
}

const CLICK_TEXT = {
  en: { missing: (ids: string) => `Please fill in: ${ids}.`, unreadable: 'That button could not be read. Please ask again and use the new card.' },
  ja: { missing: (ids: string) => `次の項目を入力してください: ${ids}`, unreadable: 'このボタンを読み取れませんでした。もう一度依頼して、新しいカードをお使いください。' },
};

const lang = (locale: string | undefined): 'en' | 'ja' => (locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en');

/**
 * One Slack input -> one bot turn. Messages, mentions and /partner become message activities; card
 * clicks become what Teams would send (a message with a value, or an adaptiveCard/action invoke),
 * and the invoke's card answer replaces the clicked message in a DM or is shown to the clicker
 * alone in a shared channel (where the notifier updates the shared card for everyone).
 */
export class SlackTurnHandler {
  constructor(private readonly deps: SlackTurnDeps) {}

  async message(origin: Omit<SlackOrigin, 'locale'>, text: string, id: string): Promise<void> {
    const locale = await this.deps.locales.localeOf(origin.teamId, origin.userId);
    await this.guard(origin, locale, () => this.deps.adapter.processActivity(messageActivity({ ...origin, ...(locale ? { locale } : {}) }, text, id), (c) => this.deps.bot.run(c)));
  }

  async click(body: SlackBlockActionsBody): Promise<void> {
    const where = clickOf(body);
    if (!where) {
      this.deps.logger.warn({ type: body.type }, 'Slack click without a user, team or channel; ignored');
      return;
    }
    const { origin, messageTs, id } = where;
    const locale = await this.deps.locales.localeOf(origin.teamId, origin.userId);
    const full: SlackOrigin = { ...origin, ...(locale ? { locale } : {}) };
    const click = await this.read(body);
    await this.guard(origin, locale, async () => {
      if (!click.ok) return this.refuseClick(full, click);
      const shared = conversationTypeOf(origin.channel, origin.channelType) !== 'im';
      switch (click.kind) {
        case 'openUrl':
          return;
        case 'showCard':
          return this.showCard(full, messageTs, click.path, shared);
        case 'submit':
          await this.deps.adapter.processActivity(submitActivity(full, click.data, click.text, id), (c) => this.deps.bot.run(c));
          return;
        case 'execute': {
          const response = await this.deps.adapter.processActivity(executeActivity(full, click.verb, click.data, id), (c) => this.deps.bot.run(c), shared ? { ephemeralTo: origin.userId } : {});
          const answer = response?.body as { type?: string; value?: Record<string, unknown> } | undefined;
          if (answer?.type !== CARD || !answer.value) return;
          if (!shared && messageTs) await this.deps.poster.update(origin.channel, messageTs, { card: answer.value });
          else await this.deps.poster.whisper(origin.channel, origin.userId, { card: answer.value });
        }
      }
    });
  }

  /** Loads a stashed button payload first (the mapper is synchronous). */
  private async read(body: SlackBlockActionsBody): Promise<ClickResult> {
    const key = stashedKey(body);
    const json = key ? await this.deps.stash.load(key) : undefined;
    return clickToActionData(body, { unstash: (k) => (k === key ? json : undefined) });
  }

  private async refuseClick(origin: SlackOrigin, click: Extract<ClickResult, { ok: false }>): Promise<void> {
    const t = CLICK_TEXT[lang(origin.locale)];
    this.deps.logger.warn({ error: click.error }, 'Slack click could not be mapped');
    const text = click.error === 'required_input_missing' ? t.missing((click.inputIds ?? []).join(', ')) : t.unreadable;
    await this.deps.poster.whisper(origin.channel, origin.userId, { text });
  }

  /** Action.ShowCard: the inner card (e.g. "reject with a reason") is shown below, to the clicker alone in a channel. */
  private async showCard(origin: SlackOrigin, messageTs: string | undefined, path: string, shared: boolean): Promise<void> {
    const card = messageTs ? await this.deps.poster.cardOf(origin.channel, messageTs) : undefined;
    const inner = card ? renderShowCard(card as AdaptiveCardJson, path, { stash: this.deps.stash.stash }) : undefined;
    if (!card || !inner) return this.refuseClick(origin, { ok: false, error: 'unknown_encoding', message: 'The card behind this message is not known.' });
    await this.deps.poster.postRendered(origin.channel, inner, { root: card, ...(shared ? { onlyFor: origin.userId } : {}) });
  }

  /** A Slack failure while answering is told to the person plainly, then rethrown for the inbox. */
  private async guard(origin: Omit<SlackOrigin, 'locale'>, locale: string | undefined, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (err) {
      const slack = findSlackApiError(err);
      if (slack && slack.method !== 'chat.postEphemeral') {
        await this.deps.poster.whisper(origin.channel, origin.userId, { text: plainSlackFailure(slack, lang(locale)) }).catch(() => undefined);
      }
      throw err;
    }
  }
}
