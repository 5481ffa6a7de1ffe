import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strings } from '../support/bot-harness';
import { BotProcess, freePort } from './support/bot-process';
import { startConnectorSink } from './support/connector-sink';

describe('graceful shutdown (SIGTERM)', () => {
  it('finishes the turn in flight, refuses new requests, closes the store and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-term-'));
    const sink = await startConnectorSink();
    const bot = new BotProcess(await freePort(), { DATA_DIR: join(dir, 'data') });
    try {
      await bot.start();
      const held = sink.hold();
      const turn = fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          channelId: 'msteams',
          serviceUrl: sink.url,
          id: 'act-term-1',
          locale: 'en-US',
          text: 'link with a distributor please',
          from: { id: '29:mei', name: 'Mei Kobayashi', aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000002' },
          recipient: { id: '28:partner-link', name: 'Partner Link' },
          conversation: { id: 'a:mei-term', conversationType: 'personal' },
        }),
      });
      await held.arrived; // the bot is sending its reply: the turn is certainly in flight
      const exited = bot.terminate();
      await new Promise((r) => setTimeout(r, 300)); // SIGTERM has arrived while the turn waits
      held.release();
      const answer = await turn;
      expect(answer.status).toBe(200); // finished, not cut off
      expect(strings(sink.cards().at(-1))).toContain('Contoso Distribution Japan'); // and its reply went out
      expect(await exited).toBe(0);
      await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow(); // nothing is listening any more
      expect(existsSync(join(dir, 'data', 'partner-link.lock'))).toBe(false); // the store was closed, not abandoned
    } finally {
      await bot.kill();
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
