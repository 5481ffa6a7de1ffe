import type { ProcessedEventPort } from '../../domain';
import { commandToText, stripMentions } from './slack-activity.mapper';
import { SlackApiError } from './slack-api.errors';
import { inboxIdOf, inputOf, teamOf } from './slack-payloads';
import type { SlackTurnHandler } from './slack-turn.handler';
import type { SlackLogger } from './slack.types';

export const INBOX_SOURCE = 'slack';
/** A delivery that failed this many times is given up on (and logged) instead of retried forever. */
const MAX_ATTEMPTS = 5;

const NOT_ALLOWED = 'Partner Link is not available in this Slack workspace. / このワークスペースでは Partner Link をご利用いただけません。';

export interface SlackInboxDeps {
  events: ProcessedEventPort;
  turns: SlackTurnHandler;
  /** Workspaces allowed to use the bot; empty means any. */
  allowedTeamIds: readonly string[];
  logger: SlackLogger;
  now?: () => Date;
}

/** How old a pending delivery must be before a starting instance treats it as left by a crash. */
export const RECOVERY_GRACE_MS = 60_000;

/**
 * Record first, acknowledge, then work. A delivery is written to the durable inbox before Slack gets
 * its 200: if the store is down nothing is acknowledged and Slack retries; a retry or duplicate finds
 * the record and is acknowledged without being processed again; a crash between the
 * acknowledgement and the end of the work leaves the record pending for `recover()` at the next start.
 */
export class SlackInboxProcessor {
  private readonly now: () => Date;

  constructor(private readonly deps: SlackInboxDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** `ack` sends Slack's HTTP 200 (or Socket Mode envelope ack); text is shown to the person (commands only). */
  async receive(body: Record<string, unknown>, ack: (text?: string) => Promise<void>, meta: { retryNum?: number } = {}): Promise<void> {
    const team = teamOf(body);
    const allowed = this.deps.allowedTeamIds;
    if (allowed.length > 0 && (!team || !allowed.includes(team))) {
      this.deps.logger.warn({ team }, 'Slack request from a workspace not in ALLOWED_SLACK_TEAM_IDS; refused, nothing stored');
      await ack(typeof body.command === 'string' ? NOT_ALLOWED : undefined);
      return;
    }
    const id = inboxIdOf(body);
    if (!id) {
      await ack();
      return;
    }
    // Throws when the store is down: no ack, so Slack delivers again later.
    const status = await this.deps.events.claim({ id, source: INBOX_SOURCE, payload: { body: JSON.stringify(body) } }, this.now());
    // A claim slower than Slack's 3 s makes Bolt answer on its own; the record is kept and the work goes on.
    await ack().catch((err: unknown) => this.deps.logger.warn({ err, id }, 'Slack request could not be acknowledged (answered already?)'));
    if (status === 'duplicate') {
      this.deps.logger.debug({ id, retryNum: meta.retryNum }, 'Slack delivery already received; not processed again');
      return;
    }
    await this.process(id, body);
  }

  /**
   * Processes deliveries left pending by a crash (call once at start). Returns how many were retried.
   * Only deliveries older than `graceMs`: a younger one may be another instance's work in flight.
   */
  async recover(limit = 100, graceMs = RECOVERY_GRACE_MS): Promise<number> {
    const before = new Date(this.now().getTime() - graceMs);
    const pending = (await this.deps.events.listPending(before, limit)).filter((e) => e.source === INBOX_SOURCE);
    for (const event of pending) {
      if (event.attempts >= MAX_ATTEMPTS) {
        this.deps.logger.error({ id: event.id, attempts: event.attempts }, 'Slack delivery failed too often; given up');
        await this.deps.events.complete(event.id, this.now());
        continue;
      }
      const body = typeof event.payload.body === 'string' ? (JSON.parse(event.payload.body) as Record<string, unknown>) : undefined;
      if (body) await this.process(event.id, body);
      else await this.deps.events.complete(event.id, this.now());
    }
    if (pending.length) this.deps.logger.info({ count: pending.length }, 'Slack deliveries left pending by a previous run were processed');
    return pending.length;
  }

  private async process(id: string, body: Record<string, unknown>): Promise<void> {
    try {
      const input = inputOf(body, stripMentions, commandToText);
      if (input.kind === 'message') await this.deps.turns.message(input.origin, input.text, input.id);
      else if (input.kind === 'click') await this.deps.turns.click(input.body);
      else this.deps.logger.debug({ id, why: input.why }, 'Slack delivery ignored');
      await this.deps.events.complete(id, this.now());
    } catch (err) {
      if (err instanceof SlackApiError && !err.retryable) {
        // The person was told (see SlackTurnHandler); trying again would fail the same way.
        this.deps.logger.warn({ err, id, code: err.code }, 'Slack refused the answer; delivery closed');
        await this.deps.events.complete(id, this.now()).catch(() => undefined);
        return;
      }
      this.deps.logger.error({ err, id }, 'Slack delivery could not be processed; it stays pending for the next start');
      await this.deps.events.recordAttempt(id).catch(() => undefined);
    }
  }
}
