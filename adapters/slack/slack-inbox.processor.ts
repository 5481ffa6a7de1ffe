import { errorCode, unwrap, type ProcessedEventPort } from '../../domain';
import type { SlackAckJournal } from './slack-ack-journal';
import { LoopBusy } from './loop-busy';
import { TurnGate } from './turn-gate';
import { commandToText, stripBotMention } from './slack-activity.mapper';
import { findSlackApiError } from './slack-api.errors';
import { checkSlackBody } from './slack-body.schema';
import { clickOf, inboxIdOf, inputOf, type SlackBlockSuggestionBody, type SlackInput } from './slack-payloads';
import { actingWorkspacesOf, workspacesAllowed } from './slack-workspaces';
import type { SlackOptionsAnswer, SlackTurnHandler } from './slack-turn.handler';
import type { SlackLogger } from './slack.types';

export const INBOX_SOURCE = 'slack';
/** A delivery that failed this many times is moved aside as dead (logged, kept, listed by the CLI) instead of retried forever. */
export const MAX_ATTEMPTS = 5;
/** Default for `maxRecoveryAgeMs`: a delivery older than this is not replayed at start (SLACK_RECOVERY_MAX_AGE_MINUTES). */
export const DEFAULT_RECOVERY_MAX_AGE_MS = 60 * 60_000;

const NOT_ALLOWED = 'Partner Link is not available in this Slack workspace. / このワークスペースでは Partner Link をご利用いただけません。';

/** For a person whose workspace belongs to no organization (the bot cannot know their language yet). */
const NOT_AVAILABLE =
  'Partner Link is not available to your organization yet. Please ask your administrator to set it up. / Partner Link はまだあなたの組織ではご利用いただけません。管理者に設定を依頼してください。';

export interface SlackInboxDeps {
  events: ProcessedEventPort;
  turns: SlackTurnHandler;
  /** Workspaces allowed to use the bot; empty means any. */
  allowedTeamIds: readonly string[];
  logger: SlackLogger;
  /**
   * Whether the acting person may be served: known to the directory, or from a workspace (or Grid
   * organization) an organization names. False: the person is told politely, nothing is stored.
   * Unset: everyone the allow-list lets through.
   */
  admits?: (who: { teamId: string; enterpriseId?: string; userId: string }) => Promise<boolean>;
  /** Deletes the installation Slack says was removed (distributed app); unset: such events are ignored. */
  onUninstalled?: (workspace: { teamId?: string; enterpriseId?: string; isEnterpriseInstall: boolean }) => Promise<void>;
  now?: () => Date;
  /**
   * Where a delivery is kept when the store is too slow to record it within `ackBudgetMs`; without
   * one, the acknowledgement always waits for the store.
   */
  journal?: SlackAckJournal;
  /** How long the acknowledgement may wait for the store before the journal takes the delivery. */
  ackBudgetMs?: number;
  /**
   * How long the organization gate (`admits`) may take before the delivery is let through unchecked
   * (the turn checks the person again). Without a bound, a directory slower than Slack's 3 s made Bolt
   * acknowledge on its own while the delivery was recorded nowhere yet.
   */
  admitBudgetMs?: number;
  /** At most this many deliveries are worked on at once; the rest wait (at most 30 s) in order. */
  maxTurnsInFlight?: number;
  /**
   * Issue 19: whether the event loop is busy (LoopBusy by default); while it is, at most
   * BUSY_TURNS_IN_FLIGHT deliveries are worked on at once, so acknowledgements do not wait behind turns.
   */
  loopBusy?: () => boolean;
  /**
   * A delivery left pending (or journaled) longer than this is not replayed at start: the person has
   * moved on, and an old click or "yes" would act on what they see now. It is marked dead and logged.
   */
  maxRecoveryAgeMs?: number;
}

const DEFAULT_MAX_TURNS_IN_FLIGHT = 16;
/**
 * Issue 19: how many turns run at once while the event loop is busy. At L, 50 add-partner deliveries a
 * second were more work than the loop could do; with 16 turns interleaved, each step of a new delivery's
 * acknowledgement (the organization check, the inbox write) waited behind 16 turns' work, and the ack
 * p99 reached 7 s. Two keep one turn's store waits filled by another's work.
 */
