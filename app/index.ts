/**
 * The application layer: what is neither a CSP rule (domain/) nor platform code (adapters/): who is
 * told about a request and with which card, the notification outbox, the periodic work, approval
 * channels. It depends on domain/ only; dialogs and adapters depend on its ports (app/ports).
 */
export * from './ports';
export { Notifier, StoredReach, type NotifierDeps } from './notifications/notifier';
export { NotificationOutbox, MAX_NOTIFY_ATTEMPTS, retryDelayMs, type Notification } from './notifications/outbox';
export { ApprovalChannels } from './approval-channels';
export { expiryJob, reminderJob, DEFAULT_REQUEST_SCHEDULE_EVERY_MS } from './schedules/request-schedules';
export { Schedules, systemSchedulerClock, type ScheduledJob, type SchedulerClock } from './schedules/schedules';
export { storePruningJob, PRUNE_EVERY_MS, type InboxRetention } from './schedules/store-pruning';
export { admit, newcomerId, type Admission } from './people/newcomers';
export { StoredReaderFacts } from './people/reader-facts';
