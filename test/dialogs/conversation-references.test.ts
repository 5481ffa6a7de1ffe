import { createBotHarness, type BotHarness } from '../support/bot-harness';

describe('where to reach a person (conversation references)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('is saved on the first personal-chat turn and again only when it changes, not on every turn', async () => {
    const save = jest.spyOn(h.store.references, 'save');
    await h.say('mei-kobayashi', 'help', 'en-US');
    await h.say('mei-kobayashi', 'link me with a distributor', 'en-US');
    await h.say('mei-kobayashi', 'help', 'en-US');
    expect(save).toHaveBeenCalledTimes(1);
    const [saved] = await h.store.references.listForPerson('mei-kobayashi');
    expect(saved?.reference).toMatchObject({ conversation: { id: 'a:mei-kobayashi' }, serviceUrl: 'https://test.local' });
    expect(saved?.reference).not.toHaveProperty('activityId'); // a proactive message answers no old message

    // The bot moves (a new service URL): saved again.
    const identity = h.person('mei-kobayashi').identities.find((i) => i.platform === 'teams');
    const aadObjectId = identity?.platform === 'teams' ? identity.aadObjectId : undefined;
    await h.sayAs({ channelId: 'msteams', serviceUrl: 'https://elsewhere.test', from: { id: '29:mei-kobayashi', name: 'Mei', aadObjectId }, conversation: { id: 'a:mei-kobayashi', conversationType: 'personal', isGroup: false, name: '' } }, 'help');
    expect(save).toHaveBeenCalledTimes(2);
    const [moved] = await h.store.references.listForPerson('mei-kobayashi');
    expect(moved?.reference).toMatchObject({ serviceUrl: 'https://elsewhere.test' });
  });
});
