import {
  ActivityTypes,
  BotAdapter,
  INVOKE_RESPONSE_KEY,
  TurnContext,
  type Activity,
  type ConversationReference,
  type InvokeResponse,
  type ResourceResponse,
} from 'botbuilder';
import { continuationActivity } from './slack-activity.mapper';
import type { SlackContent, SlackMessagePoster } from './slack-message.poster';
import type { SlackReplyRoute } from './slack-reply.route';
import { workspaceOfConversation, type SlackWorkspace } from './slack-tokens';

const CARD = 'application/vnd.microsoft.card.adaptive';

/** Asks the adapter to show a message to one person only (set by the Slack turn handler). */
export const SLACK_EPHEMERAL_KEY = Symbol('slackEphemeralTo');
/** The turn's thread and response_url (see SlackReplyRoute), set by the Slack turn handler. */
export const SLACK_REPLY_KEY = Symbol('slackReplyRoute');
/** What a turn run by processActivity posts, updates and deletes, held until the turn has succeeded. */
const HELD_KEY = Symbol('slackHeldOutput');
type Held = () => Promise<unknown>;

/** The workspace a message acts in: its own conversation's, else the turn's (never another's). */
function workspaceOf(context: TurnContext, activity: Partial<Activity>): SlackWorkspace | undefined {
  const own = activity.conversation?.id && activity.conversation.id !== context.activity.conversation.id;
  return own ? workspaceOfConversation(activity.conversation) : (workspaceOfConversation(activity.conversation) ?? workspaceOfConversation(context.activity.conversation));
}

/** The message an activity carries, as Slack content. */
export function contentOf(activity: Partial<Activity>): SlackContent {
  const card = activity.attachments?.find((a) => a.contentType === CARD)?.content as Record<string, unknown> | undefined;
  return {
    ...(card ? { card } : {}),
    ...(activity.text ? { text: activity.text } : {}),
    ...(activity.summary ? { summary: activity.summary } : {}),
  };
}

/**
 * botbuilder on Slack: turns run through the adapter's middleware and the bot unchanged; what the bot
 * sends is posted with the Web API. Invoke responses stay in the turn state for the caller to use
 * (replace the clicked message, or whisper a refusal).
 *
 * A turn's messages, updates and deletions are held until the turn (and its state write) succeeded,
 * then sent in order: a turn that lost the race for the conversation's state (eTag) is run again on
 * the current state, and the person sees only the answer of the run that counted, once.
 */
export class SlackBotAdapter extends BotAdapter {
  constructor(private readonly poster: SlackMessagePoster) {
    super();
  }

  /** Runs one turn; returns the invoke response, if the activity was an invoke. */
  async processActivity(activity: Activity, logic: (context: TurnContext) => Promise<void>, options: { ephemeralTo?: string; reply?: SlackReplyRoute } = {}): Promise<InvokeResponse | undefined> {
    const context = new TurnContext(this, activity);
    if (options.ephemeralTo) context.turnState.set(SLACK_EPHEMERAL_KEY, options.ephemeralTo);
    if (options.reply) context.turnState.set(SLACK_REPLY_KEY, options.reply);
    const held: Held[] = [];
    context.turnState.set(HELD_KEY, held);
    await this.runMiddleware(context, logic);
    // The turn succeeded: what it said goes out now (a failure here is the turn's failure, as before).
    context.turnState.delete(HELD_KEY);
    for (const send of held) await send();
    const invoke = context.turnState.get(INVOKE_RESPONSE_KEY) as Partial<Activity> | undefined;
    return invoke?.value as InvokeResponse | undefined;
  }

  /** Holds the work while its turn runs (see the class comment); does it at once outside a turn. */
  private async sendOrHold(context: TurnContext, work: () => Promise<string | undefined>): Promise<string> {
    const held = context.turnState.get(HELD_KEY) as Held[] | undefined;
    if (!held) return (await work()) ?? '';
    held.push(work);
    return '';
  }

  override async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const out: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'invokeResponse') {
        context.turnState.set(INVOKE_RESPONSE_KEY, activity);
        out.push({ id: '' });
        continue;
      }
      if (activity.type !== ActivityTypes.Message) {
        out.push({ id: '' }); // typing, traces: Slack has nothing to show
        continue;
      }
      const channel = activity.conversation?.id ?? context.activity.conversation.id;
      const onlyFor = context.turnState.get(SLACK_EPHEMERAL_KEY) as string | undefined;
      // The route (thread, response_url) is the incoming conversation's; a message sent elsewhere goes to that conversation's top level.
      const route = channel === context.activity.conversation.id ? (context.turnState.get(SLACK_REPLY_KEY) as SlackReplyRoute | undefined) : undefined;
      const content = contentOf(activity);
      const w = workspaceOf(context, activity);
      out.push({ id: await this.sendOrHold(context, () => this.deliver(w, channel, onlyFor, content, route)) });
    }
    return out;
  }

  /** Posts (or whispers) one message; where the bot cannot post, through the route's response_url instead. */
  private async deliver(w: SlackWorkspace | undefined, channel: string, onlyFor: string | undefined, content: SlackContent, route: SlackReplyRoute | undefined): Promise<string | undefined> {
    const where = route?.threadTs ? { threadTs: route.threadTs } : {};
    if (route?.unreachable && route.responseUrl) return void (await this.poster.respond(route.responseUrl, content));
    try {
      if (onlyFor) return void (await this.poster.whisper(w, channel, onlyFor, content, where));
      const ts = await this.poster.post(w, channel, content, where);
      if (route) route.posted = true;
      return ts;
    } catch (err) {
      if (!route?.fallsBack(err) || !route.responseUrl) throw err;
      await this.poster.respond(route.responseUrl, content);
      return undefined;
    }
  }

  override async updateActivity(context: TurnContext, activity: Partial<Activity>): Promise<void> {
    if (!activity.id) throw new Error('updateActivity needs the message ts as activity.id');
    const [channel, ts, content, w] = [activity.conversation?.id ?? context.activity.conversation.id, activity.id, contentOf(activity), workspaceOf(context, activity)];
    await this.sendOrHold(context, async () => void (await this.poster.update(w, channel, ts, content)));
  }

  override async deleteActivity(context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const ts = reference.activityId;
    if (!ts) return;
    const channel = reference.conversation?.id ?? context.activity.conversation.id;
    const w = workspaceOfConversation(reference.conversation) ?? workspaceOfConversation(context.activity.conversation);
    await this.sendOrHold(context, async () => void (await this.poster.remove(w, channel, ts)));
  }

  override async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.runMiddleware(new TurnContext(this, continuationActivity(reference)), logic);
  }
}
