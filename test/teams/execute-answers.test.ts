import { buttonData, strings } from '../support/bot-harness';
import { cardOf, useAuthenticatedTeamsApp } from './support/authenticated-app';
import { conversationOf } from './support/teams-client';

const CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * Issue 14 item 21: clicks on form and confirmation cards (Action.Execute, invoke adaptiveCard/action)
 * are answered with the card that replaces the clicked one (invoke response of type
 * application/vnd.microsoft.card.adaptive, statusCode 200), as Universal Actions intend, and a refused
 * click with a card that says why; never with "Received" and a new card posted below.
 */
describe('Teams: Action.Execute on forms and confirmations is answered with a card', () => {
  const t = useAuthenticatedTeamsApp();

  const inMeisChat = () => t.connector.calls.filter((c) => c.conversationId === conversationOf('mei'));
  /** The invoke response's card; fails unless the click was answered with a card. */
  function answered(res: { status: number; body: unknown }): Record<string, unknown> {
    expect(res.status).toBe(200);
    const body = res.body as { statusCode: number; type: string; value: Record<string, unknown> };
    expect(body).toMatchObject({ statusCode: 200, type: CARD });
    expect(strings(body.value)).not.toMatch(/^Received$|^受け付けました$/);
    return body.value;
  }

  it.each([
    ['English', 'I want to link with a distributor', 'Send request', 'Request sent'],
    ['Japanese', '国内のディストリビューターと連携したい', '申請を送信', '申請を送信しました'],
  ])('%s: Continue on the form is answered with the confirmation, Send with the submitted card; nothing is posted below', async (_lang, ask, confirmText, submittedText) => {
    await t.client.say('mei', ask);
    const form = cardOf(inMeisChat().at(-1));
    const posted = inMeisChat().length;

    const confirmation = answered(await t.client.execute('mei', { ...buttonData(form, 'submit_form')!, providerId: 'contoso-distribution-jp' }));
    expect(strings(confirmation)).toContain(confirmText);
    const submitted = answered(await t.client.execute('mei', buttonData(confirmation, 'confirm')!));
    expect(strings(submitted)).toContain(submittedText);
    expect(strings(submitted)).toMatch(/PL-[0-9A-Z]{8}/);

    expect(inMeisChat()).toHaveLength(posted);
  });

  it('Change on the confirmation is answered with the form again', async () => {
    await t.client.say('mei', 'I want to link with a distributor');
    const confirmation = answered(await t.client.execute('mei', { ...buttonData(cardOf(inMeisChat().at(-1)), 'submit_form')!, providerId: 'contoso-distribution-jp' }));
    const form = answered(await t.client.execute('mei', buttonData(confirmation, 'edit')!));
    expect(buttonData(form, 'submit_form')).toBeDefined();
    expect(strings(form)).toContain('Contoso Distribution Japan');
  });

  it('a refused click (data that does not validate) is answered with a card that says why', async () => {
    await t.client.say('mei', 'I want to link with a distributor');
    const posted = inMeisChat().length;
    const refusal = answered(await t.client.execute('mei', { verb: 'submit_form', form: 'link_distributor', providerId: { $gt: '' } }));
    expect(strings(refusal)).toContain('That button sent something I cannot accept, so nothing was done.');
    expect(inMeisChat()).toHaveLength(posted);
  });

  it('a click on a confirmation card that is no longer current is answered with the current card, and says so below', async () => {
    await t.client.say('mei', 'I want to link with a distributor');
    const confirmation = answered(await t.client.execute('mei', { ...buttonData(cardOf(inMeisChat().at(-1)), 'submit_form')!, providerId: 'contoso-distribution-jp' }));
    const stale = { ...buttonData(confirmation, 'confirm')!, draftId: 'not-the-current-draft' };
    const posted = inMeisChat().length;
    const current = answered(await t.client.execute('mei', stale));
    expect(strings(current)).toContain('Send request');
    const below = inMeisChat().slice(posted);
    expect(below.map((c) => c.activity.text)).toEqual(['That card is out of date. Here is where we are now:']);
    expect(await t.app.store.requests.listByRequester('mei-kobayashi')).toHaveLength(0);
  });
});