export const BUSY_TURNS_IN_FLIGHT = 2;
/** How long a delivery may wait for a place: well inside RECOVERY_GRACE_MS, so recovery never takes it for an orphan. */
const MAX_WAIT_FOR_A_TURN_MS = 30_000;

/** Default for `ackBudgetMs`: well inside Slack's 3 s, and far above a healthy store's claim (~1 ms). */
const DEFAULT_ACK_BUDGET_MS = 25;
/** Default for `admitBudgetMs`: leaves the store's claim (and the journal) most of Slack's 3 s. */
const DEFAULT_ADMIT_BUDGET_MS = 1_000;

const SLOW = Symbol('slow');
/** Issue 19: a menu's options must reach Slack within its 3 s; past this the answer is an empty list. */
const SUGGEST_BUDGET_MS = 2_500;
/** How long a missed budget makes the next deliveries skip waiting for the store. */
const SLOW_STORE_MEMORY_MS = 5_000;

/** A short string from a body, for a log line (anything else: undefined). */
const shortString = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= 64 ? v : undefined);

/** The promise's value, or SLOW if it takes longer than `ms` (the promise goes on either way). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof SLOW> {
  if (ms <= 0) return Promise.resolve(SLOW);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof SLOW>((resolve) => (timer = setTimeout(() => resolve(SLOW), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A processed delivery's record keeps only its ID (to recognise a duplicate), not the body. */
const DROP_PAYLOAD = { dropPayload: true } as const;
/** How long a processed delivery's ID is kept (the store-pruning job): Slack retries within minutes, so a day is ample. */
export const DONE_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * A turn that lost the race for its conversation's state (another turn saved first, ETAG_CONFLICT) is
 * run again on the current state at once, up to this many runs in all, after a short random pause
 * (up to CONFLICT_BACKOFF_MS doubling per run) so that two racing instances do not collide again.
 */
const MAX_CONFLICT_RUNS = 6;
const CONFLICT_BACKOFF_MS = 15;
const isStateConflict = (err: unknown) => unwrap(err).some((e) => (e as { code?: unknown } | null)?.code === 'ETAG_CONFLICT');
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The conversation a delivery's turn reads and writes state of (turns of one are run one at a time here). */
function conversationOf(input: SlackInput): string | undefined {
  if (input.kind === 'message') return `${input.origin.teamId}/${input.origin.channel}`;
  if (input.kind === 'click') {
    const origin = clickOf(input.body)?.origin;
    return origin ? `${origin.teamId}/${origin.channel}` : undefined;
  }
  return undefined;
}

/** How old a pending delivery must be before a starting instance treats it as left by a crash. */
export const RECOVERY_GRACE_MS = 60_000;
/** How long a recovering instance holds a delivery before another may try it again (if it died meanwhile). */
const RECOVERY_LEASE_MS = 5 * 60_000;

/**
 * Record first, acknowledge, then work. A delivery is written to the durable inbox before Slack gets
 * its 200: if the store is down nothing is acknowledged and Slack retries; a retry or duplicate finds
 * the record and is acknowledged without being processed again; a crash between the
 * acknowledgement and the end of the work leaves the record pending for `recover()` at the next start.
 *
 * A store that is up but slow would make Slack wait (and retry after 3 s). When the inbox write takes
 * longer than the budget, the delivery is synced to this instance's journal instead, acknowledged,
 * and handed to the inbox as soon as the store answers; the journal is replayed at start and by
 * `replayJournal()`, so an acknowledged delivery is never lost, and the inbox still lets it through once.
 */
export class SlackInboxProcessor {
  private readonly now: () => Date;
  private readonly gate: TurnGate;
  /** Until when the store counts as slow (its last claim missed the budget): journal at once, without waiting. */
  private slowUntil = 0;
  /** Per conversation, the end of the last turn queued for it on this instance. */
  private readonly conversations = new Map<string, Promise<void>>();

