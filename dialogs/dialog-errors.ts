import { CodedError } from '../domain';

/** The dialogs' codes: both are our own bugs, never something the person did. Never rename one. */
export type DialogErrorCode =
  /** A dialog ran without the turn description the bot sets first (setTurnInfo). */
  | 'TURN_INFO_MISSING'
  /** A request dialog was refused over and over without the person being asked anything. */
  | 'DIALOG_NO_PROGRESS'
  /** A turn in a shared conversation named no sender, so its person's state has no key. */
  | 'STATE_KEY_MISSING';

export class DialogError extends CodedError<DialogErrorCode> {}
