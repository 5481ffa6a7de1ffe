import type { StorePort } from '../../../domain';

/**
 * What a runner gives the contract suites: a fresh, empty store; `reopen` (after the test closed
 * `store`) opens a new store on the same folder or database; `cleanup` closes whatever is still
 * open and removes the data.
 */
export interface StoreHandle {
  store: StorePort;
  reopen: () => Promise<StorePort>;
  cleanup: () => Promise<void>;
}
export type StoreFactory = () => Promise<StoreHandle>;

/** A fresh store per test, cleaned up after it. */
export function useStore(factory: StoreFactory) {
  let handle: StoreHandle | undefined;
  beforeEach(async () => {
    handle = await factory();
  });
  afterEach(async () => {
    await handle?.cleanup();
    handle = undefined;
  });
  const current = (): StoreHandle => {
    if (!handle) throw new Error('no store: use it inside a test');
    return handle;
  };
  return {
    get store(): StorePort {
      return current().store;
    },
    reopen: () => current().reopen(),
  };
}

/** Values someone might slip into a lookup to make it match everything (cast: the types forbid them). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the point is to bypass the types
export const INJECTIONS: any[] = [{ $gt: '' }, { $ne: null }, '{"$ne":null}', '{"$gt":""}', { $where: 'true' }, ['x'], 42];
