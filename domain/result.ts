import type { AdvisoryCode, RuleCode } from './rule-codes';
import { advisoryMessage, ruleMessage, type Bilingual, type MessageParams } from './messages';

/** An expected "no" from the domain: a stable code and a reason in both languages. Never thrown. */
export interface Refusal {
  readonly code: RuleCode;
  readonly message: Bilingual;
  /** Which input the refusal is about, so a dialog can re-ask exactly that. */
  readonly field?: string;
  readonly params: MessageParams;
}

export interface Advisory {
  readonly code: AdvisoryCode;
  readonly message: Bilingual;
}

export function refusal(code: RuleCode, params: MessageParams = {}, field?: string): Refusal {
  return { code, params, message: ruleMessage(code, params), ...(field ? { field } : {}) };
}

export function advisory(code: AdvisoryCode, params: MessageParams = {}): Advisory {
  return { code, message: advisoryMessage(code, params) };
}

/** The outcome of validating a request: which checks passed, which refused, and notes to show. */
export interface Verdict {
  readonly ok: boolean;
  readonly passed: readonly RuleCode[];
  readonly refusals: readonly Refusal[];
  readonly advisories: readonly Advisory[];
}

/** Collects checks in order; each check either passes (its code recorded) or adds a refusal. */
export class VerdictBuilder {
  private readonly passed: RuleCode[] = [];
  private readonly refusals: Refusal[] = [];
  private readonly advisories: Advisory[] = [];

  check(code: RuleCode, ok: boolean, params: MessageParams = {}, field?: string): this {
    if (ok) this.passed.push(code);
    else this.refusals.push(refusal(code, params, field));
    return this;
  }

  note(a: Advisory): this {
    this.advisories.push(a);
    return this;
  }

  build(): Verdict {
    return {
      ok: this.refusals.length === 0,
      passed: [...this.passed],
      refusals: [...this.refusals],
      advisories: [...this.advisories],
    };
  }
}

export type Result<T, E = Refusal> = { ok: true; value: T } | { ok: false; error: E };
export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
