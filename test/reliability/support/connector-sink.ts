import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SunkActivity {
  conversationId: string;
  activity: Record<string, unknown>;
}

/**
 * A Bot Connector on loopback for a bot running in another process (nock cannot reach there): it
 * accepts what the bot posts or puts to /v3/conversations/{id}/activities and keeps it.
 */
export async function startConnectorSink(): Promise<{
  url: string;
  received: SunkActivity[];
  cards: () => Record<string, unknown>[];
  /** Holds every answer until released: while held, the bot's turn is certainly still in flight. */
  hold: () => { arrived: Promise<void>; release: () => void };
  close: () => Promise<void>;
}> {
  const received: SunkActivity[] = [];
  let seq = 0;
  let gate: { arrived: () => void; released: Promise<void> } | undefined;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      const m = /\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
      if (m && (req.method === 'POST' || req.method === 'PUT')) {
        received.push({ conversationId: decodeURIComponent(m[1]!), activity: JSON.parse(body || '{}') as Record<string, unknown> });
        if (gate) {
          gate.arrived();
          await gate.released;
        }
        res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sink-${++seq}` }));
        return;
      }
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    received,
    cards: () =>
      received.flatMap((r) => ((r.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content)),
    hold: () => {
      let arrived!: () => void;
      let release!: () => void;
      const arrivedP = new Promise<void>((r) => (arrived = r));
      const released = new Promise<void>((r) => (release = r));
      gate = { arrived, released };
      return { arrived: arrivedP, release: () => { gate = undefined; release(); } };
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
