import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestAdapter, TurnContext } from 'botbuilder';
import { Dialog, DialogContext, DialogContextError, DialogSet, type DialogTurnResult } from 'botbuilder-dialogs';
import { mongo } from 'mongoose';
import { EmbeddedStore } from '../../adapters/embedded';
import { isMongoUnavailable } from '../../adapters/mongo/mongo-errors';
import { StoreBusyError } from '../../adapters/store-common';
import { ETagConflictError } from '../../domain';

/** A dialog whose step fails with the given error, as a store call inside a real dialog would. */
class FailingDialog extends Dialog {
  constructor(private readonly failure: unknown) {
    super('failing');
  }
  override async beginDialog(): Promise<DialogTurnResult> {
    throw this.failure;
  }
}

/** What comes out of botbuilder-dialogs when a dialog step throws `failure`: its own wrapper. */
async function thrownThroughDialogs(failure: unknown): Promise<unknown> {
  const dialogs = new DialogSet().add(new FailingDialog(failure));
  const dc = new DialogContext(dialogs, new TurnContext(new TestAdapter(), { type: 'message' }), { dialogStack: [] });
  return dc.beginDialog('failing').then(
    () => undefined,
    (err: unknown) => err,
  );
}

/**
 * A store failing inside a dialog reaches the bot wrapped in botbuilder-dialogs' DialogContextError,
 * which keeps the original in `.error` and has no `cause`. The bot's choice between "temporarily
 * unavailable" and a failed turn must look through that wrapper (domain `unwrap`).
 */
describe('store outages are still outages after botbuilder-dialogs wrapped them', () => {
  it('MongoDB: a network error thrown in a dialog step is classified unavailable', async () => {
    const network = new mongo.MongoNetworkError('connection 3 to 127.0.0.1:27017 closed');
    const wrapped = await thrownThroughDialogs(network);
    expect(wrapped).toBeInstanceOf(DialogContextError);
    expect((wrapped as DialogContextError).error).toBe(network);
    expect(isMongoUnavailable(wrapped)).toBe(true);
    // Also deeper: the driver's error as the cause of ours, wrapped by the dialogs.
    expect(isMongoUnavailable(await thrownThroughDialogs(new Error('lookup failed', { cause: network })))).toBe(true);
    expect(isMongoUnavailable(await thrownThroughDialogs(new StoreBusyError('request:r-1')))).toBe(true);
  });

  it('MongoDB: bugs and lost races stay failures, wrapped or not', async () => {
    expect(isMongoUnavailable(await thrownThroughDialogs(new ETagConflictError('k')))).toBe(false);
    expect(isMongoUnavailable(await thrownThroughDialogs(new TypeError("Cannot read properties of undefined (reading 'id')")))).toBe(false);
    expect(isMongoUnavailable(await thrownThroughDialogs(new mongo.MongoServerError({ message: 'E11000 duplicate key error', code: 11000 })))).toBe(false);
  });

  it('embedded store: a full disk thrown in a dialog step is classified unavailable', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pl-wrapped-'));
    const store = await EmbeddedStore.open({ dataDir });
    try {
      const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      expect(store.isUnavailable(await thrownThroughDialogs(full))).toBe(true);
      expect(store.isUnavailable(await thrownThroughDialogs(new Error('write failed', { cause: full })))).toBe(true);
      expect(store.isUnavailable(await thrownThroughDialogs(new ETagConflictError('k')))).toBe(false);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
