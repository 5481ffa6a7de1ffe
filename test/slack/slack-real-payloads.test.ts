import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger';
import { strings } from '../support/bot-harness';
import { eventBody, interactionBody } from './support/signed-request';
import { createSlackHarness, fixture, PEOPLE, type SlackHarness } from './support/slack-harness';

type Rec = Record<string, unknown>;
type EventFixture = Rec & { event: Rec };

/** Log lines as objects (the harness logs through it at "warn"). */
function captureLogs() {
  const lines: Rec[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Rec);
      done();
    },
  });
  return { lines, logger: createLogger('warn', stream) };
}

const postsTo = (h: SlackHarness, channel: string) => h.api.called('chat.postMessage').filter((c) => c.args.channel === channel && c.result?.ok === true);

/**
 * Payload shapes Slack really sends (see fixtures/SOURCES.md) that the bot used to mishandle: Slack's
 * own notices in the app DM, a message with a file, replies in a thread, an event without event_id.
 */
describe('Slack: real payloads', () => {
  let h: SlackHarness;
  afterEach(() => h.destroy());

  it('a notice from USLACK in the app DM gets no reply', async () => {
    h = await createSlackHarness();
    const res = await h.send(eventBody(fixture('event-message-im-uslack')));
    await h.settled();
    expect(res.status).toBe(200);
    expect(h.api.called('chat.postMessage')).toEqual([]);
    expect((await h.store.events.get('slack:event:Ev08USLACK01'))?.status).toBe('done');
  });

  it('a DM with a file and text (subtype file_share) is answered by its text; a file without text is not', async () => {
    h = await createSlackHarness();
    await h.send(eventBody(fixture('event-message-im-file-share')));
    await h.settled();
    const help = postsTo(h, PEOPLE.daniel.dm);
    expect(help.length).toBeGreaterThan(0);

    const f = fixture<EventFixture>('event-message-im-file-share');
    await h.send(eventBody({ ...f, event_id: 'Ev08FILE0002', event: { ...f.event, text: '', blocks: [], ts: '1732399961.000400', event_ts: '1732399961.000400' } }));
    await h.settled();
    expect(postsTo(h, PEOPLE.daniel.dm).length).toBe(help.length);
    expect((await h.store.events.get('slack:event:Ev08FILE0002'))?.status).toBe('done');
  });

  it('a reply in a thread is answered in that thread, every message of the turn, and so is a click on a card in the thread; notifications stay at the top level', async () => {
    h = await createSlackHarness();
    await h.dm('daniel', 'hello'); // the approver has talked to the bot before
    const f = fixture<EventFixture>('event-message-im-thread-reply');
    const thread = String(f.event.thread_ts);
    const text = 'Add a second partner for Azure, our Microsoft 365 stays with Sakura Cloud Solutions';
    const before = postsTo(h, PEOPLE.yuki.dm).length;
    await h.send(eventBody({ ...f, event: { ...f.event, text } }));
    await h.settled();
    const turn = postsTo(h, PEOPLE.yuki.dm).slice(before);
    expect(turn.length).toBeGreaterThan(0);
    expect(turn.map((c) => c.args.thread_ts)).toEqual(turn.map(() => thread));

    // The form is in the thread; Slack's click payload says so (container.thread_ts).
    const posted = h.posted(PEOPLE.yuki.dm);
    const form = posted.at(-1)!;
    const inThread = (payload: Rec) => ({ ...payload, container: { ...(payload.container as Rec), thread_ts: thread }, message: { ...(payload.message as Rec), thread_ts: thread } });
    await h.send(interactionBody(inThread(h.clickPayload('yuki', form, 'submit_form', { partnerId: 'Trey Research Direct' }))));
    await h.settled();
    const confirmation = h.shown(PEOPLE.yuki.dm).at(-1)!; // the click was answered with this card in place of the form
    expect(strings(confirmation.blocks) + confirmation.text).toMatch(/Azure/);
    expect(postsTo(h, PEOPLE.yuki.dm).slice(posted.length).map((c) => c.args.thread_ts)).toEqual(postsTo(h, PEOPLE.yuki.dm).slice(posted.length).map(() => thread));

    const approverBefore = postsTo(h, PEOPLE.daniel.dm).length;
    await h.send(interactionBody(inThread(h.clickPayload('yuki', confirmation, 'confirm'))));
    await h.settled();
    const approval = postsTo(h, PEOPLE.daniel.dm).slice(approverBefore);
    expect(approval.length).toBeGreaterThan(0); // the approver's card, in the approver's DM, not in a thread
    expect(approval.map((c) => c.args.thread_ts)).toEqual(approval.map(() => undefined));
  });

  it('an app_mention in a channel thread is answered in the thread', async () => {
    h = await createSlackHarness();
    const f = fixture<EventFixture>('event-app-mention');
    await h.send(eventBody({ ...f, event: { ...f.event, text: '<@U0PLBOT> help', thread_ts: '1732399800.000900', parent_user_id: 'U06YUKISZ' } }));
    await h.settled();
    const replies = postsTo(h, 'C06APPROVE');
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map((c) => c.args.thread_ts)).toEqual(replies.map(() => '1732399800.000900'));
  });

  it('an event_callback without event_id is acknowledged, dropped and logged (a warning without the text or the user)', async () => {
    const { lines, logger } = captureLogs();
    h = await createSlackHarness({ logger });
    const { event_id: _dropped, ...body } = fixture<EventFixture>('event-message-im');
    const res = await h.send(eventBody(body));
    expect(res.status).toBe(200);
    await h.settled();
    expect(h.api.called('chat.postMessage')).toEqual([]);
    const warning = lines.find((l) => typeof l.msg === 'string' && /without event_id/.test(l.msg));
    expect(warning).toMatchObject({ level: 40, eventType: 'message' });
    expect(JSON.stringify(warning)).not.toMatch(/U06YUKISZ|hello|D06YUKISZ/);
  });
});
