import { FulfilmentWatcher, fulfilmentJob } from '../app/fulfilment/fulfilment';
import { AddPartnerFulfilment, addPartnerFulfilmentJob, PreparingNotifier } from '../app/fulfilment/add-partner-fulfilment';
import type { Activity } from 'botbuilder';
import { describeSlackTurn, isSlackActivity, SLACK_DONE_KEPT_MS, SLACK_INBOX_SOURCE, SLACK_LEGACY_KV_SOURCE, SLACK_STASH_TTL_MS } from '../adapters/slack';
import { describeTeamsTurn, withEntraIds } from '../adapters/teams';
import { admit, AdminGroupRoles, ApprovalChannels, ApproverAdmin, APPROVER_NOTICE_SOURCE, StoredReaderFacts, type GroupMembersPort, type GdapPort, DirectorySync, expiryJob, Notifier, partnerCenterSyncJob, reminderJob, StoredReach, storePruningJob, SYNC_LEASE_SOURCE, systemSchedulerClock, type ChatTurn, type InboxRetention, type PartnerCenterPort, type ScheduledJob, type SchedulerClock } from '../app';
import { completionReminderJob, DEFAULT_PARTNER_CHECK_EVERY_MS, PartnerCenterRegistry, partnerCheckJob, TurnReads } from '../app';
import { notificationCards } from '../cards';
import { DEFAULT_UNDERSTANDING, PartnerLinkBot } from '../dialogs';
import type { Recognizer } from '../dialogs/recognition';
import type { PartnerLinkService, StorePort } from '../domain';
import type { Config } from './config';
import type { Logger } from './logger';
import { liveOrganizationIndex } from './organization-index';
import { createRecognizer } from './recognizer';
import { createService } from './runtime';

