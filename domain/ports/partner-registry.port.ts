/**
 * Issue 17: Microsoft's record of a partner, as the domain needs it at filing time. The application
 * layer implements it over Partner Center (with a bounded wait); the rules decide on the answer.
 */
export interface PartnerRegistryPort {
  /** What Partner Center says about this PartnerID, or that it could not be asked now. Never throws for an outage. */
  lookUp(partnerId: string): Promise<PartnerRegistryAnswer>;
}

export type PartnerRegistryAnswer =
  | { kind: 'answered'; found: boolean; agreementSigned?: boolean }
  /** Timeout, 5xx, throttled beyond the wait, or no usable sign-in: the request is filed "not yet verified". */
  | { kind: 'unreachable'; reason: string };
