/**
 * Issue 19: what one person's eligibility question costs on a big directory, as reusable functions (the
 * scale rows of `npm run bench` may call them). Everything runs in this process on an already seeded
 * store: the domain query alone (a US customer asking for an Azure partner), and whole turns through the
 * composition root on botbuilder's TestAdapter (an add-partner turn and a Teams "link me with a
 * distributor" turn). Each figure comes with the longest time the event loop was held meanwhile.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { createBotRuntime, type BotRuntime } from '../../bot/composition';
import { createLogger } from '../../bot/logger';
import { DEFAULT_POLICY, type Organization, type Person, type StorePort } from '../../domain';

export interface Timing {
  runs: number;
  p50Ms: number;
  maxMs: number;
  /** The longest the event loop went without turning meanwhile (ms, 1 ms resolution). */
  maxLoopBlockMs: number;
}

export interface ScalePeople {
  customer: Organization;
  customerAdmin: Person;
  reseller: Organization;
  resellerAdmin: Person;
}

/** The given customer (else the first US customer in the public cloud) and the first reseller, each with its first admin. */
export async function pickScalePeople(store: StorePort, customerId?: string): Promise<ScalePeople> {
  const customer = customerId
    ? await store.directory.getOrganization(customerId)
    : (await store.directory.listOrganizations({ kind: 'customer' })).find((o) => o.country === 'US' && o.cloud === 'public');
  const reseller = (await store.directory.listOrganizations({ kind: 'indirect_reseller' }))[0];
  if (!customer || !reseller) throw new Error('the directory has no US public-cloud customer or no reseller');
  const admin = async (org: Organization) => {
    const p = (await store.directory.listPeople(org.id)).find((x) => x.roles.includes('admin') && x.identities.some((i) => i.platform === 'teams'));
    if (!p) throw new Error(`${org.id} has no admin with a Teams identity`);
    return p;
  };
  return { customer, customerAdmin: await admin(customer), reseller, resellerAdmin: await admin(reseller) };
}

/** Runs `work` `runs` times one after the other and reports the spread and the longest event-loop block. */
export async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  const ms: number[] = [];
  const loop = loopBlockWatch();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    ms.push(performance.now() - t0);
    await sleep(2); // one run's block is not added to the next's
  }
  const maxLoopBlockMs = await loop.stop();
  ms.sort((a, b) => a - b);
  return { runs, p50Ms: round(ms[Math.floor((ms.length - 1) / 2)]!), maxMs: round(ms[ms.length - 1]!), maxLoopBlockMs: round(maxLoopBlockMs) };
}

/**
 * The longest gap between two turns of a 1 ms timer: how long the event loop was held at once (work that
 * only awaits resolved promises never lets the timer run, which is exactly what this must catch).
 */
function loopBlockWatch() {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 1);
    last = now;
  }, 1);
  return {
    async stop(): Promise<number> {
      await sleep(5); // let the timer see the last stretch
      clearInterval(timer);
      return Math.max(0, max);
    },
  };
}

const round = (x: number) => Math.round(x * 10) / 10;

/** The eligibility query alone: eligible partners for Azure for the customer. Returns how many were offered too. */
export async function timeEligibilityQuery(runtime: Pick<BotRuntime, 'service'>, people: ScalePeople, runs: number): Promise<Timing & { eligible: number }> {
  let eligible = 0;
  const t = await timeRuns(runs, async () => {
    const out = await runtime.service.eligiblePartners(people.customer.id, 'azure', people.customerAdmin);
    eligible = out.kind === 'listed' ? out.eligible.length : 0;
  });
  return { ...t, eligible };
}

/** The bot as `npm start` builds it, on the given store, driven through botbuilder's TestAdapter. */
export async function turnRunner(store: StorePort) {
  const logger = createLogger('warn', { write: () => undefined });
  const runtime = await createBotRuntime(store, { policy: DEFAULT_POLICY }, logger);
  const adapter = new TestAdapter(async (ctx) => runtime.bot.run(ctx));
  let seq = 0;
  /** One message from a person's Teams identity in a conversation of its own; answers the replies' sizes. */
  async function say(person: Person, text: string): Promise<{ replies: number; cardBytes: number[] }> {
    const teams = person.identities.find((i) => i.platform === 'teams');
    if (!teams || teams.platform !== 'teams') throw new Error(`${person.id} has no Teams identity`);
    const n = ++seq;
    adapter.activeQueue.length = 0;
    const activity = {
      id: `act-${n}`, type: ActivityTypes.Message, text, channelId: 'msteams', serviceUrl: 'https://bench.local',
      recipient: { id: 'bot', name: 'Partner Link' },
      from: { id: `29:${person.id}`, name: person.name, aadObjectId: teams.aadObjectId },
      conversation: { id: `a:${person.id}:${n}`, conversationType: 'personal', isGroup: false, name: '' },
    } as unknown as Activity;
    await adapter.processActivity(activity, async (ctx) => runtime.bot.run(ctx));
    const sent = adapter.activeQueue.splice(0).filter((a) => a.type === ActivityTypes.Message);
    return { replies: sent.length, cardBytes: sent.flatMap((a) => (a.attachments ?? []).map((x) => Buffer.byteLength(JSON.stringify(x.content)))) };
  }
  return { runtime, say };
}

export const ADD_PARTNER_TEXT = 'We need a second partner for Azure';
export const LINK_TEXT = 'link me with a distributor';