  constructor(private readonly deps: SlackInboxDeps) {
    this.now = deps.now ?? (() => new Date());
    const loop = deps.loopBusy ?? ((l) => () => l.busy())(new LoopBusy());
    // A turn given its place yields once first, so that deliveries already arrived are acknowledged before its work.
    this.gate = new TurnGate(deps.maxTurnsInFlight ?? DEFAULT_MAX_TURNS_IN_FLIGHT, MAX_WAIT_FOR_A_TURN_MS, { busy: loop, busyLimit: BUSY_TURNS_IN_FLIGHT, yieldFirst: true });
  }

  /**
   * `ack` sends Slack's HTTP 200 (or Socket Mode envelope ack); text is shown to the person (commands
   * only); an object is the JSON answer (a block_suggestion's options).
   */
  async receive(body: Record<string, unknown>, ack: (response?: string | SlackOptionsAnswer) => Promise<void>, meta: { retryNum?: number } = {}): Promise<void> {
    const check = checkSlackBody(body);
    if (!check.ok) {
      // Acknowledged so that Slack does not send it again; nothing is stored and no turn runs.
      this.deps.logger.warn({ problem: check.problem, retryNum: meta.retryNum }, 'Slack delivery refused at the edge: not a valid Slack body; acknowledged, nothing stored');
      await this.acknowledge(ack, '-');
      return;
    }
    if (!this.allowed(body, 'refused, nothing stored')) {
      await ack(typeof body.command === 'string' ? NOT_ALLOWED : undefined);
      return;
    }
    // Issue 19: options for a menu are read-only and wanted now: answered in the acknowledgement, never stored.
    if (body.type === 'block_suggestion') return this.suggest(body as unknown as SlackBlockSuggestionBody, ack);
    if (this.deps.admits && !(await this.admitted(body, ack))) return;
    const id = inboxIdOf(body);
    if (!id) {
      if (body.type === 'event_callback') this.deps.logger.warn({ eventType: shortString((body.event as { type?: unknown } | undefined)?.type) }, 'Slack event_callback without event_id; acknowledged and dropped');
      await ack();
      return;
    }
    const claim = this.claim(id, body);
    // While the store counts as slow, do not wait for it at all.
    const budget = Date.now() < this.slowUntil ? 0 : (this.deps.ackBudgetMs ?? DEFAULT_ACK_BUDGET_MS);
    // Throws when the store is down: no ack, so Slack delivers again later.
    let status = this.deps.journal ? await within(claim, budget) : await claim;
    if (status === SLOW) {
      this.slowUntil = Date.now() + SLOW_STORE_MEMORY_MS;
      if (this.journaled(id, body)) return this.acknowledgeThenWait(claim, id, body, ack, meta);
      status = await claim; // not journaled: the acknowledgement waits for the store, as without a journal
    }
    await this.acknowledge(ack, id);
    await this.afterClaim(id, body, status, meta);
  }

  /** Answers a block_suggestion with the options (none when the lookup fails: the menu then shows nothing, nothing breaks). */
  private async suggest(body: SlackBlockSuggestionBody, ack: (response?: SlackOptionsAnswer) => Promise<void>): Promise<void> {
    let answer: SlackOptionsAnswer = { options: [] };
    try {
      answer = await within(this.deps.turns.suggest(body, `suggest-${this.now().getTime()}`), SUGGEST_BUDGET_MS).then((a) => (a === SLOW ? answer : a));
    } catch (err) {
      this.deps.logger.warn({ err }, 'Slack options request failed; answered with no options');
    }
    await ack(answer).catch((err: unknown) => this.deps.logger.warn({ err }, 'Slack options request could not be answered'));
  }

  /** ALLOWED_SLACK_TEAM_IDS, for the person acting (their workspace and enterprise), not only the install; logged when refused. */
  private allowed(body: Record<string, unknown>, outcome: string): boolean {
    const workspaces = actingWorkspacesOf(body);
    if (workspacesAllowed(workspaces, this.deps.allowedTeamIds)) return true;
    this.deps.logger.warn({ ...workspaces }, `Slack request from a workspace not in ALLOWED_SLACK_TEAM_IDS; ${outcome}`);
    return false;
  }

