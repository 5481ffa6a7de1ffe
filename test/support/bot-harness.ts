import type { GdapPort, PartnerCenterPort } from '../../app/ports';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityTypes, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { openStore } from '../../adapters/open-store';
import { createBotRuntime } from '../../bot/composition';
import { createLogger } from '../../bot/logger';
import { createRecognizer } from '../../bot/recognizer';
import { createNlpjsClassifier } from '../../adapters/nlpjs';
import { MessageRecognizer, type IntentClassifier, type IntentScore } from '../../dialogs/recognition';
import { CardSizeLimit } from '../../dialogs';
import { DEFAULT_POLICY, type OutboundMessage, type Platform, type ProactiveSenderPort, type StorePort, type StoredReference } from '../../domain';
import { Schedules, type GroupMembersPort } from '../../app';
import { loadSampleDirectory, sampleLookup } from './sample-directory';
import type { TestClock } from './test-clock';

/** A proactive message as the platform would have delivered it. */
export interface Delivered {
  platform: Platform;
  to: string;
  message: OutboundMessage;
}

/** Stands in for the Bot Connector / Slack Web API at the very edge: records what would be sent. */
class RecordingSender implements ProactiveSenderPort {
  private seq = 0;
  /** How many of the next sends fail, as a platform answering 503 would. */
  failures = 0;
  constructor(readonly platform: Platform, private readonly log: Delivered[], private readonly updates: Delivered[]) {}
  async send(ref: StoredReference, message: OutboundMessage): Promise<{ messageId: string }> {
    if (this.failures > 0) {
      this.failures--;
      throw Object.assign(new Error('503 Service Unavailable'), { statusCode: 503 });
    }
    this.log.push({ platform: this.platform, to: ref.personId ?? ref.key, message });
    return { messageId: `${this.platform}-msg-${++this.seq}` };
  }
  async update(posted: StoredReference, message: OutboundMessage): Promise<void> {
    this.updates.push({ platform: this.platform, to: String(posted.reference.activityId), message });
  }
}

export interface Reply {
  text?: string;
  card?: Record<string, unknown>;
  /** Every string on the card, flattened, for assertions. */
  cardText: string;
}

function cardOf(a: Partial<Activity>): Record<string, unknown> | undefined {
  const att: Attachment | undefined = a.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
  return att?.content as Record<string, unknown> | undefined;
}

export function strings(x: unknown): string {
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) return x.map(strings).join(' ');
  if (x && typeof x === 'object') return Object.values(x).map(strings).join(' ');
  return '';
}

export const toReply = (a: Partial<Activity>): Reply => {
  const card = cardOf(a);
  return { ...(a.text ? { text: a.text } : {}), ...(card ? { card } : {}), cardText: card ? strings(card) : '' };
};

/** The Adaptive Card's link buttons (Action.OpenUrl, nested in ActionSets too). */
export function openUrls(card: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [card];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'Action.OpenUrl' && typeof o.url === 'string') out.push(o.url);
      stack.push(...Object.values(o));
    }
  }
  return out.sort();
}

/** Finds the data of the button with this verb on a card (Action.Execute or Action.Submit, nested too). */
export function buttonData(card: unknown, verb: string): Record<string, unknown> | undefined {
  const stack: unknown[] = [card];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) return { verb, ...(o.data as object) };
      if (o.type === 'Action.Submit' && (o.data as { verb?: string } | undefined)?.verb === verb) return o.data as Record<string, unknown>;
      stack.push(...Object.values(o));
    }
  }
  return undefined;
}

let recognizerPromise: ReturnType<typeof createRecognizer> | undefined;

/**
 * The whole bot, built by the same composition root as `npm start` (bot/composition.ts), on
 * botbuilder's TestAdapter over a real embedded store with the sample directory; only the platforms'
 * delivery APIs are replaced, by recording senders.
 * People speak as themselves: Teams users by Entra object ID, Slack users by team and user ID.
 */
