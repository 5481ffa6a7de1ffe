import { CodedError } from '../../domain';

/** The stores' codes (both stores throw the same ones). Never rename one: logs and callers use them. */
export type StoreErrorCode =
  | 'STORE_OPEN_FAILED'
  | 'STORE_BUSY'
  | 'IDENTITY_TAKEN'
  /** A new request's ID is already used by another request (the ID generator repeated itself). */
  | 'REQUEST_ID_TAKEN'
  /** Creating a request kept colliding with an open request that closed before it could be read. */
  | 'REQUEST_KEY_CONTENDED'
  /** A directory import kept colliding with another writer over one identity. */
  | 'IDENTITY_CONTENDED'
  /** A transition broke the port's contract (the next version is not exactly one on): a caller's bug. */
  | 'TRANSITION_INVALID'
  /** A notice handed to a request's outbox is not a valid notice (domain/notices.ts): a caller's bug. */
  | 'NOTICE_INVALID'
  /** A guarded write whose write lock was taken over by another writer (its lease ran out) was refused. */
  | 'WRITE_LOCK_LOST'

  /** A key-value write with a key, value or time to live the port does not accept: a caller's bug. */
  | 'KEY_VALUE_INVALID'
  /** A Slack installation saved without its IDs or sealed content: a caller's bug. */
  | 'INSTALLATION_INVALID';

/** A store failure with no more to say than its code and message (the cause kept). */
export class StoreError extends CodedError<Exclude<StoreErrorCode, 'STORE_OPEN_FAILED' | 'STORE_BUSY' | 'IDENTITY_TAKEN'>> {}

/** Why a store could not be opened: names the setting to fix (DATA_DIR, MONGODB_URI) and keeps the cause. */
export class StoreOpenError extends CodedError<'STORE_OPEN_FAILED'> {
  constructor(
    message: string,
    readonly setting: 'DATA_DIR' | 'MONGODB_URI',
    options?: { cause?: unknown },
  ) {
    super('STORE_OPEN_FAILED', message, options);
  }
}

/** A write could not get its turn on a busy record in time (the caller may retry). */
export class StoreBusyError extends CodedError<'STORE_BUSY'> {
  constructor(readonly resource: string) {
    super('STORE_BUSY', `"${resource}" is busy (another writer holds it); try again.`);
  }
}

/** A directory import would give a Teams/Slack identity to a second person. */
export class IdentityTakenError extends CodedError<'IDENTITY_TAKEN'> {
  constructor(
    readonly identityKey: string,
    readonly personId: string,
    readonly ownerId: string | undefined,
  ) {
    super('IDENTITY_TAKEN', `The identity ${identityKey} of "${personId}" already belongs to ${ownerId ? `"${ownerId}"` : 'another person'}; an identity belongs to one person.`);
  }
}

export class WorkspaceTakenError extends CodedError<'WORKSPACE_TAKEN'> {
  constructor(
    readonly teamId: string,
    readonly orgId: string,
    readonly ownerId: string,
  ) {
    super('WORKSPACE_TAKEN', `The Slack workspace ${teamId} already belongs to "${ownerId}", not "${orgId}"; a workspace belongs to one organization.`);
  }
}