  /**
   * The organization gate at the edge: a person from a workspace no organization names (and not in the
   * directory) is acknowledged and told once, politely, in both languages; nothing is recorded.
   */
  private async admitted(body: Record<string, unknown>, ack: (text?: string) => Promise<void>): Promise<boolean> {
    let input: SlackInput;
    try {
      input = inputOf(body, stripBotMention, commandToText);
    } catch {
      return true; // unreadable: the inbox's own handling decides
    }
    const origin = input.kind === 'message' ? input.origin : input.kind === 'click' ? clickOf(input.body)?.origin : undefined;
    if (!origin) return true;
    const who = { teamId: origin.teamId, ...(origin.enterpriseId ? { enterpriseId: origin.enterpriseId } : {}), userId: origin.userId };
    // The directory unreachable or slow: the inbox's own handling of a store that is down or slow decides,
    // and the turn checks the person again.
    const admits = await within(this.deps.admits!(who).catch(() => true), this.deps.admitBudgetMs ?? DEFAULT_ADMIT_BUDGET_MS);
    if (admits === SLOW) {
      this.deps.logger.warn({ teamId: who.teamId }, 'Slack organization check slower than its budget; delivery let through, the turn checks the person');
      return true;
    }
    if (admits) return true;
    this.deps.logger.warn({ teamId: who.teamId, enterpriseId: who.enterpriseId }, 'Slack request from a workspace that belongs to no organization; refused politely, nothing stored');
    if (typeof body.command === 'string') {
      await ack(NOT_AVAILABLE);
      return false;
    }
    await ack();
    await this.deps.turns.refuse(origin, NOT_AVAILABLE).catch((err: unknown) => this.deps.logger.warn({ err }, 'the refusal could not be posted'));
    return false;
  }

  /** Keeps the delivery on this instance's disk; false (logged) if that failed. */
  private journaled(id: string, body: Record<string, unknown>): boolean {
    try {
      this.deps.journal!.keep(id, body, this.now());
      return true;
    } catch (err) {
      this.deps.logger.warn({ err, id }, 'Slack delivery could not be journaled; the acknowledgement waits for the store');
      return false;
    }
  }

  /** The store is slow and the delivery is journaled: acknowledge now, then wait for the store. */
  private async acknowledgeThenWait(claim: Promise<'new' | 'duplicate'>, id: string, body: Record<string, unknown>, ack: (text?: string) => Promise<void>, meta: { retryNum?: number }): Promise<void> {
    claim.catch(() => undefined); // a failure is handled below, after the ack
    await this.acknowledge(ack, id);
    let status: 'new' | 'duplicate';
    try {
      status = await claim;
    } catch (err) {
      this.deps.logger.warn({ err, id }, 'Slack delivery acknowledged but not yet in the store; kept in the journal for replay');
      return;
    }
    await this.dropFromJournal(id);
    await this.afterClaim(id, body, status, meta);
  }

  /**
   * Hands journaled deliveries to the inbox (call at start and now and then). Stops at the first store
   * failure (the rest wait for the next call). Returns how many were handed over.
   */
  async replayJournal(): Promise<number> {
    const journal = this.deps.journal;
    if (!journal) return 0;
    let count = 0;
    for (const entry of await journal.list()) {
      let status: 'new' | 'duplicate';
      const at = new Date(entry.at);
      try {
        status = await this.claim(entry.id, entry.body);
      } catch (err) {
        this.deps.logger.warn({ err, left: 'journal' }, 'Slack journal replay stopped: the store is not answering');
        break;
      }
      await this.dropFromJournal(entry.id);
      count += 1;
      if (status !== 'new') continue;
      const dead = (Number.isNaN(at.getTime()) ? undefined : this.tooOld(at)) ?? this.unreadable(entry.body);
      if (dead) await this.moveAside(entry.id, dead);
      else await this.process(entry.id, entry.body);
    }
    if (count) this.deps.logger.info({ count }, 'Slack deliveries from the journal were handed to the inbox');
    return count;
  }

