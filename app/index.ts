/**
 * The application layer: what is neither a CSP rule (domain/) nor platform code (adapters/): who is
 * told about a request and with which card, the notification outbox, the periodic work, approval
 * channels. It depends on domain/ only; dialogs and adapters depend on its ports (app/ports).
 */
export * from './ports';
export { Notifier, StoredReach, type NotifierDeps } from './notifications/notifier';
export { NotificationOutbox, MAX_NOTIFY_ATTEMPTS, retryDelayMs, type Notification } from './notifications/outbox';
export { ApprovalChannels } from './approval-channels';
export { expiryJob, reminderJob, completionReminderJob, DEFAULT_REQUEST_SCHEDULE_EVERY_MS } from './schedules/request-schedules';
export { Schedules, systemSchedulerClock, type ScheduledJob, type SchedulerClock } from './schedules/schedules';
export { storePruningJob, PRUNE_EVERY_MS, type InboxRetention } from './schedules/store-pruning';
export { admit, newcomerId, type Admission } from './people/newcomers';
export { bindSlackInstallation, type SlackInstallBinding, type SlackInstallFacts } from './people/slack-install-binding';
export { DirectorySync, SYNC_KINDS, SYNC_CHECKPOINT_KEY, workloadOf, type DirectorySyncDeps, type SyncReport, type SyncProgress, type SyncKind, type SyncCounts, type SyncSkip } from './partner-center/directory-sync';
export { RateLimiter, PARTNER_CENTER_REQUESTS_PER_MINUTE } from './partner-center/rate-limiter';
export { partnerCenterSyncJob, syncLeaseMs, SYNC_LEASE_SOURCE, SYNC_CHECK_EVERY_MS, SYNC_MAX_ATTEMPTS } from './partner-center/sync-job';
export { withSyncRunLease, parseSyncRunHolder, SYNC_RUN_LEASE_KEY, SYNC_RUN_LEASE_MS, type SyncRunHolder, type SyncRunLeaseOutcome } from './partner-center/sync-lease';
export { PartnerCenterRegistry, DEFAULT_PARTNER_CHECK_TIMEOUT_MS } from './partner-center/partner-registry';
export { partnerCheckJob, DEFAULT_PARTNER_CHECK_EVERY_MS } from './schedules/partner-check-schedule';
export { StoredReaderFacts } from './people/reader-facts';
export { ApproverAdmin, APPROVER_AUDIT_SOURCE, MAX_CANDIDATES, peopleNamedIn, type ApproverAdminDeps } from './people/approvers';
export { ApproverNotices, APPROVER_NOTICE_SOURCE } from './notifications/approver-notices';
export { AdminGroupRoles, groupCacheKey, DEFAULT_GROUP_CACHE_MS, GROUP_FAILURE_BACKOFF_MS, type AdminGroupDeps } from './people/admin-group';
export { TurnReads } from './turn-reads';
export { OrganizationIndexRefresher, organizationNames, type OrganizationIndexCodec, type OrganizationIndexRefresherDeps, type RefreshOutcome } from './recognition/organization-index.refresher';
