import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { buttonData, strings } from '../support/bot-harness';
import { ENV, HOW_TO_RUN } from '../support/mongo-server';
import { BotProcess, freePort } from './support/bot-process';
import { startConnectorSink } from './support/connector-sink';

const uri = process.env.MONGODB_URI || process.env[ENV.uri];
if (!uri && process.env.CI !== 'true') console.warn(`two-process test skipped: no MongoDB-wire server. ${HOW_TO_RUN}`);
const run = uri || process.env.CI === 'true' ? describe : describe.skip;

function activity(serviceUrl: string, extra: Record<string, unknown>) {
  return {
    channelId: 'msteams',
    serviceUrl,
    id: `act-${randomBytes(6).toString('hex')}`,
    locale: 'en-US',
    from: { id: '29:mei', name: 'Mei Kobayashi', aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000002' },
    recipient: { id: '28:partner-link', name: 'Partner Link' },
    conversation: { id: 'a:mei-two-processes', conversationType: 'personal' },
    ...extra,
  };
}
const send = (bot: BotProcess, body: unknown) =>
  fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, text: await r.text() }));
const post = (bot: BotProcess, body: unknown) => send(bot, body).then((r) => r.status);
/** The card an Action.Execute click was answered with (it replaces the clicked card). */
const answerOf = (r: { text: string }) => (JSON.parse(r.text) as { value: Record<string, unknown> }).value;
const click = (data: Record<string, unknown>) => {
  const { verb, ...rest } = data;
  return { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: rest } } };
};

run('two bot processes behind a load balancer, one MongoDB', () => {
  it("a conversation's turns alternate between the processes without losing state", async () => {
    if (!uri) throw new Error(`No MongoDB-wire server under CI=true. ${HOW_TO_RUN}`);
    const dbName = `pl_procs_${randomBytes(4).toString('hex')}`;
    const sink = await startConnectorSink();
    const env = { MONGODB_URI: uri, MONGODB_DB: dbName };
    const a = new BotProcess(await freePort(), env);
    const b = new BotProcess(await freePort(), env);
    try {
      await a.start();
      await b.start();
      expect(await post(a, activity(sink.url, { type: 'message', text: 'link with a distributor please' }))).toBe(200);
      const form = sink.cards().at(-1)!;
      const continued = await send(b, activity(sink.url, click({ ...buttonData(form, 'submit_form')!, providerId: 'contoso-distribution-jp' })));
      expect(continued.status).toBe(200);
      const confirmation = answerOf(continued);
      expect(strings(confirmation)).toContain('Please check your request'); // B continued what A started
      const finished = await send(a, activity(sink.url, click(buttonData(confirmation, 'confirm')!)));
      expect(finished.status).toBe(200);
      expect(strings(answerOf(finished))).toMatch(/PL-[0-9A-Z]{8}/); // and A finished it
    } finally {
      await a.kill();
      await b.kill();
      await sink.close();
      const admin = await mongoose.createConnection(uri, { dbName }).asPromise();
      await admin.dropDatabase();
      await admin.close();
    }
  }, 120_000);
});
