import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

describe('reseller links with a distributor (Teams)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it.each([
    ['en-US', 'link us with Contoso Distribution Japan', 'Tailspin Distribution KK'],
    ['ja-JP', 'コントソ・ディストリビューション・ジャパンと連携したい', 'テイルスピン・ディストリビューション'],
  ])('%s: Change on the confirmation asks for the distributor again, with the choices (issue 18)', async (locale, text, other) => {
    const confirmation = (await h.say('mei-kobayashi', text, locale)).at(-1)!;
    const edit = buttonData(confirmation.card, 'edit')!;
    expect(edit).toBeDefined();
    const form = (await h.execute('mei-kobayashi', edit, locale)).answer!;
    expect(form.cardText).toContain(other);
    expect(buttonData(form.card, 'submit_form')).toBeDefined();
    // The distributor is a choice again (not shown as filled in): both eligible distributors are offered.
    const inputs: { type?: string; id?: string; choices?: { value: string }[] }[] = [];
    JSON.stringify(form.card, (_k, v: unknown) => {
      if (v && typeof v === 'object' && (v as { type?: string }).type === 'Input.ChoiceSet') inputs.push(v as (typeof inputs)[number]);
      return v;
    });
    const provider = inputs.find((i) => i.id === 'providerId');
    expect(provider?.choices?.map((c) => c.value).sort()).toEqual(['contoso-distribution-jp', 'tailspin-distribution-jp']);
  });

  it('in Japanese: asks, offers only eligible distributors, confirms, files, the distributor admin approves', async () => {
    await h.say('hiroshi-yamada', 'こんにちは', 'ja-JP'); // the approver has talked to the bot: it can reach him later

    const [form] = await h.say('mei-kobayashi', '国内のディストリビューターと連携したい', 'ja-JP');
    expect(form!.cardText).toContain('コントソ・ディストリビューション・ジャパン');
    expect(form!.cardText).toContain('テイルスピン・ディストリビューション');
    expect(form!.cardText).not.toContain('ウイングティップ'); // not authorized
    expect(form!.cardText).not.toContain('Northwind'); // another region

    const submitForm = buttonData(form!.card, 'submit_form')!;
    const confirmTurn = await h.execute('mei-kobayashi', { ...submitForm, providerId: 'contoso-distribution-jp' }, 'ja-JP');
    const confirmation = confirmTurn.answer!;
    expect(confirmation.cardText).toContain('コントソ・ディストリビューション・ジャパン');
    const confirm = buttonData(confirmation.card, 'confirm')!;

    const submitted = await h.execute('mei-kobayashi', confirm, 'ja-JP');
    const done = submitted.answer!;
    const requestId = /PL-[0-9A-Z]{8}/.exec(done.cardText)?.[0];
    expect(requestId).toBeDefined();
    const stored = await h.store.requests.get(requestId!);
    expect(stored).toMatchObject({ status: 'pending_approval', subject: { kind: 'link_distributor', resellerId: 'fuji-it-partners', providerId: 'contoso-distribution-jp' } });

    const toApprover = h.delivered.find((d) => d.to === 'hiroshi-yamada');
    expect(toApprover).toBeDefined();
    const approvalCard = toApprover!.message.card;
    expect(strings(approvalCard)).toContain(requestId);
    const approve = buttonData(approvalCard, 'approve')!;

    const decided = await h.execute('hiroshi-yamada', approve, 'ja-JP');
    expect(decided.card).toBeDefined();
    expect(strings(decided.card)).toContain('承認');
    expect((await h.store.requests.get(requestId!))?.status).toBe('approved');
    expect(await h.store.directory.listLinks({ resellerId: 'fuji-it-partners' })).toHaveLength(1);
    // The approval card Hiroshi was sent now shows the decision, for everyone who sees it.
    const replaced = h.updated.find((u) => u.to === 'teams-msg-1');
    expect(strings(replaced?.message.card)).toContain('Hiroshi Yamada');
    const toRequester = h.delivered.find((d) => d.to === 'mei-kobayashi');
    expect(strings(toRequester?.message.card)).toContain(requestId);
  });
});
