import type { AdaptiveCard, SubmitFormAction } from '../../cards';
import type { Organization, Person, Refusal, RequestKind, RequestSubject, Workload } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import type { Recognition } from '../recognition';
import type { TurnInfo } from '../turn-info';

/** Slot values by input ID (providerId, workload, partnerId, subscriptionId). Plain strings: state is stored. */
export type Slots = Record<string, string>;

export interface SpecContext {
  deps: DialogDeps;
  person: Person;
  org: Organization;
  info: TurnInfo;
  /** Why the last answer was refused, to show above the inputs. */
  refusal?: Refusal;
  /** Ask every slot again (the person chose "Change" on the confirmation card). */
  askAll?: boolean;
}

export type Next =
  | { kind: 'ask'; card: AdaptiveCard }
  | { kind: 'ready'; subject: RequestSubject }
  /** Nothing can be filed: say why (and end the dialog). */
  | { kind: 'stop'; refusals: readonly Refusal[]; /** Issue 18: the card that says why, instead of the refusal card. */ card?: AdaptiveCard }
  /** A slot's value cannot work: forget it and ask again, showing why. */
  | { kind: 'retry'; clear: string; refusal: Refusal };

/** What differs between the three request dialogs: their slots, how to fill them, what to ask. */
export interface SlotSpec {
  kind: RequestKind;
  slots: readonly string[];
  fromEntities(recognition: Recognition, ctx: SpecContext): Promise<Slots>;
  fromForm(action: SubmitFormAction): Slots;
  next(slots: Slots, ctx: SpecContext): Promise<Next>;
  /**
   * Issue 18: the organizations the form offers now (or would offer for this workload), so that a
   * question about them mid-form can be answered ("which of these two can do Dynamics 365?").
   */
  choices(slots: Slots, ctx: SpecContext, workload?: Workload): Promise<Organization[]>;
}
