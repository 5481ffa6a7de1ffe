/**
 * Round trips to MongoDB, counted on the wire: a TCP proxy on 127.0.0.1 between the product and the
 * MongoDB server that counts the messages the product sends (each MongoDB wire message starts with its
 * own length, a little-endian int32: https://www.mongodb.com/docs/manual/reference/mongodb-wire-protocol/).
 * Every request is one round trip; the product is not changed or instrumented for it.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * Counts whole messages in a byte stream cut into arbitrary chunks. Pure (no I/O), so that the
 * bench's tests can feed it any split of any messages.
 */
export class WireMessageCounter {
  count = 0;
  private header = Buffer.alloc(0);
  /** Bytes of the current message still to skip after its header was read. */
  private remaining = 0;

  push(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.remaining > 0) {
        const skip = Math.min(this.remaining, chunk.length - at);
        this.remaining -= skip;
        at += skip;
        continue;
      }
      const need = 4 - this.header.length;
      const take = chunk.subarray(at, at + need);
      this.header = Buffer.concat([this.header, take]);
      at += take.length;
      if (this.header.length < 4) return;
      const length = this.header.readInt32LE(0);
      this.header = Buffer.alloc(0);
      if (length < 16) throw new Error(`not a MongoDB wire message (length ${length})`);
      this.count++;
      this.remaining = length - 4;
    }
  }
}

export interface WireProxy {
  /** The URI to give the product: the same as the target's, through the proxy. */
  uri: string;
  /** Requests the product sent so far, all connections together. */
  requests(): number;
  stop(): Promise<void>;
}

/** Starts a counting proxy in front of `targetUri` (mongodb://host:port/…, one host). */
export async function startWireProxy(targetUri: string): Promise<WireProxy> {
  const m = /^mongodb:\/\/(?:[^@/]*@)?([^:/,]+):(\d+)(\/.*)?$/.exec(targetUri);
  if (!m) throw new Error('the round-trip count needs a single-host mongodb:// URI');
  const [, host, port, rest] = m;
  const counters: WireMessageCounter[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: host!, port: Number(port) });
    const counter = new WireMessageCounter();
    counters.push(counter);
    sockets.add(client).add(upstream);
    client.on('data', (b: Buffer) => {
      try {
        counter.push(b);
      } catch {
        // Not the wire protocol: stop counting this connection, keep passing it through.
      }
      upstream.write(b);
    });
    upstream.on('data', (b: Buffer) => client.write(b));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const local = typeof addr === 'object' && addr ? addr.port : 0;
  const auth = /^mongodb:\/\/([^@/]*@)/.exec(targetUri)?.[1] ?? '';
  return {
    uri: `mongodb://${auth}127.0.0.1:${local}${rest ?? '/'}`,
    requests: () => counters.reduce((n, c) => n + c.count, 0),
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/**
 * Requests per operation with the idle traffic (driver heartbeats, lock renewals, pollers) taken out:
 * `busy` requests were counted during `n` operations taking `busyMs`, `idle` during `idleMs` of nothing.
 */
export function perOperation(busy: number, busyMs: number, idle: number, idleMs: number, n: number): number {
  if (n <= 0 || busyMs <= 0) return NaN;
  const background = idleMs > 0 ? (idle / idleMs) * busyMs : 0;
  return Math.max(0, busy - background) / n;
}
