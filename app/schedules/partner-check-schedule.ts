import type { PartnerLinkService } from '../../domain';
import type { Notifier } from '../notifications/notifier';
import type { ScheduledJob } from './schedules';

/** How often each instance looks for requests filed "not yet verified" whose next check is due. */
export const DEFAULT_PARTNER_CHECK_EVERY_MS = 60_000;

/**
 * Issue 17: checks again, in Partner Center, the requests filed while it could not be reached. The job
 * keeps nothing in memory: what is due is read from the store, each check is leased on the request
 * (see PartnerLinkService.verifyDuePartnerChecks), so any instance can run it and a restart loses
 * nothing. A request that fails a rule is closed, and its requester and approvers are told why and
 * what to do (the closing wrote those notices; this sends them now, the retry loop does the rest).
 */
export function partnerCheckJob(service: PartnerLinkService, notifier: Pick<Notifier, 'partnerCheckFailed'>, everyMs = DEFAULT_PARTNER_CHECK_EVERY_MS): ScheduledJob {
  return {
    name: 'partner-center-checks',
    everyMs,
    atStart: true,
    async run() {
      const checked = await service.verifyDuePartnerChecks();
      for (const c of checked) if (c.outcome === 'failed') await notifier.partnerCheckFailed(c.request);
      return checked.length;
    },
  };
}
