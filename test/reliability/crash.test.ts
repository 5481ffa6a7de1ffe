import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';
import { buttonData, strings } from '../support/bot-harness';
import { BotProcess, freePort } from './support/bot-process';
import { startConnectorSink } from './support/connector-sink';

const MEI = { id: '29:mei-crash', name: 'Mei Kobayashi', aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000002' };

/** A Teams personal-chat activity from Mei, as the Bot Connector would post it (anonymous local mode). */
function activity(serviceUrl: string, extra: Record<string, unknown>) {
  return {
    channelId: 'msteams',
    serviceUrl,
    id: `act-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: MEI,
    recipient: { id: '28:partner-link', name: 'Partner Link' },
    conversation: { id: 'a:mei-crash-test', conversationType: 'personal', tenantId: '718293a4-b5c6-47de-88f9-0a1b2c3d4e56' },
    channelData: { tenant: { id: '718293a4-b5c6-47de-88f9-0a1b2c3d4e56' } },
    ...extra,
  };
}

async function post(bot: BotProcess, body: unknown) {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.text() };
}

describe('crash: the bot process is killed (SIGKILL) mid-dialog and after telling the user a request was submitted', () => {
  let dir: string;
  let bot: BotProcess;
  let sink: Awaited<ReturnType<typeof startConnectorSink>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pl-crash-'));
    sink = await startConnectorSink();
    bot = new BotProcess(await freePort(), { DATA_DIR: join(dir, 'data') });
    await bot.start();
  }, 90_000);
  afterAll(async () => {
    await bot?.kill();
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the half-filled request resumes after the restart, and a request the user was told about exists', async () => {
    expect((await post(bot, activity(sink.url, { type: 'message', text: 'link with a distributor please' }))).status).toBe(200);
    const form = sink.cards().at(-1)!;
    expect(strings(form)).toContain('Contoso Distribution Japan');

    await bot.kill(); // mid-dialog
    await bot.start();

    const submit = buttonData(form, 'submit_form')!;
    const { verb, ...data }: Record<string, unknown> = { ...submit, providerId: 'contoso-distribution-jp' };
    const clicked = await post(bot, activity(sink.url, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }));
    expect(clicked.status).toBe(200);
    // The click is answered with the confirmation card (it replaces the form).
    const confirmation = (JSON.parse(clicked.body) as { value: Record<string, unknown> }).value;
    expect(strings(confirmation)).toContain('Please check your request'); // the dialog resumed where it was

    const confirm = buttonData(confirmation, 'confirm')!;
    const { verb: v2, ...d2 } = confirm;
    const sent = await post(bot, activity(sink.url, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: v2, data: d2 } } }));
    const told = strings((JSON.parse(sent.body) as { value: unknown }).value);
    const id = /PL-[0-9A-Z]{8}/.exec(told)?.[0];
    expect(id).toBeDefined();

    await bot.kill(); // right after the user was told
    const store = await openStore({ dataDir: join(dir, 'data') });
    try {
      expect(await store.requests.get(id!)).toMatchObject({ status: 'pending_approval', subject: { kind: 'link_distributor', providerId: 'contoso-distribution-jp' } });
    } finally {
      await store.close();
    }
  }, 120_000);
});