  private claim(id: string, body: Record<string, unknown>) {
    // Recorded as received now, also from the journal: recovery's grace keeps another instance off it while it is worked on here.
    return this.deps.events.claim({ id, source: INBOX_SOURCE, payload: { body: JSON.stringify(body) } }, this.now());
  }

  /** Why a delivery received at `at` is too old to be replayed, or undefined. */
  private tooOld(at: Date): string | undefined {
    const maxAge = this.deps.maxRecoveryAgeMs ?? DEFAULT_RECOVERY_MAX_AGE_MS;
    const age = this.now().getTime() - at.getTime();
    return age > maxAge ? `expired: received ${Math.round(age / 60_000)} min ago, more than SLACK_RECOVERY_MAX_AGE_MINUTES (${Math.round(maxAge / 60_000)})` : undefined;
  }

  /** Why a stored body cannot be worked on (a delivery recorded before the edge checked bodies), or undefined. */
  private unreadable(body: Record<string, unknown> | undefined): string | undefined {
    if (!body) return 'the stored body cannot be read';
    const check = checkSlackBody(body);
    return check.ok ? undefined : `not a valid Slack body: ${check.problem}`;
  }

  /** Moves a delivery aside as dead (never retried; `partner-link deliveries --dead` lists it) and says so. */
  private async moveAside(id: string, reason: string, level: 'warn' | 'error' = 'warn'): Promise<void> {
    await this.deps.events.markDead(id, this.now(), reason);
    this.deps.logger[level]({ id, reason }, 'Slack delivery moved aside as dead; it is not retried (partner-link deliveries --dead lists it)');
  }

  private async acknowledge(ack: (text?: string) => Promise<void>, id: string): Promise<void> {
    // A claim slower than Slack's 3 s makes Bolt answer on its own; the record is kept and the work goes on.
    await ack().catch((err: unknown) => this.deps.logger.warn({ err, id }, 'Slack request could not be acknowledged (answered already?)'));
  }

  private async dropFromJournal(id: string): Promise<void> {
    // Left behind, the entry is only claimed again at the next replay and found a duplicate.
    await this.deps.journal?.drop(id).catch((err: unknown) => this.deps.logger.warn({ err, id }, 'Slack journal entry could not be removed'));
  }

  private async afterClaim(id: string, body: Record<string, unknown>, status: 'new' | 'duplicate', meta: { retryNum?: number }): Promise<void> {
    if (status === 'duplicate') {
      this.deps.logger.debug({ id, retryNum: meta.retryNum }, 'Slack delivery already received; not processed again');
      return;
    }
    await this.process(id, body);
  }

  /**
   * Processes deliveries left pending by a crash (call once at start). Returns how many were retried.
   * Each is taken over with a lease first, so two instances starting together never both process one.
   * Only deliveries older than `graceMs`: a younger one may be another instance's work in flight.
   */
  async recover(limit = 100, graceMs = RECOVERY_GRACE_MS): Promise<number> {
    const before = new Date(this.now().getTime() - graceMs);
    const pending = await this.deps.events.listDue(INBOX_SOURCE, before, limit);
    let taken = 0;
    for (const event of pending) {
      // Another instance starting at the same moment may be recovering the same delivery: one wins.
      const now = this.now();
      if (!(await this.deps.events.takeOver(event.id, now, new Date(now.getTime() + RECOVERY_LEASE_MS)))) continue;
      taken += 1;
      const body = bodyOf(event.payload);
      const dead =
        event.attempts >= MAX_ATTEMPTS ? `failed ${event.attempts} times` : (this.tooOld(event.receivedAt) ?? this.unreadable(body));
      if (dead) await this.moveAside(event.id, dead, event.attempts >= MAX_ATTEMPTS ? 'error' : 'warn');
      else await this.process(event.id, body!);
    }
    if (taken) this.deps.logger.info({ count: taken }, 'Slack deliveries left pending by a previous run were processed');
    return taken;
  }