export interface BotRuntime {
  store: StorePort;
  service: PartnerLinkService;
  notifier: Notifier;
  bot: PartnerLinkBot;
  /** The periodic work this process does (started by main). */
  jobs: ScheduledJob[];
  /** Issue 15: the clock the service, the notifier and the schedules read (tests move it by days). */
  clock: SchedulerClock;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long each inbox source's finished records are kept (the store-pruning job). */
export const INBOX_RETENTION: readonly InboxRetention[] = [
  { source: SLACK_INBOX_SOURCE, doneKeptMs: SLACK_DONE_KEPT_MS, deadKeptMs: 30 * DAY_MS },
  // Notification records from before notifications moved into the request's own outbox (pending ones
  // are not sent any more; they are kept a week, like done ones, then pruned).
  { source: 'notify', doneKeptMs: 7 * DAY_MS, deadKeptMs: 30 * DAY_MS },
  // Button payloads the Slack stash kept in the inbox before the key-value store existed.
  { source: SLACK_LEGACY_KV_SOURCE, doneKeptMs: SLACK_STASH_TTL_MS },
  // Issue 17: the Partner Center sync's one lease record per period.
  { source: SYNC_LEASE_SOURCE, doneKeptMs: 31 * DAY_MS, deadKeptMs: 31 * DAY_MS },
  // Issue 16: notices telling a person their approver role changed (the audit records, source
  // 'approver-change', are not listed here: they are kept).
  { source: APPROVER_NOTICE_SOURCE, doneKeptMs: 7 * DAY_MS, deadKeptMs: 30 * DAY_MS },
];

/** How often notifications a platform did not take are retried. */
export const NOTIFICATION_RETRY_EVERY_MS = 30_000;

/** Each platform's adapter describes its own activities (Slack's carry channelId 'slack'; Teams, Playground and the emulator the rest). */
export function describeTurn(activity: Partial<Activity>): ChatTurn {
  return isSlackActivity(activity) ? describeSlackTurn(activity) : describeTeamsTurn(activity);
}

/**
 * The composition root of the one bot both platforms share: the recognizer (the model the build
 * trained, with the directory's organization names), the domain service, the application layer
 * (notifier, approval channels, schedules) and the dialogs. `npm start` and the tests build it here.
 */
export async function createBotRuntime(
  store: StorePort,
  config: Pick<Config, 'policy'> & Partial<Pick<Config, 'REQUEST_SCHEDULE_EVERY_SECONDS' | 'ORGANIZATION_INDEX_REFRESH_SECONDS' | 'PARTNER_CENTER_SYNC_HOURS' | 'ENTRA_ADMIN_GROUP_CACHE_MINUTES' | 'NLU_ASK_BELOW' | 'NLU_ASK_MARGIN'>>,
  logger: Logger,
  options: { recognizer?: Recognizer; clock?: SchedulerClock; /** Issue 17: set when PARTNER_CENTER_ENABLED=true. */ partnerCenter?: PartnerCenterPort; partnerCheckTimeoutMs?: number; /** Issue 17: Microsoft Graph GDAP, set when PARTNER_CENTER_ENABLED=true and PARTNER_CENTER_GDAP=true. */ gdap?: GdapPort; /** Issue 16: set when ENTRA_ADMIN_GROUPS=true. */ groupMembers?: GroupMembersPort } = {},
): Promise<BotRuntime> {
  // Issue 17: with Partner Center on, an approved request is completed only once Partner Center shows it.
  if (options.partnerCenter) config = { ...config, policy: { ...config.policy, completeInPartnerCenter: true } };
  // Issue 19: everything below reads the directory and the key-value store through the turn read cache
  // (a read repeated within one turn is answered once; outside a turn every read goes to the store).
  const turnReads = new TurnReads();
  const shared = store;
  store = turnReads.store(shared);
  // Issue 19: the organization-name index is read back from the store when one is saved for the names as
  // they are, and replaced while the process runs when they change (the job below).
  let recognizer = options.recognizer;
  let namesJob: ScheduledJob | undefined;
  if (!recognizer) {
    const names = await liveOrganizationIndex(shared, logger);
    recognizer = await createRecognizer({ organizations: names.index });
    namesJob = names.refresher.job((config.ORGANIZATION_INDEX_REFRESH_SECONDS ?? 30) * 1000);
  }
  const clock = options.clock ?? systemSchedulerClock;
  // Issue 17: with Partner Center on, a reseller's PartnerID and Partner Agreement are checked at filing.
  const partnerRegistry = options.partnerCenter
    ? new PartnerCenterRegistry(options.partnerCenter, logger, options.partnerCheckTimeoutMs !== undefined ? { timeoutMs: options.partnerCheckTimeoutMs } : {})
    : undefined;
  const service = createService(store, config, clock, partnerRegistry);
  const readers = new StoredReaderFacts(store.keyValues, () => clock.now());
  const notifier = new Notifier({ store, service, cards: notificationCards, logger, clock, readers });
  // Issue 17: an add-partner request reaching the customer's step gets its Partner Center link (and GDAP
  // relationship) before the customer admin's card is drawn; the schedule below finishes what failed.
  const addPartner = options.partnerCenter
    ? new AddPartnerFulfilment({ requests: store.requests, directory: store.directory, partnerCenter: options.partnerCenter, ...(options.gdap ? { gdap: options.gdap } : {}), clock, logger, notifier })
    : undefined;
  // Issue 16 (opt-in): Teams admins of organizations naming an Entra group are that group's members.
  const groups = options.groupMembers
    ? new AdminGroupRoles({ store, members: options.groupMembers, logger, clock, cacheMs: (config.ENTRA_ADMIN_GROUP_CACHE_MINUTES ?? 15) * 60_000 })
    : undefined;
  const bot = new PartnerLinkBot({
    store,
    logger,
    inTurn: (turn) => turnReads.run(turn),
    describeTurn,
    admit: async (turn, fallbackName) => {
      const admission = await admit(store.directory, turn, logger, fallbackName);
      return groups ? groups.reconcile(admission, turn) : admission;
    },
    dialogs: {
      service,
      directory: store.directory,
      recognizer,
      notifier: addPartner ? new PreparingNotifier(notifier, addPartner, logger) : notifier,
      reach: new StoredReach(store),
      approvalChannels: new ApprovalChannels(store),
      policy: config.policy,
      readers,
      approvers: new ApproverAdmin({ store, logger, clock, tell: (change) => notifier.approverChanged(change) }),
      completeMentions: withEntraIds,
      // Issue 17: with GDAP on, the add-partner form offers admin access for the partner.
      ...(addPartner && options.gdap ? { offerAdminRoles: true } : {}),
      // Issue 18: when unsure, ask (the defaults are in dialogs/understanding/meaning.ts).
      understanding: { askBelow: config.NLU_ASK_BELOW ?? DEFAULT_UNDERSTANDING.askBelow, askMargin: config.NLU_ASK_MARGIN ?? DEFAULT_UNDERSTANDING.askMargin },
    },
  });
  // Notifications a platform did not take (429, 5xx, time-out, a crash) are retried from the store.
  // Issue 15: expiry and reminders, each exactly once across instances (compare-and-set on the request).
  const scheduleMs = (config.REQUEST_SCHEDULE_EVERY_SECONDS ?? 300) * 1000;
  const jobs: ScheduledJob[] = [
    { name: 'notification-retry', everyMs: NOTIFICATION_RETRY_EVERY_MS, atStart: true, run: () => notifier.retryPending() },
    expiryJob(service, notifier, scheduleMs),
    reminderJob(service, notifier, scheduleMs),
    // Done and dead inbox records past their retention, expired key-value entries.
    storePruningJob(store, INBOX_RETENTION, logger),
    // Issue 17: requests filed "not yet verified" are checked in Partner Center again (leased per request).
    ...(partnerRegistry ? [partnerCheckJob(service, notifier, Math.min(scheduleMs, DEFAULT_PARTNER_CHECK_EVERY_MS))] : []),
    // Organization names added, renamed or changed since start (by any instance, sync or seed) become recognizable.
    ...(namesJob ? [namesJob] : []),
  ];
  // Issue 17: the directory sync from Partner Center every PARTNER_CENTER_SYNC_HOURS (leased: one instance runs each).
  const syncHours = config.PARTNER_CENTER_SYNC_HOURS ?? 0;
  if (options.partnerCenter && syncHours > 0) {
    const sync = new DirectorySync({ partnerCenter: options.partnerCenter, directory: store.directory, keyValues: store.keyValues, clock, logger });
    jobs.push(partnerCenterSyncJob(sync, store.events, { everyMs: syncHours * 60 * 60 * 1000, clock, logger, runLease: store.keyValues }));
  }
  // Issue 17: completing requests are completed once Partner Center shows them.
  if (options.partnerCenter) {
    const watcher = new FulfilmentWatcher({ requests: store.requests, directory: store.directory, service, partnerCenter: options.partnerCenter, notifier, logger, clock, ...(options.gdap ? { gdap: options.gdap } : {}) });
    jobs.push(fulfilmentJob(watcher, scheduleMs));
    // Issue 17: completing too long (or a licence's term ending) reminds those who must act in Partner Center.
    jobs.push(completionReminderJob(service, notifier, scheduleMs));
    if (addPartner) jobs.push(addPartnerFulfilmentJob(addPartner, scheduleMs));
  }
  return { store: shared, service, notifier, bot, jobs, clock };
}
