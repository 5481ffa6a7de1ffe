import type { PartnerLinkService } from '../../domain';
import type { NotificationPort } from '../ports';
import type { ScheduledJob } from './schedules';

/** How often the expiry and reminder schedules look for due requests unless configured. */
export const DEFAULT_REQUEST_SCHEDULE_EVERY_MS = 5 * 60_000;

/**
 * Issue 15: expires the requests past their expiry and tells the people concerned (cards replaced, the
 * requester and the step's approvers told). Safe on every instance at once: each expiry is a
 * compare-and-set, so exactly one instance expires, and notifies about, each request.
 */
export function expiryJob(service: PartnerLinkService, notifier: NotificationPort, everyMs = DEFAULT_REQUEST_SCHEDULE_EVERY_MS): ScheduledJob {
  return {
    name: 'request-expiry',
    everyMs,
    atStart: true,
    async run() {
      const expired = await service.expireDueRequests();
      for (const e of expired) await notifier.requestExpired(e.request, e.previous);
      return expired.length;
    },
  };
}

/**
 * Issue 15: reminds the approvers of requests that have waited `reminderAfterDays`, then every
 * `reminderEveryDays`. Each reminder is recorded on the request with a compare-and-set before it is
 * sent, so across instances each goes out once.
 */
export function reminderJob(service: PartnerLinkService, notifier: NotificationPort, everyMs = DEFAULT_REQUEST_SCHEDULE_EVERY_MS): ScheduledJob {
  return {
    name: 'approval-reminders',
    everyMs,
    atStart: true,
    async run() {
      const due = await service.recordDueReminders();
      for (const r of due) await notifier.remind(r);
      return due.length;
    },
  };
}

/**
 * Issue 17: reminds the people who must act in Partner Center about requests still completing there
 * (and, for a licence's multi-channel support, before its term ends). Recorded on the request with a
 * compare-and-set before it is sent, like the approvers' reminders, so across instances each goes out once.
 */
export function completionReminderJob(service: PartnerLinkService, notifier: NotificationPort, everyMs = DEFAULT_REQUEST_SCHEDULE_EVERY_MS): ScheduledJob {
  return {
    name: 'completion-reminders',
    everyMs,
    atStart: true,
    async run() {
      const due = await service.recordDueCompletionReminders();
      for (const r of due) await notifier.remind(r);
      return due.length;
    },
  };
}
