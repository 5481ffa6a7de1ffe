import { CodedError } from '../../domain';

/** Partner Center (or Graph) did not answer within the wait a person's turn allows. */
export class PartnerCenterTimedOut extends CodedError<'PARTNER_CENTER_TIMEOUT'> {
  constructor() {
    super('PARTNER_CENTER_TIMEOUT', 'Partner Center did not answer in time.');
  }
}

/**
 * Issue 17: waits for `work` at most `timeoutMs` (the client may be honouring a long Retry-After), then
 * rejects with PartnerCenterTimedOut. The work goes on; its late failure is not an unhandled rejection.
 */
export async function withinPartnerCenterWait<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PartnerCenterTimedOut()), timeoutMs);
    timer.unref();
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
