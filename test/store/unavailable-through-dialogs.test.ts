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
import { bothStores, type StoreUnderTest } from '../support/both-stores';
import { createBotHarness, strings } from '../support/bot-harness';
import { createSlackHarness } from '../slack/support/slack-harness';

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

/** The error each store's driver gives when it cannot be reached: what a real outage looks like from inside a dialog. */
function outageOf(store: StoreUnderTest['name']): Error {
  return store === 'mongodb'
    ? new mongo.MongoNetworkError('connection 7 to 127.0.0.1:27017 closed')
    : Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

const UNAVAILABLE = 'Partner Link is temporarily unavailable. Nothing you entered before is lost';
const FAILED_TURN = /went wrong|correlation/i;

/**
 * The whole bot, with the store failing in the middle of a dialog (when the confirmed request is
 * written, after the dialog has run for several turns): the person is told the store is unavailable
 * (not that the turn failed, and not nothing), and once the store answers again the same answer files
 * the request, once. On both stores and both platforms.
 */
describe.each(bothStores())('a store failing mid-dialog ($name store)', (store) => {
  it('Teams: the confirmation is answered "temporarily unavailable"; the same "yes" files the request once the store is back', async () => {
    const h = await createBotHarness(store.options());
    try {
      const confirmation = (await h.say('mei-kobayashi', 'link us with Contoso Distribution Japan', 'en-US')).at(-1)!;
      expect(confirmation.cardText).toContain('Please check your request');
      const create = jest.spyOn(h.store.requests, 'create').mockRejectedValueOnce(outageOf(store.name));
      const during = await h.say('mei-kobayashi', 'yes', 'en-US');
      expect(create).toHaveBeenCalledTimes(1);
      expect(during.map((r) => r.text ?? r.cardText)).toEqual([expect.stringContaining(UNAVAILABLE)]);
      expect(strings(during)).not.toMatch(FAILED_TURN);
      expect(await h.store.requests.listByRequester('mei-kobayashi')).toEqual([]);
      // The store is back: the draft is where it was, and the same answer files it.
      const after = await h.say('mei-kobayashi', 'yes', 'en-US');
      const id = /PL-[0-9A-Z]{8}/.exec(strings(after))?.[0];
      expect(id).toBeDefined();
      const filed = await h.store.requests.listByRequester('mei-kobayashi');
      expect(filed.map((r) => r.id)).toEqual([id]);
      expect(filed[0]?.status).toBe('pending_approval');
    } finally {
      await h.destroy();
      await store.cleanUp();
    }
  });

  it('Slack: the Send click is answered "temporarily unavailable" in the DM; the same click files the request once the store is back', async () => {
    const h = await createSlackHarness(store.options());
    try {
      await h.dm('yuki', 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions');
      await h.click('yuki', h.shown('D06YUKISZ').at(-1)!, 'submit_form', { partnerId: 'Trey Research Direct' });
      // The click is answered with the confirmation in place of the form (h.shown: with updates applied).
      const confirmation = h.shown('D06YUKISZ').at(-1)!;
      expect(confirmation.text).toContain('Please check your request');
      const create = jest.spyOn(h.store.requests, 'create').mockRejectedValueOnce(outageOf(store.name));
      const before = h.api.calls.length;
      await h.click('yuki', confirmation, 'confirm');
      expect(create).toHaveBeenCalledTimes(1);
      const told = h.api.calls.slice(before).filter((c) => c.method.startsWith('chat.') && c.args.channel === 'D06YUKISZ');
      expect(told.map((c) => `${String(c.args.text ?? '')} ${strings(c.args.blocks)}`).join('\n')).toContain(UNAVAILABLE);
      expect(await h.store.requests.listByRequester('yuki-suzuki')).toEqual([]);
      const again = h.api.calls.length;
      await h.click('yuki', confirmation, 'confirm');
      const filed = await h.store.requests.listByRequester('yuki-suzuki');
      expect(filed).toHaveLength(1);
      // The answer to the second click names the request (posted, or in place of the clicked card).
      const answered = h.api.calls.slice(again).filter((c) => c.method.startsWith('chat.') && c.args.channel === 'D06YUKISZ');
      expect(answered.map((c) => `${String(c.args.text ?? '')} ${strings(c.args.blocks)}`).join('\n')).toContain(filed[0]!.id);
    } finally {
      await h.destroy();
      await store.cleanUp();
    }
  });
});
