/** Why a store could not be opened: names the setting to fix (DATA_DIR, MONGODB_URI) and keeps the cause. */
export class StoreOpenError extends Error {
  readonly code = 'STORE_OPEN_FAILED';
  constructor(
    message: string,
    readonly setting: 'DATA_DIR' | 'MONGODB_URI',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

/** A write could not get its turn on a busy record in time (the caller may retry). */
export class StoreBusyError extends Error {
  readonly code = 'STORE_BUSY';
  constructor(readonly resource: string) {
    super(`"${resource}" is busy (another writer holds it); try again.`);
    this.name = 'StoreBusyError';
  }
}

/** A directory import would give a Teams/Slack identity to a second person. */
export class IdentityTakenError extends Error {
  readonly code = 'IDENTITY_TAKEN';
  constructor(
    readonly identityKey: string,
    readonly personId: string,
    readonly ownerId: string | undefined,
  ) {
    super(`The identity ${identityKey} of "${personId}" already belongs to ${ownerId ? `"${ownerId}"` : 'another person'}; an identity belongs to one person.`);
    this.name = 'IdentityTakenError';
  }
}
