import { last, textOf, createSlackHarness, type SlackHarness } from './support/slack-harness';

const REQUEST_ID = /PL-[0-9A-Z]{8}/;

/**
 * Issue 18 on Slack (signed HTTP requests, the Web API faked locally): a customer asks for multi-channel
 * support for a subscription the directory does not hold, describes it on the Block Kit form, and the
 * request is filed as described; a required box left empty is named by its label in the whisper.
 */
describe('Slack: multi-channel support for a subscription not in the directory', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await createSlackHarness();
  });
  afterEach(() => h.destroy());

  it('English: "My subscription is not in the list", described (marked so on the form), filed with the description', async () => {
    await h.dm('olivia', 'We need a partner to support a subscription we bought elsewhere');
    const list = last(h.shown('D07OLIVIAB'));
    expect(textOf(list)).toContain('My subscription is not in the list');
    // The first button that submits this form is "not in the list" (it sends no inputs).
    await h.click('olivia', list, 'submit_form#describe');
    const describe = last(h.shown('D07OLIVIAB'));
    expect(textOf(describe)).toContain('Describe the subscription');
    expect(textOf(describe)).toContain('How it was bought');

    await h.click('olivia', describe, 'submit_form', { describedId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', subscriptionName: 'Azure plan (web direct)', subscriptionWorkload: 'azure', purchaseChannel: 'microsoft_direct', billing: 'usage' });
    const partners = last(h.shown('D07OLIVIAB'));
    expect(textOf(partners)).toContain('Described by the customer, not in the directory');
    expect(textOf(partners)).toContain('5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d');
    await h.click('olivia', partners, 'submit_form', { partnerId: 'Proseware' });
    const confirmation = last(h.shown('D07OLIVIAB'));
    // The usage-based advice, as for a directory subscription.
    expect(textOf(confirmation)).toContain('the partner will create a new Azure subscription');
    await h.click('olivia', confirmation, 'confirm');
    const id = REQUEST_ID.exec(textOf(last(h.shown('D07OLIVIAB'))))![0];
    expect((await h.store.requests.get(id))?.subject).toMatchObject({
      kind: 'multichannel_support',
      customerId: 'coho-winery-us',
      subscriptionId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
      described: { name: 'Azure plan (web direct)', workload: 'azure', channel: 'microsoft_direct', billing: 'usage', idGiven: true },
    });
  });

  it('Japanese: a required box left empty is named by its label (never the input ID); then the form goes on', async () => {
    await h.dm('yuki', '他で購入したサブスクリプションのサポートをお願いしたい');
    await h.click('yuki', last(h.shown('D06YUKISZ')), 'submit_form#describe');
    const describe = last(h.shown('D06YUKISZ'));
    expect(textOf(describe)).toContain('サブスクリプションの内容を入力してください');
    await h.click('yuki', describe, 'submit_form', { subscriptionWorkload: 'microsoft365', purchaseChannel: 'open', billing: 'license' });
    const whisper = h.api.called('chat.postEphemeral').at(-1)!.args;
    expect(whisper).toMatchObject({ channel: 'D06YUKISZ', user: 'U06YUKISZ' });
    expect(whisper.text).toBe('次の項目を入力してください: サブスクリプション名');
    expect(whisper.text).not.toContain('subscriptionName');
    await h.click('yuki', describe, 'submit_form', { subscriptionName: 'Office 365 E1', subscriptionWorkload: 'microsoft365', purchaseChannel: 'open', billing: 'license' });
    const partners = last(h.shown('D06YUKISZ'));
    expect(textOf(partners)).toContain('お客様が入力 (ディレクトリに未登録)');
    expect(textOf(partners)).toContain('未入力 (お客様が ID を把握していません)');
  });
});
