import nock from 'nock';
import { personReferenceKey } from '../../domain';
import { createSlackHarness, PEOPLE, type SlackHarness } from './support/slack-harness';

type Rec = Record<string, unknown>;
const HOOKS = 'https://hooks.slack.com';
/** The response_url path in fixtures/slash-command.json. */
const RESPONSE_PATH = '/commands/T06YAMATO/1732399980/S5ltPdGmBZ9zWBlRz3Kf1yKq';

/** What the bot sent to the command's response_url (Slack's webhook answers "ok"). */
function responseUrl(path = RESPONSE_PATH) {
  const answers: Rec[] = [];
  const scope = nock(HOOKS)
    .post(path, (body: Rec) => (answers.push(body), true))
    .reply(200, 'ok')
    .persist();
  return { answers, scope };
}

/** A /partner from `who` typed in `channel`, whose payload names the fixture's response_url. */
const commandIn = (h: SlackHarness, who: keyof typeof PEOPLE, channel: string, text: string, channelName?: string) => {
  const b = h.commandBody(who, channel, text);
  if (!channelName) return b;
  const fields = new URLSearchParams(b.body);
  fields.set('channel_name', channelName);
  return { body: fields.toString(), type: b.type };
};

/**
 * /partner where the bot cannot post: a channel it was not added to, or a DM between two people
 * (Slack sends `channel_name: directmessage` for any DM). chat.postMessage fails there, so the answer
 * goes through the command's response_url, shown to the person alone; and a DM between two people is
 * never saved as the person's DM with the bot.
 */
describe('Slack: /partner answered where the bot cannot post', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    h = await createSlackHarness();
  });
  afterEach(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await h.destroy();
  });

  it.each(['not_in_channel', 'channel_not_found'])('in a channel the bot is not in (%s): the answer comes through response_url, ephemeral', async (error) => {
    const { answers } = responseUrl();
    h.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error } });
    const res = await h.send(commandIn(h, 'yuki', 'C06NOTBOT', 'help'));
    await h.settled();
    expect(res.status).toBe(200);
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => a.response_type === 'ephemeral' && typeof a.text === 'string' && a.text !== '')).toBe(true);
    // Once Slack said no, the rest of the turn goes straight to response_url.
    expect(h.api.called('chat.postMessage').filter((c) => c.args.channel === 'C06NOTBOT')).toHaveLength(1);
    expect((await h.store.events.listDue('slack', new Date(Date.now() + 1000)))).toEqual([]);
  });

  it('in a DM between two people: answered through response_url, and the person\'s DM with the bot is kept', async () => {
    await h.dm('daniel', 'hello'); // Daniel's DM with the bot is D05DANPARK
    const key = personReferenceKey('daniel-park', 'slack');
    expect((await h.store.references.get(key))?.reference).toMatchObject({ conversation: { id: PEOPLE.daniel.dm } });

    const { answers } = responseUrl();
    // The bot is not a member of Daniel's DM with Yuki: Slack answers channel_not_found.
    h.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    const res = await h.send(commandIn(h, 'daniel', 'D05DANYUKI', 'help', 'directmessage'));
    await h.settled();
    expect(res.status).toBe(200);
    expect(answers.length).toBeGreaterThan(0);
    expect((await h.store.references.get(key))?.reference).toMatchObject({ conversation: { id: PEOPLE.daniel.dm } });
    expect(await h.store.references.listForPerson('daniel-park')).toHaveLength(1);
  });

  it('from someone who never wrote to the bot, in a DM between two people: answered, nothing saved', async () => {
    const { answers } = responseUrl();
    h.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await h.send(commandIn(h, 'taro', 'D06TAROYUKI', 'help', 'directmessage'));
    await h.settled();
    expect(answers.length).toBeGreaterThan(0);
    expect(await h.store.references.listForPerson('taro-ito')).toEqual([]);
  });

  it('the first /partner in the bot\'s own DM from someone who never wrote to it: answered there, and from then on it is their DM', async () => {
    await h.send(commandIn(h, 'olivia', PEOPLE.olivia.dm, 'help', 'directmessage'));
    await h.settled();
    expect(h.posted(PEOPLE.olivia.dm).length).toBeGreaterThan(0); // the bot could post: it is the bot's DM
    await h.send(commandIn(h, 'olivia', PEOPLE.olivia.dm, 'help', 'directmessage'));
    await h.settled();
    expect((await h.store.references.listForPerson('olivia-brown')).map((r) => (r.reference as { conversation?: { id?: string } }).conversation?.id)).toEqual([PEOPLE.olivia.dm]);
  });

  it('a response_url that is not Slack\'s is never posted to', async () => {
    const elsewhere = nock('https://hooks.example.net').post(/.*/).reply(200, 'ok');
    const b = commandIn(h, 'yuki', 'C06NOTBOT', 'help');
    const fields = new URLSearchParams(b.body);
    fields.set('response_url', 'https://hooks.example.net/commands/T06YAMATO/1/x');
    h.api.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    expect((await h.send({ body: fields.toString(), type: b.type })).status).toBe(200);
    await h.settled();
    expect(elsewhere.isDone()).toBe(false);
  });

  it('in the person\'s own DM with the bot, /partner is answered there and the DM stays where to reach them', async () => {
    await h.dm('taro', 'hello');
    const before = h.posted(PEOPLE.taro.dm).length;
    await h.send(commandIn(h, 'taro', PEOPLE.taro.dm, 'help', 'directmessage'));
    await h.settled();
    expect(h.posted(PEOPLE.taro.dm).length).toBeGreaterThan(before);
    expect((await h.store.references.get(personReferenceKey('taro-ito', 'slack')))?.reference).toMatchObject({ conversation: { id: PEOPLE.taro.dm } });
  });
});
