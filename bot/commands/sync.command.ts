import { hostname, userInfo } from 'node:os';
import { DirectorySync, PartnerCenterError, SYNC_KINDS, systemSchedulerClock, withSyncRunLease, type PartnerCenterPort, type SyncProgress, type SyncReport } from '../../app';
import type { StorePort } from '../../domain';
import { loadConfig } from '../config';
import { partnerCenterClient } from '../partner-center.wiring';
import { openConfiguredStore } from '../runtime';
import type { CommandIo } from './command-io';

const USAGE = 'Usage: partner-link sync [--dry-run]';
const KIND_LABELS: Record<(typeof SYNC_KINDS)[number], string> = {
  operator: 'your organization',
  resellers: 'indirect resellers',
  links: 'reseller links',
  customers: 'customers',
  relationships: 'relationships',
  subscriptions: 'subscriptions',
};
const PHASE_LABELS: Record<SyncProgress['phase'], string> = {
  operator: 'reading your organization profile',
  resellers: 'reading your indirect resellers',
  customers: 'customers',
  finishing: 'marking what Partner Center no longer shows',
};

export interface SyncCommandDeps {
  openStore: () => Promise<StorePort>;
  /** The Partner Center client (by default built from the PARTNER_CENTER_* settings, tokens from the store). */
  partnerCenter: (store: StorePort) => PartnerCenterPort;
}

/**
 * `partner-link sync [--dry-run]`: imports the directory from Partner Center (see DirectorySync). It holds
 * the sync lease in the store while it runs, as the schedule does; when another sync holds it, it says
 * who runs it and since when, does nothing, and exits with 3.
 * Shows a progress bar on a terminal and plain progress lines otherwise (and under CI); ends with what
 * changed (or, with --dry-run, would change) per kind. A run that stops (Partner Center unreachable,
 * a sign-in needed) keeps its checkpoint; running the command again continues it.
 */
