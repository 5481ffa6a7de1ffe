import { createServer, connect, type Server, type Socket } from 'node:net';
import { startWireProxy, WireMessageCounter } from '../../bench/lib/wire-count';

// Issue 19: the bench counts MongoDB round trips on the wire. A wire message is its own length (int32,
// little-endian, counting those 4 bytes) followed by the rest; the header layout is the MongoDB wire
// protocol's (messageLength, requestID, responseTo, opCode), filled here with made-up values.
function message(bodyBytes: number, requestId: number): Buffer {
  const b = Buffer.alloc(16 + bodyBytes, 0x61);
  b.writeInt32LE(16 + bodyBytes, 0);
  b.writeInt32LE(requestId, 4);
  b.writeInt32LE(0, 8);
  b.writeInt32LE(2013, 12); // OP_MSG
  return b;
}

describe('MongoDB wire messages counted (issue 19)', () => {
  const stream = Buffer.concat([message(0, 1), message(100, 2), message(3, 3), message(5000, 4)]);

  it('counts whole messages however the stream is cut', () => {
    for (const cut of [1, 2, 3, 5, 7, 16, 17, 64, 1000, stream.length]) {
      const c = new WireMessageCounter();
      for (let at = 0; at < stream.length; at += cut) c.push(stream.subarray(at, at + cut));
      expect(c.count).toBe(4);
    }
  });

  it('counts a message when its header begins, not before', () => {
    const c = new WireMessageCounter();
    c.push(stream.subarray(0, 16 + 2)); // message 1 and two bytes of message 2's length
    expect(c.count).toBe(1);
    c.push(stream.subarray(18, 20));
    expect(c.count).toBe(2);
  });

  it('refuses bytes that cannot be a wire message', () => {
    const c = new WireMessageCounter();
    const bad = Buffer.alloc(8);
    bad.writeInt32LE(3, 0);
    expect(() => c.push(bad)).toThrow(/not a MongoDB wire message/);
  });

  describe('the proxy', () => {
    let server: Server;
    let port = 0;
    const received: Buffer[] = [];
    beforeAll(async () => {
      // A stand-in server that answers each request's bytes with a fixed reply, as a MongoDB server would answer.
      server = createServer((s: Socket) => {
        s.on('data', (b: Buffer) => {
          received.push(b);
          s.write(message(8, 99));
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise<void>((r) => server.close(() => r()));
    });

    it('passes both ways unchanged and counts what the client sent', async () => {
      const proxy = await startWireProxy(`mongodb://user:secret@127.0.0.1:${port}/app?directConnection=true`);
      try {
        expect(proxy.uri).toMatch(/^mongodb:\/\/user:secret@127\.0\.0\.1:\d+\/app\?directConnection=true$/);
        const uriPort = Number(/:(\d+)\//.exec(proxy.uri)![1]);
        expect(uriPort).not.toBe(port);
        const client = connect({ host: '127.0.0.1', port: uriPort });
        const replies: Buffer[] = [];
        client.on('data', (b: Buffer) => replies.push(b));
        await new Promise<void>((r) => client.once('connect', () => r()));
        client.write(Buffer.concat([message(10, 1), message(20, 2)]));
        client.write(message(0, 3));
        const deadline = Date.now() + 5000;
        while (proxy.requests() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        while (Buffer.concat(replies).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        expect(proxy.requests()).toBe(3);
        expect(Buffer.concat(received).equals(Buffer.concat([message(10, 1), message(20, 2), message(0, 3)]))).toBe(true);
        expect(Buffer.concat(replies).subarray(0, 24).equals(message(8, 99))).toBe(true);
        client.destroy();
      } finally {
        await proxy.stop();
      }
    });

    it('needs a single-host mongodb:// URI', async () => {
      await expect(startWireProxy('mongodb+srv://cluster.example.net/')).rejects.toThrow(/single-host/);
      await expect(startWireProxy('mongodb://a:1,b:2/')).rejects.toThrow(/single-host/);
    });
  });
});