export async function createBotHarness(options: { dataDir?: string; mongodbUri?: string; dbName?: string; clock?: TestClock; partnerCenter?: PartnerCenterPort; groupMembers?: GroupMembersPort; gdap?: GdapPort; /** Issue 18: wraps the trained classifier (pins the scores of a few phrases; see pinnedScores). */ classifier?: (trained: IntentClassifier) => IntentClassifier; /** Issue 18: NLU_ASK_BELOW / NLU_ASK_MARGIN as configured. */ ask?: { NLU_ASK_BELOW: number; NLU_ASK_MARGIN: number } } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pl-bot-'));
  const store: StorePort = await openStore({ dataDir, ...(options.mongodbUri ? { mongodbUri: options.mongodbUri } : {}), ...(options.dbName ? { dbName: options.dbName } : {}) });
  if (await store.directory.isEmpty()) await store.directory.importDirectory(loadSampleDirectory());
  const sample = sampleLookup();
  // The trained model is loaded once per test file (it is the same for every harness).
  const organizations = sample.data.organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));
  recognizerPromise ??= createRecognizer({ organizations });
  const recognizer = options.classifier ? new MessageRecognizer(options.classifier(await createNlpjsClassifier()), { organizations }) : await recognizerPromise;
  /** Log lines (parsed pino JSON) at info and above, for assertions about what is logged. */
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const { bot, notifier, service, jobs } = await createBotRuntime(store, { policy: DEFAULT_POLICY, ...options.ask }, logger, { recognizer, ...(options.clock ? { clock: options.clock } : {}), ...(options.partnerCenter ? { partnerCenter: options.partnerCenter } : {}), ...(options.groupMembers ? { groupMembers: options.groupMembers } : {}), ...(options.gdap ? { gdap: options.gdap } : {}) });
  // Issue 15: with a test clock, the runtime's schedules run on it (the test moves it by days).
  const schedules = options.clock ? new Schedules(logger, options.clock) : undefined;
  const delivered: Delivered[] = [];
  const updated: Delivered[] = [];
  const senders = { teams: new RecordingSender('teams', delivered, updated), slack: new RecordingSender('slack', delivered, updated) };
  notifier.register(senders.teams);
  notifier.register(senders.slack);
  if (schedules) {
    schedules.start(jobs);
    await schedules.idle();
  }
  const adapter = new TestAdapter(async (ctx) => bot.run(ctx));
  // As mountTeams does (bot/teams.mount.ts): every card sent is checked against Teams' size limit.
  adapter.use(new CardSizeLimit());
  let seq = 0;

  function from(personId: string, platform?: Platform): Partial<Activity> {
    const p = sample.person(personId);
    const teams = platform === 'slack' ? undefined : p.identities.find((i) => i.platform === 'teams');
    const slack = platform === 'teams' ? undefined : p.identities.find((i) => i.platform === 'slack');
    if (teams && teams.platform === 'teams') {
      return { channelId: 'msteams', from: { id: `29:${personId}`, name: p.name, aadObjectId: teams.aadObjectId }, conversation: { id: `a:${personId}`, conversationType: 'personal', isGroup: false, name: '' } };
    }
    if (slack && slack.platform === 'slack') {
      return { channelId: 'slack', from: { id: slack.userId, name: p.name }, channelData: { slack: { teamId: slack.teamId, userId: slack.userId } }, conversation: { id: `D-${personId}`, conversationType: 'im', isGroup: false, name: '' } };
    }
    throw new Error(`${personId} has no identity`);
  }

  async function turn(activity: Partial<Activity>): Promise<Reply[]> {
    adapter.activeQueue.length = 0;
    await adapter.processActivity({ id: `act-${++seq}`, recipient: { id: 'bot', name: 'Partner Link' }, serviceUrl: 'https://test.local', ...activity } as Activity, async (ctx) => bot.run(ctx));
    return adapter.activeQueue.splice(0).filter((a) => a.type === ActivityTypes.Message).map(toReply);
  }

  async function invoke(personId: string, data: Record<string, unknown>, locale?: string, platform?: Platform, conversation?: Activity['conversation']) {
    const { verb, ...rest } = data;
    adapter.activeQueue.length = 0;
    const activity = { id: `act-${++seq}`, type: ActivityTypes.Invoke, name: 'adaptiveCard/action', recipient: { id: 'bot', name: 'Partner Link' }, serviceUrl: 'https://test.local', value: { action: { type: 'Action.Execute', verb, data: rest } }, ...(locale ? { locale } : {}), ...from(personId, platform), ...(conversation ? { conversation } : {}) } as Activity;
    await adapter.processActivity(activity, async (ctx) => bot.run(ctx));
    const sent = adapter.activeQueue.splice(0);
    const response = sent.find((a) => a.type === 'invokeResponse');
    const body = (response?.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
    const card = body?.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Record<string, unknown>) : undefined;
    return {
      response: body,
      card,
      /** The card that replaced the clicked one (Universal Actions), as a reply. */
      answer: card ? { card, cardText: strings(card) } : undefined,
      /** Messages posted below it. */
      replies: sent.filter((a) => a.type === ActivityTypes.Message).map(toReply),
    };
  }

  /** Issue 19: the host asks for a form's choices as the person types (an application/search invoke); returns the invoke response. */
  async function search(personId: string, value: Record<string, unknown>, locale?: string, platform?: Platform) {
    adapter.activeQueue.length = 0;
    const activity = { id: `act-${++seq}`, type: ActivityTypes.Invoke, name: 'application/search', recipient: { id: 'bot', name: 'Partner Link' }, serviceUrl: 'https://test.local', value, ...(locale ? { locale } : {}), ...from(personId, platform) } as Activity;
    await adapter.processActivity(activity, async (ctx) => bot.run(ctx));
    const sent = adapter.activeQueue.splice(0);
    const response = sent.find((a) => a.type === 'invokeResponse')?.value as { status: number; body?: { type?: string; value?: { results?: { title: string; value: string }[] } } } | undefined;
    return { status: response?.status, body: response?.body, results: response?.body?.value?.results ?? [], replies: sent.filter((a) => a.type === ActivityTypes.Message).map(toReply) };
  }

  return {
    store,
    logs,
    search,
    delivered,
    /** Posted approval cards replaced after a decision (`to` is the posted message ID). */
    updated,
    /** The stand-ins for the platforms' delivery APIs (make them fail with `.failures = n`). */
    senders,
    notifier,
    /** The domain service and the periodic jobs (notification retries) of this bot, as `npm start` builds them. */
    service,
    jobs,
    dataDir,
    person: sample.person,
    /** A person types a message (locale as their client reports it). */
    say: (personId: string, text: string, locale?: string, platform?: Platform) =>
      turn({ type: ActivityTypes.Message, text, ...(locale ? { locale } : {}), ...from(personId, platform) }),
    /** Someone the directory may not know writes (the activity's channel, sender and conversation given as is). */
    sayAs: (who: Partial<Activity>, text: string) => turn({ type: ActivityTypes.Message, text, ...who }),
    /** A person writes in a team channel (Teams) or a Slack channel. */
    sayInChannel: (personId: string, channelId: string, text: string, locale?: string, platform?: Platform) => {
      const base = from(personId, platform);
      return turn({ type: ActivityTypes.Message, text, ...(locale ? { locale } : {}), ...base, conversation: { id: channelId, conversationType: 'channel', isGroup: true, name: channelId } });
    },
    /**
     * A person installs the app in their personal chat (Teams): a conversationUpdate whose membersAdded
     * lists only the bot, as Teams sends it (recorded by Sentry's Teams tests), or an installationUpdate.
     */
    install: (personId: string, event: 'conversationUpdate' | 'installationUpdate' = 'conversationUpdate', locale?: string) =>
      turn({
        ...(event === 'conversationUpdate' ? { type: ActivityTypes.ConversationUpdate, membersAdded: [{ id: 'bot', name: 'Partner Link' }] } : { type: ActivityTypes.InstallationUpdate, action: 'add' }),
        ...(locale ? { locale } : {}),
        ...from(personId, 'teams'),
      }),
    /** A person writes in a shared conversation (a Teams channel or group chat, a Slack channel) named in full. */
    sayIn: (personId: string, conversation: { id: string; conversationType: 'channel' | 'groupChat' }, text: string, locale?: string, platform?: Platform) =>
      turn({ type: ActivityTypes.Message, text, ...(locale ? { locale } : {}), ...from(personId, platform), conversation: { ...conversation, isGroup: true, name: conversation.id } }),
    /** A person clicks an Action.Execute button on a card in a shared conversation; returns the invoke response too. */
    executeIn: (personId: string, conversation: { id: string; conversationType: 'channel' | 'groupChat' }, data: Record<string, unknown>, locale?: string, platform?: Platform) =>
      invoke(personId, data, locale, platform, { ...conversation, isGroup: true, name: conversation.id }),
    /** A person clicks an Action.Submit button: a message whose value is the data. */
    submit: (personId: string, value: Record<string, unknown>, locale?: string) => turn({ type: ActivityTypes.Message, value, ...(locale ? { locale } : {}), ...from(personId) }),
    /** A person clicks an Action.Execute button: an adaptiveCard/action invoke; returns the invoke response too. */
    execute: (personId: string, data: Record<string, unknown>, locale?: string, platform?: Platform) => invoke(personId, data, locale, platform),
    async close() {
      await schedules?.stop();
      await store.close();
    },
    async destroy() {
      await schedules?.stop();
      await store.close().catch(() => undefined);
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type BotHarness = Awaited<ReturnType<typeof createBotHarness>>;

/**
 * Issue 18: a classifier that gives these phrases exactly these scores and asks the trained one about
 * everything else. For transcripts of what the dialogs do when the classifier is unsure (or reads a
 * message as a request the person cannot make), independent of how the model is trained today.
 */
export function pinnedScores(pins: Record<string, readonly IntentScore[]>): (trained: IntentClassifier) => IntentClassifier {
  return (trained) => ({ classify: async (locale, text) => pins[text]?.map((s) => ({ ...s })) ?? trained.classify(locale, text) });
}
