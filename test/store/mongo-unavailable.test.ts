import { once } from 'node:events';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import { mongo } from 'mongoose';
import { isMongoUnavailable } from '../../adapters/mongo/mongo-errors';
import { StoreBusyError } from '../../adapters/store-common';
import { ETagConflictError } from '../../domain';

/**
 * What the store tells the bot is "unavailable" decides between the plain "temporarily unavailable,
 * nothing you entered before is lost" reply and a failed turn. No server needed: the errors are made here.
 */
describe('isMongoUnavailable: which errors mean "the store cannot be reached right now"', () => {
  /**
   * The error the driver (mongodb 7.8) lets through when it writes to a pooled connection the dead
   * server has already closed: Node's own EPIPE, made by core code. Under jest, core modules live
   * outside the test's realm, so this error is not `instanceof Error` here, exactly as it reached the
   * bot in the store-outage test (1 run in 5 failed with "This socket has been ended by the other party").
   */
  async function writeAfterServerClosed(): Promise<unknown> {
    const server = createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const socket = createConnection({ host: '127.0.0.1', port: (server.address() as AddressInfo).port });
      await once(socket, 'end');
      const failed = once(socket, 'error');
      socket.write('hello');
      return (await failed)[0];
    } finally {
      server.close();
    }
  }

  it("recognises Node's socket error from a connection the dead server closed, whichever realm made it", async () => {
    const err = await writeAfterServerClosed();
    expect(err).toMatchObject({ code: 'EPIPE', message: 'This socket has been ended by the other party' });
    expect(isMongoUnavailable(err)).toBe(true);
  });

  it('recognises an error made in another realm (vm context), by what it is and not by its prototype', () => {
    const foreign: unknown = runInNewContext("Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })");
    expect(foreign instanceof Error).toBe(false);
    expect(isMongoUnavailable(foreign)).toBe(true);
    const wrapped: unknown = runInNewContext("new Error('lost', { cause: Object.assign(new Error('x'), { code: 'EPIPE' }) })");
    expect(isMongoUnavailable(wrapped)).toBe(true);
  });

  it("recognises the driver's own outage errors, also as the cause of another error", async () => {
    // A real one: nothing listens on port 1.
    const client = new mongo.MongoClient('mongodb://127.0.0.1:1/', { serverSelectionTimeoutMS: 200 });
    const selection = await client.connect().catch((e: unknown) => e);
    await client.close();
    expect(selection).toMatchObject({ name: 'MongoServerSelectionError' });
    expect(isMongoUnavailable(selection)).toBe(true);
    expect(isMongoUnavailable(new mongo.MongoNetworkError('connection 3 to 127.0.0.1:27017 closed'))).toBe(true);
    expect(isMongoUnavailable(new Error('turn failed', { cause: new mongo.MongoNetworkError('closed') }))).toBe(true);
    expect(isMongoUnavailable(new StoreBusyError('state:k'))).toBe(true);
  });

  it('leaves bugs, bad data and lost races alone: those must fail loudly', () => {
    expect(isMongoUnavailable(new mongo.MongoServerError({ message: 'E11000 duplicate key error', code: 11000 }))).toBe(false);
    expect(isMongoUnavailable(new ETagConflictError('k'))).toBe(false);
    expect(isMongoUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isMongoUnavailable(runInNewContext("new TypeError('x is not a function')"))).toBe(false);
  });

  it('is not fooled by things that are not errors', () => {
    for (const x of [undefined, null, 'EPIPE', 42, { code: 'EPIPE', message: 'This socket has been ended by the other party' }, { name: 'MongoNetworkError' }]) {
      expect(isMongoUnavailable(x)).toBe(false);
    }
  });
});