  /**
   * Turns of one conversation run one after another on this instance (they would only race for its
   * state); a turn that still loses the race, to another instance, is run again (see runTurn).
   */
  private async process(id: string, body: Record<string, unknown>): Promise<void> {
    // Checked again here: a delivery recovered or replayed from the journal was recorded under an older list.
    if (!this.allowed(body, 'delivery closed unprocessed')) {
      await this.deps.events.complete(id, this.now(), DROP_PAYLOAD);
      return;
    }
    let input: SlackInput;
    try {
      input = inputOf(body, stripBotMention, commandToText);
    } catch (err) {
      input = { kind: 'ignore', why: `unreadable: ${(err as Error).message}` };
    }
    const key = conversationOf(input);
    if (!key) return this.gate.run(() => this.work(id, input));
    const run = (this.conversations.get(key) ?? Promise.resolve()).then(() => this.gate.run(() => this.work(id, input)));
    const tail = run.catch(() => undefined);
    this.conversations.set(key, tail);
    void tail.then(() => {
      if (this.conversations.get(key) === tail) this.conversations.delete(key);
    });
    return run;
  }

  /** One turn, run again on the current state when it lost the race for the conversation's state. */
  private async runTurn(id: string, input: SlackInput): Promise<void> {
    for (let run = 1; ; run++) {
      try {
        if (input.kind === 'message') await this.deps.turns.message(input.origin, input.text, input.id);
        else if (input.kind === 'click') await this.deps.turns.click(input.body);
        return;
      } catch (err) {
        if (!isStateConflict(err) || run >= MAX_CONFLICT_RUNS) throw err;
        this.deps.logger.info({ id, run }, 'Slack turn lost the race for its conversation state; running it again on the current state');
        await pause(Math.random() * CONFLICT_BACKOFF_MS * 2 ** (run - 1));
      }
    }
  }

  private async uninstalled(id: string, workspace: Extract<SlackInput, { kind: 'uninstalled' }>['workspace']): Promise<void> {
    if (!this.deps.onUninstalled) return this.deps.logger.info({ id, ...workspace }, 'Slack app removed from a workspace; single-workspace mode keeps no installation');
    await this.deps.onUninstalled(workspace);
  }

  private async work(id: string, input: SlackInput): Promise<void> {
    try {
      if (input.kind === 'ignore') this.deps.logger.debug({ id, why: input.why }, 'Slack delivery ignored');
      else if (input.kind === 'uninstalled') await this.uninstalled(id, input.workspace);
      else await this.runTurn(id, input);
      await this.deps.events.complete(id, this.now(), DROP_PAYLOAD);
    } catch (err) {
      if (errorCode(err) === 'NOT_INSTALLED') {
        // No token for the workspace: nothing could be answered; trying again gives the same answer until it is installed.
        this.deps.logger.error({ id, code: 'NOT_INSTALLED', message: (err as Error).message }, 'Slack delivery from a workspace without an installation; delivery closed');
        await this.deps.events.complete(id, this.now(), DROP_PAYLOAD).catch(() => undefined);
        return;
      }
      const slack = findSlackApiError(err);
      if (slack && !slack.retryable) {
        // The person was told (see SlackTurnHandler); trying again would fail the same way.
        this.deps.logger.warn({ err, id, code: slack.code }, 'Slack refused the answer; delivery closed');
        await this.deps.events.complete(id, this.now(), DROP_PAYLOAD).catch(() => undefined);
        return;
      }
      const attempts = await this.deps.events.recordAttempt(id).catch(() => 0);
      if (attempts >= MAX_ATTEMPTS) {
        this.deps.logger.error({ err, id, code: errorCode(err), attempts }, 'Slack delivery could not be processed');
        await this.moveAside(id, `failed ${attempts} times; last: ${errorCode(err) ?? (err as Error)?.name ?? 'error'}`, 'error').catch(() => undefined);
        return;
      }
      this.deps.logger.error({ err, id, code: errorCode(err), attempts }, 'Slack delivery could not be processed; it stays pending for the next start');
    }
  }
}

/** The Slack body kept in an inbox record, or undefined when it cannot be read. */
function bodyOf(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  if (typeof payload.body !== 'string') return undefined;
  try {
    const body = JSON.parse(payload.body) as unknown;
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
