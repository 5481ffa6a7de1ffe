import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

/**
 * Issue 18, "cards that never dead-end": multi-channel support for a subscription the directory does not
 * hold. The customer gives its ID or describes it (name, workload, how it was bought, how it is billed);
 * the same multi-channel rules judge it (rule codes), and the approvers see that the customer described it.
 * Teams (Action.Execute), whole bot on the embedded store with the sample directory, English and Japanese.
 */

/** The data of the button with this title (the describe button and Continue both submit the form). */
function button(card: unknown, title: string): Record<string, unknown> {
  const stack: unknown[] = [card];
  while (stack.length) {
    const x = stack.pop();
    if (Array.isArray(x)) stack.push(...x);
    else if (x && typeof x === 'object') {
      const o = x as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.title === title) return { verb: o.verb, ...(o.data as object) };
      stack.push(...Object.values(o));
    }
  }
  throw new Error(`no button "${title}" on the card`);
}

/** The input IDs a card asks for. */
function inputIds(card: unknown): string[] {
  return [...JSON.stringify(card).matchAll(/"type":"Input\.[A-Za-z]+","id":"([A-Za-z]+)"/g)].map((m) => m[1]!);
}

describe('issue 18: multi-channel support for a subscription not in the directory (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('English: a customer with no subscription on record is asked to describe it (no "—", no empty list), and the request is filed marked as described', async () => {
    // Bayview County Government has no subscription in the sample directory.
    const [form] = await h.say('marcus-lee', 'We bought Microsoft 365 through an EA. Can a CSP partner support it?', 'en-US');
    expect(form!.cardText).not.toContain('—');
    expect(form!.cardText).not.toContain("I can't find subscription");
    expect(form!.cardText).toContain("None of your organization's subscriptions are on record here");
    expect(inputIds(form!.card)).toEqual(['describedId', 'subscriptionName', 'subscriptionWorkload', 'purchaseChannel', 'billing']);
    // What the message said is filled in already: Microsoft 365, bought through an EA.
    expect(JSON.stringify(form!.card)).toContain('"id":"subscriptionWorkload","label":"Workload"');
    expect(JSON.stringify(form!.card)).toMatch(/"id":"subscriptionWorkload".*?"value":"microsoft365"/);
    expect(JSON.stringify(form!.card)).toMatch(/"id":"purchaseChannel".*?"value":"ea"/);
    expect(form!.cardText).toContain('Microsoft Customer Agreement');

    const continueData = button(form!.card, 'Continue');
    const partners = (await h.execute('marcus-lee', { ...continueData, subscriptionName: 'Microsoft 365 G3', subscriptionWorkload: 'microsoft365', purchaseChannel: 'ea', billing: 'license' }, 'en-US')).answer!;
    expect(partners.cardText).toContain('Microsoft 365 G3');
    expect(partners.cardText).toContain('Described by the customer, not in the directory');
    expect(partners.cardText).toContain('Not given (the customer did not know it)');
    expect(inputIds(partners.card)).toEqual(['partnerId']);
    const partnerId = (JSON.stringify(partners.card).match(/"id":"partnerId".*?"value":"([a-z0-9-]+)"/) ?? [])[1]!;
    expect(partnerId).toBeDefined();

    const confirmation = (await h.execute('marcus-lee', { ...buttonData(partners.card, 'submit_form')!, partnerId }, 'en-US')).answer!;
    expect(confirmation.cardText).toContain('Please check your request');
    expect(confirmation.cardText).toContain('Described by the customer, not in the directory');
    // The same rule as for a directory subscription: license-based with no term end on record.
    expect(confirmation.cardText).toContain('The term end of Microsoft 365 G3 is not on record');
    const submitted = (await h.execute('marcus-lee', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
    const request = (await h.store.requests.get(id))!;
    expect(request.subject).toMatchObject({
      kind: 'multichannel_support',
      customerId: 'bayview-county-gov',
      partnerId,
      described: { name: 'Microsoft 365 G3', workload: 'microsoft365', channel: 'ea', billing: 'license', idGiven: false },
    });
    // An ID made from the description (version 8), never passed off as one Microsoft issued.
    expect(request.subject.kind === 'multichannel_support' && request.subject.subscriptionId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // Nothing was added to the directory: the subscription stays the customer's description.
    expect(await h.store.directory.listSubscriptions('bayview-county-gov')).toEqual([]);

    // The same description again is the same request (a duplicate), not a second one.
    const again = (await h.say('marcus-lee', 'We bought Microsoft 365 through an EA. Can a CSP partner support it?', 'en-US')).at(-1)!;
    const second = (await h.execute('marcus-lee', { ...button(again.card, 'Continue'), subscriptionName: 'microsoft 365 g3', subscriptionWorkload: 'microsoft365', purchaseChannel: 'ea', billing: 'license' }, 'en-US')).answer!;
    expect(inputIds(second.card)).not.toContain('partnerId');
    expect(await h.store.requests.listByRequester('marcus-lee')).toHaveLength(1);
  });

  it('Japanese: "not in the list" on the list form; a wrong ID and a CSP purchase are refused with the rules\' reasons; the approver sees what the customer described', async () => {
    const [list] = await h.say('yuki-suzuki', '他で購入したサブスクリプションのサポートをお願いしたい', 'ja-JP');
    expect(list!.cardText).toContain('Microsoft 365 E3 (EA)');
    const describe = (await h.execute('yuki-suzuki', button(list!.card, '一覧にないサブスクリプション'), 'ja-JP')).answer!;
    expect(describe.cardText).toContain('サブスクリプションの内容を入力してください');
    expect(inputIds(describe.card)).toEqual(['describedId', 'subscriptionName', 'subscriptionWorkload', 'purchaseChannel', 'billing']);
    const send = button(describe.card, '次へ');

    // A typo in the ID: the rule's reason, and the form again with what was typed.
    const typo = (await h.execute('yuki-suzuki', { ...send, describedId: '1234-abcd', subscriptionName: 'Microsoft 365 Business Premium', subscriptionWorkload: 'microsoft365', purchaseChannel: 'csp_partner', billing: 'license' }, 'ja-JP')).answer!;
    expect(typo.cardText).toContain('「1234-abcd」はサブスクリプション ID ではありません'); // INVALID_SUBSCRIPTION_ID
    expect(JSON.stringify(typo.card)).toContain('"value":"Microsoft 365 Business Premium"');

    // Bought from another CSP partner: MULTICHANNEL_CHANNEL_INELIGIBLE, as for a directory subscription.
    const guid = 'C0FFEE00-1234-4abc-8def-0123456789ab';
    const csp = (await h.execute('yuki-suzuki', { ...button(typo.card, '次へ'), describedId: guid, subscriptionName: 'Microsoft 365 Business Premium', subscriptionWorkload: 'microsoft365', purchaseChannel: 'csp_partner', billing: 'license' }, 'ja-JP')).answer!;
    expect(csp.cardText).toContain('Microsoft 365 Business Premiumは別の CSP パートナーで購入されたため、マルチチャンネル サポートの対象外です');
    expect(inputIds(csp.card)).toContain('purchaseChannel');

    // Bought through Open licensing instead: the partners that can support Microsoft 365 are offered.
    const partners = (await h.execute('yuki-suzuki', { ...button(csp.card, '次へ'), describedId: guid, subscriptionName: 'Microsoft 365 Business Premium', subscriptionWorkload: 'microsoft365', purchaseChannel: 'open', billing: 'license' }, 'ja-JP')).answer!;
    expect(partners.cardText).toContain('お客様が入力 (ディレクトリに未登録)');
    expect(partners.cardText).toContain(guid.toLowerCase());
    expect(partners.cardText).toContain('Open ライセンス');
    const partnerId = (JSON.stringify(partners.card).match(/"id":"partnerId".*?"value":"([a-z0-9-]+)"/) ?? [])[1]!;
    // The partner's admins have talked with the bot, so the approval card can reach them.
    const admins = (await h.store.directory.listPeople(partnerId)).filter((p) => p.roles.includes('admin'));
    expect(admins.length).toBeGreaterThan(0);
    for (const admin of admins) await h.say(admin.id, 'hello');
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(partners.card, 'submit_form')!, partnerId }, 'ja-JP')).answer!;
    expect(confirmation.cardText).toContain('申請内容のご確認');
    const submitted = (await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!, 'ja-JP')).answer!;
    const id = /PL-[0-9A-Z]{8}/.exec(submitted.cardText)![0];
    const request = (await h.store.requests.get(id))!;
    expect(request.subject).toMatchObject({ subscriptionId: guid.toLowerCase(), described: { name: 'Microsoft 365 Business Premium', channel: 'open', idGiven: true } });

    // The partner's admins get the approval card with the described subscription, marked (in their language).
    const toApprovers = h.delivered.filter((d) => strings(d.message).includes(id));
    expect(toApprovers.length).toBeGreaterThan(0);
    const approval = strings(toApprovers[0]!.message);
    expect(approval).toMatch(/Described by the customer, not in the directory|お客様が入力 \(ディレクトリに未登録\)/);
    expect(approval).toContain('Microsoft 365 Business Premium');
  });

  it('a subscription ID typed in the message that the directory holds for this customer is that subscription; one it does not hold starts the description with it', async () => {
    const [known] = await h.say('yuki-suzuki', 'Please get a partner to support subscription 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c61', 'en-US');
    expect(known!.cardText).toContain('Microsoft 365 E3 (EA)');
    expect(inputIds(known!.card)).toEqual(['partnerId']);
    await h.say('yuki-suzuki', 'cancel', 'en-US');
    const [unknown] = await h.say('yuki-suzuki', 'Please get a partner to support subscription 0d0e0f10-1112-4314-9516-171819202122', 'en-US');
    expect(inputIds(unknown!.card)).toEqual(['describedId', 'subscriptionName', 'subscriptionWorkload', 'purchaseChannel', 'billing']);
    expect(JSON.stringify(unknown!.card)).toContain('"value":"0d0e0f10-1112-4314-9516-171819202122"');
  });

  it('a name with control characters is refused at the domain\'s schema and asked again (never stored)', async () => {
    const [form] = await h.say('marcus-lee', 'We need support for a subscription we bought elsewhere', 'en-US');
    const again = (await h.execute('marcus-lee', { ...button(form!.card, 'Continue'), subscriptionName: 'E3\u0007\u001b[2J', subscriptionWorkload: 'microsoft365', purchaseChannel: 'ea', billing: 'license' }, 'en-US')).answer!;
    expect(inputIds(again.card)).toContain('subscriptionName');
    expect(await h.store.requests.listByRequester('marcus-lee')).toEqual([]);
  });
});
