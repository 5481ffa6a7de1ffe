import type { WebClient } from '@slack/web-api';
import { renderCard, type AdaptiveCardJson, type RenderResult } from './block-kit';
import { callSlack, SlackApiError } from './slack-api.errors';
import type { SlackCardMemory } from './slack-card.memory';
import type { SlackStash } from './slack-stash';
import type { SlackTokenSource, SlackWorkspace } from './slack-tokens';

/** What to show: an Adaptive Card (rendered as Block Kit) and/or plain text, with a summary. */
export interface SlackContent {
  card?: Record<string, unknown>;
  text?: string;
  summary?: string;
}

interface Payload {
  text: string;
  blocks?: unknown[];
}

/** A thread to post in (a reply's `thread_ts`); unset: the conversation's top level. */
export interface SlackPlace {
  threadTs?: string;
}

const inThread = (where: SlackPlace) => (where.threadTs ? { thread_ts: where.threadTs } : {});

/** How long an answer through response_url may take. */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/**
 * Posts, replaces and whispers messages through the Web API. Cards become blocks plus a plain-text
 * `text` (Slack shows it in notifications and to screen readers); every failure is a SlackApiError.
 * Every call names the workspace it acts in and carries that workspace's own bot token.
 */
export class SlackMessagePoster {
  constructor(
    private readonly client: WebClient,
    private readonly stash: SlackStash,
    private readonly cards: SlackCardMemory,
    private readonly tokens: SlackTokenSource,
  ) {}

  /** The bot token of the workspace the call acts in (rejects when it has none: nothing is sent). */
  private token(w: SlackWorkspace | undefined): Promise<string> {
    return this.tokens.tokenFor(w);
  }

  private async payload(content: SlackContent): Promise<Payload> {
    if (!content.card) return { text: content.text ?? content.summary ?? '' };
    const rendered = renderCard(content.card as AdaptiveCardJson, { stash: this.stash.stash });
    await this.stash.flush();
    return { text: content.summary ?? rendered.text, blocks: rendered.blocks };
  }

  /** Returns the posted message's ts. Text beside a card is posted first, as its own message. */
  async post(w: SlackWorkspace | undefined, channel: string, content: SlackContent, where: SlackPlace = {}): Promise<string | undefined> {
    const token = await this.token(w);
    if (content.card && content.text) await this.post(w, channel, { text: content.text }, where);
    const body = await this.payload(content.card ? { card: content.card, ...(content.summary ? { summary: content.summary } : {}) } : content);
    const res = await callSlack('chat.postMessage', () => this.client.chat.postMessage({ token, channel, ...inThread(where), ...body } as Parameters<WebClient['chat']['postMessage']>[0]));
    await this.remember(res.channel ?? channel, res.ts, content.card, 'new');
    return res.ts;
  }

  async update(w: SlackWorkspace | undefined, channel: string, ts: string, content: SlackContent): Promise<void> {
    const token = await this.token(w);
    const body = await this.payload(content);
    await callSlack('chat.update', () => this.client.chat.update({ token, channel, ts, ...body } as Parameters<WebClient['chat']['update']>[0]));
    await this.remember(channel, ts, content.card, 'replaced');
  }

  /** Blocks already rendered (a ShowCard's inner card); `root` is kept as the card behind the new message. */
  async postRendered(w: SlackWorkspace | undefined, channel: string, rendered: RenderResult, opts: { root: Record<string, unknown>; onlyFor?: string } & SlackPlace): Promise<void> {
    const token = await this.token(w);
    await this.stash.flush();
    const body = { token, text: rendered.text, blocks: rendered.blocks, ...inThread(opts) };
    if (opts.onlyFor) {
      const user = opts.onlyFor;
      await callSlack('chat.postEphemeral', () => this.client.chat.postEphemeral({ channel, user, ...body } as Parameters<WebClient['chat']['postEphemeral']>[0]));
      return;
    }
    const res = await callSlack('chat.postMessage', () => this.client.chat.postMessage({ channel, ...body } as Parameters<WebClient['chat']['postMessage']>[0]));
    await this.remember(res.channel ?? channel, res.ts, opts.root, 'new');
  }

  /** The card behind a posted message, for its ShowCard buttons. */
  cardOf(channel: string, ts: string): Promise<Record<string, unknown> | undefined> {
    return this.cards.cardOf(channel, ts);
  }

  /** A new message has no card to forget yet; a replaced one may. */
  private async remember(channel: string, ts: string | undefined, card: Record<string, unknown> | undefined, message: 'new' | 'replaced'): Promise<void> {
    if (ts && card) await this.cards.remember(channel, ts, card, message === 'replaced');
  }

  /** Only `user` sees it (a refusal, a result in a shared channel). */
  async whisper(w: SlackWorkspace | undefined, channel: string, user: string, content: SlackContent, where: SlackPlace = {}): Promise<void> {
    const token = await this.token(w);
    const body = await this.payload(content);
    await callSlack('chat.postEphemeral', () => this.client.chat.postEphemeral({ token, channel, user, ...inThread(where), ...body } as Parameters<WebClient['chat']['postEphemeral']>[0]));
  }

  /**
   * Answers through a slash command's or click's response_url (checked by responseUrlOf): shown to the
   * person alone, also where the bot cannot post (a channel it is not in, a DM between two people).
   * Text beside a card is sent first, as its own answer.
   */
  async respond(responseUrl: string, content: SlackContent): Promise<void> {
    if (content.card && content.text) await this.respond(responseUrl, { text: content.text });
    const body = await this.payload(content.card ? { card: content.card, ...(content.summary ? { summary: content.summary } : {}) } : content);
    await callSlack('response_url', async () => {
      let res: Response;
      try {
        res = await fetch(responseUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...body }),
          signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
        });
      } catch (cause) {
        throw new SlackApiError('UNREACHABLE', 'response_url', 'Slack could not be reached for response_url', { cause });
      }
      await res.body?.cancel();
      // 404 with used_url / expired_url: five answers or 30 minutes have passed.
      if (!res.ok) throw new SlackApiError(res.status >= 500 || res.status === 429 ? 'HTTP_ERROR' : 'SLACK_ERROR', 'response_url', `Slack answered response_url with HTTP ${res.status}`);
    });
  }

  async remove(w: SlackWorkspace | undefined, channel: string, ts: string): Promise<void> {
    const token = await this.token(w);
    await callSlack('chat.delete', () => this.client.chat.delete({ token, channel, ts }));
  }
}