export async function runSyncCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env, deps?: Partial<SyncCommandDeps>): Promise<number> {
  const unknown = args.filter((a) => a !== '--dry-run');
  if (unknown.length) {
    io.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const dryRun = args.includes('--dry-run');
  const config = loadConfig(env);
  const openStore = deps?.openStore ?? (() => openConfiguredStore(config));
  const makeClient = deps?.partnerCenter ?? ((store: StorePort) => partnerCenterClient(config, store, 'partner-link sync'));
  const store = await openStore();
  try {
    const partnerCenter = makeClient(store);
    const sync = new DirectorySync({ partnerCenter, directory: store.directory, keyValues: store.keyValues, clock: systemSchedulerClock });
    const progress = progressPrinter(io.stdout, env);
    io.stdout.write(dryRun ? 'Partner Center sync, dry run: nothing is written.\n' : `Partner Center sync into the ${store.kind} store at ${store.location}.\n`);
    let report: SyncReport;
    try {
      // Issue 17: the same lease the scheduled sync holds, so two syncs never run at once (a dry run too:
      // it would report as changes what the running sync is writing).
      const outcome = await withSyncRunLease(store.keyValues, `partner-link sync${dryRun ? ' --dry-run' : ''} by ${whoRuns()}`, systemSchedulerClock, (renew) =>
        sync.run({ dryRun, onProgress: (p) => (renew(), progress.update(p)) }),
      );
      if (!outcome.ran) {
        progress.end();
        const since = Number.isNaN(outcome.holder.since.getTime()) ? 'an unknown time' : outcome.holder.since.toISOString();
        io.stderr.write(
          `Another Partner Center sync is running: ${outcome.holder.who}, since ${since}. Nothing was done. Wait for it to finish, then run \`partner-link sync\` again if needed (if that process stopped, its lease runs out at ${outcome.until.toISOString()}).\n`,
        );
        return 3;
      }
      report = outcome.result;
    } catch (err) {
      progress.end();
      io.stderr.write(`${explain(err)}\n`);
      return 1;
    }
    progress.end();
    io.stdout.write(summary(report));
    return 0;
  } finally {
    await store.close();
  }
}

/** Who runs this command, for another run that finds the lease taken: the user and the machine (no secrets). */
function whoRuns(): string {
  let user = 'unknown user';
  try {
    user = userInfo().username;
  } catch {
    // no user name on this system
  }
  return `${user} on ${hostname()}, pid ${process.pid}`;
}

/** What the admin reads when the sync stops: what happened and what to do; never a token or a raw answer. */
function explain(err: unknown): string {
  const kept = 'What was synced so far is kept; running `partner-link sync` again continues from there.';
  if (!(err instanceof PartnerCenterError)) return `The sync stopped: ${(err as Error).message}\n${kept}`;
  switch (err.code) {
    case 'PARTNER_CENTER_MFA_REQUIRED':
    case 'PARTNER_CENTER_SIGN_IN_REQUIRED':
      return `Partner Center needs an admin to sign in again (${err.code === 'PARTNER_CENTER_MFA_REQUIRED' ? 'the stored sign-in has no multi-factor authentication' : 'there is no usable sign-in'}). Run \`partner-link partner-center login\` as an Admin agent of your Partner Center account, with multi-factor authentication, then run \`partner-link sync\` again.\n${kept}`;
    case 'PARTNER_CENTER_THROTTLED':
      return `Partner Center kept refusing calls as too many (429)${err.details.retryAfterSeconds ? `; it asked to wait ${err.details.retryAfterSeconds} s` : ''}. Wait a few minutes, then run \`partner-link sync\` again.\n${kept}`;
    case 'PARTNER_CENTER_UNAVAILABLE':
      return `The sync stopped: ${err.message} Try again later.\n${kept}`;
    case 'PARTNER_CENTER_FORBIDDEN':
      return `Partner Center refused the call (403${err.details.apiCode ? `, code ${err.details.apiCode}` : ''}): the signed-in user needs a Partner Center role such as Admin agent, and the app the Microsoft Partner Center permission (see the README, "Partner Center").\n${kept}`;
    default:
      return `The sync stopped: ${err.message}\n${kept}`;
  }
}

function summary(r: SyncReport): string {
  const verb = r.dryRun ? 'would be' : '';
  const lines = [r.dryRun ? 'What a sync would change:' : `Done${r.resumed ? ' (continued the run that had stopped)' : ''}: ${r.customersDone} customers read.`];
  for (const kind of SYNC_KINDS) {
    const c = r.counts[kind];
    lines.push(`  ${KIND_LABELS[kind].padEnd(20)} ${c.added} added, ${c.updated} updated, ${c.inactive} marked inactive${verb ? ` (${verb})` : ''}`);
  }
  if (r.skippedTotal) {
    lines.push(`${r.skippedTotal} record(s) not taken:`);
    for (const s of r.skipped) lines.push(`  ${KIND_LABELS[s.kind]} ${s.ref}: ${s.reason}`);
    if (r.skippedTotal > r.skipped.length) lines.push(`  … and ${r.skippedTotal - r.skipped.length} more (see the log)`);
  }
  return `${lines.join('\n')}\n`;
}

/** A bar redrawn in place on a terminal; one line per phase and every 50 customers otherwise (and under CI). */
function progressPrinter(out: NodeJS.WritableStream, env: NodeJS.ProcessEnv): { update: (p: SyncProgress) => void; end: () => void } {
  const tty = (out as { isTTY?: boolean }).isTTY === true && env.CI !== 'true';
  let drawn = false;
  let lastPhase: string | undefined;
  let lastLine = -1;
  return {
    update(p) {
      if (tty) {
        const label = PHASE_LABELS[p.phase];
        let line = label;
        if (p.phase === 'customers' || p.phase === 'finishing') {
          // Partner Center gives no overall count: the bar is over the customers known so far ("+": more pages follow).
          const known = Math.max(p.known ?? p.done, p.done);
          const width = 30;
          const filled = known ? Math.round((p.done / known) * width) : 0;
          line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${known}${p.more ? '+' : ''} ${label}`;
        }
        out.write(`\r\x1b[2K${line}`);
        drawn = true;
        return;
      }
      if (p.phase !== lastPhase) {
        lastPhase = p.phase;
        out.write(`${p.phase === 'customers' ? 'reading your customers' : PHASE_LABELS[p.phase]}\n`);
        lastLine = p.done;
        return;
      }
      if (p.phase === 'customers' && p.done - lastLine >= 50) {
        lastLine = p.done;
        out.write(`customers: ${p.done} read\n`);
      }
    },
    end() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}
