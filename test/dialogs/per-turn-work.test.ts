import { DialogsComponentRegistration } from 'botbuilder-dialogs/lib/dialogsComponentRegistration';
import { createBotHarness, type BotHarness } from '../support/bot-harness';

/** Work that is the same on every turn is done once, and the conversation goes on as before. */
describe('per-turn work done once', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it("botbuilder-dialogs' memory scopes are built on the first turn only, and dialogs still carry state from turn to turn", async () => {
    const built = jest.spyOn(DialogsComponentRegistration.prototype, 'getMemoryScopes');
    const first = await h.say('mei-kobayashi', 'link me with a distributor', 'en-US');
    expect(JSON.stringify(first)).toContain('providerId');
    expect(built).toHaveBeenCalledTimes(1);
    // Another conversation, and the same one again: the dialog it started is still there.
    await h.say('ken-sato', 'help', 'en-US', 'slack');
    // "cancel" only stops an active dialog (it would otherwise ask which request to cancel).
    const next = await h.say('mei-kobayashi', 'cancel', 'en-US');
    expect(next.map((r) => r.text)).toEqual(['OK, I stopped. Nothing was filed.']);
    expect(built).toHaveBeenCalledTimes(1);
    built.mockRestore();
  });
});
