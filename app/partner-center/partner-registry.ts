import type { PartnerRegistryAnswer, PartnerRegistryPort } from '../../domain';
import { PartnerCenterError, type LoggerPort, type PartnerCenterPort } from '../ports';
import { PartnerCenterTimedOut, withinPartnerCenterWait } from './bounded-wait';

/** How long filing waits for Partner Center before the request is filed "not yet verified". */
export const DEFAULT_PARTNER_CHECK_TIMEOUT_MS = 8_000;

/**
 * Issue 17: the domain's PartnerRegistryPort over Partner Center: GET /profiles/mpn?mpnId= (does the
 * PartnerID exist) and, when it does, GET /compliance/csp/agreementstatus?mpnId= (is the Microsoft
 * Partner Agreement signed). Both are app+user calls. The wait is bounded: past `timeoutMs` (the client
 * may be honouring a long Retry-After) the answer is "unreachable" and the person is not kept waiting.
 * An answer the rules cannot decide on (no sign-in, MFA missing, throttled, 5xx, or an error we do not
 * understand) is "unreachable" too, so a person is never refused on a guess; the operator is told in
 * the log what to do (IDs and codes only, never a token or a message from outside).
 */
export class PartnerCenterRegistry implements PartnerRegistryPort {
  private readonly timeoutMs: number;

  constructor(
    private readonly partnerCenter: Pick<PartnerCenterPort, 'findPartner' | 'agreementSigned'>,
    private readonly logger: LoggerPort,
    options: { timeoutMs?: number } = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_PARTNER_CHECK_TIMEOUT_MS;
  }

  async lookUp(partnerId: string): Promise<PartnerRegistryAnswer> {
    try {
      return await withinPartnerCenterWait(this.ask(partnerId), this.timeoutMs);
    } catch (err) {
      return this.unreachable(partnerId, err);
    }
  }

  private async ask(partnerId: string): Promise<PartnerRegistryAnswer> {
    const profile = await this.partnerCenter.findPartner(partnerId);
    if (!profile) return { kind: 'answered', found: false };
    const signed = await this.partnerCenter.agreementSigned({ partnerId });
    return { kind: 'answered', found: true, agreementSigned: signed };
  }

  private unreachable(partnerId: string, err: unknown): PartnerRegistryAnswer {
    if (err instanceof PartnerCenterTimedOut) {
      this.logger.warn({ partnerId, timeoutMs: this.timeoutMs }, 'Partner Center did not answer in time; the request is filed not yet verified');
      return { kind: 'unreachable', reason: 'TIMEOUT' };
    }
    if (err instanceof PartnerCenterError) {
      const details = { partnerId, code: err.code, status: err.details.status, apiCode: err.details.apiCode, requestId: err.details.requestId };
      if (err.code === 'PARTNER_CENTER_MFA_REQUIRED' || err.code === 'PARTNER_CENTER_SIGN_IN_REQUIRED') {
        this.logger.error(details, 'Partner Center needs an admin to sign in again (partner-link partner-center login); requests are filed not yet verified until then');
      } else if (err.transient) {
        this.logger.warn(details, 'Partner Center could not be reached; the request is filed not yet verified');
      } else {
        this.logger.error(details, 'Partner Center gave an answer the check cannot decide on; the request is filed not yet verified');
      }
      return { kind: 'unreachable', reason: err.code };
    }
    this.logger.error({ partnerId, err: err instanceof Error ? err.name : typeof err }, 'the Partner Center check failed unexpectedly; the request is filed not yet verified');
    return { kind: 'unreachable', reason: 'UNEXPECTED' };
  }
}
