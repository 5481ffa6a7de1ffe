import { createBotHarness, type BotHarness } from '../support/bot-harness';

/**
 * botbuilder-dialogs builds each turn's dialog context afresh (through its public DialogSet): what one
 * turn leaves for the next is the dialog state in the conversation's state, nothing else.
 */
describe('dialog state from turn to turn', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('a dialog started on one turn goes on at the next, whatever another conversation did in between', async () => {
    const first = await h.say('mei-kobayashi', 'link me with a distributor', 'en-US');
    expect(JSON.stringify(first)).toContain('providerId');
    // Another conversation starts (and ends) something of its own meanwhile.
    await h.say('ken-sato', 'help', 'en-US', 'slack');
    // "cancel" only stops an active dialog (it would otherwise ask which request to cancel).
    const next = await h.say('mei-kobayashi', 'cancel', 'en-US');
    expect(next.map((r) => r.text)).toEqual(['OK, I stopped. Nothing was filed.']);
    // Stopped means gone: the same word on the next turn is a new question, not a stop.
    const after = await h.say('mei-kobayashi', 'cancel', 'en-US');
    expect(after.map((r) => r.text)).not.toEqual(['OK, I stopped. Nothing was filed.']);
  });

  it("one conversation's dialog is not another's: stopping it there leaves this one going", async () => {
    await h.say('mei-kobayashi', 'link me with a distributor', 'en-US');
    await h.say('ken-sato', 'link me with a distributor', 'en-US', 'slack');
    expect((await h.say('ken-sato', 'cancel', 'en-US', 'slack')).map((r) => r.text)).toEqual(['OK, I stopped. Nothing was filed.']);
    expect((await h.say('mei-kobayashi', 'cancel', 'en-US')).map((r) => r.text)).toEqual(['OK, I stopped. Nothing was filed.']);
  });
});
