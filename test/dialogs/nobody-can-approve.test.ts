import type { DirectoryData } from '../../domain';
import { buttonData, createBotHarness, strings, type BotHarness } from '../support/bot-harness';

const WAITS = 'approval waits: nobody who decides for this organization can be reached yet';
const requestIdIn = (text: string) => /PL-[0-9A-Z]{8}/.exec(text)?.[0];

/** A new admin of Tailspin Distribution KK (the sample has nobody there), on the given platform. */
function tailspinAdmin(platform: 'teams' | 'slack'): DirectoryData {
  return {
    organizations: [],
    people: [
      {
        id: 'kenji-watanabe',
        orgId: 'tailspin-distribution-jp',
        name: 'Kenji Watanabe',
        roles: ['admin'],
        locale: 'ja',
        timeZone: 'Asia/Tokyo',
        identities: platform === 'teams' ? [{ platform: 'teams', aadObjectId: '55555555-eeee-4eee-8eee-000000000001' }] : [{ platform: 'slack', teamId: 'T07TAILSP', userId: 'U07KENJIW' }],
      },
    ],
    links: [],
    relationships: [],
    subscriptions: [],
  } as unknown as DirectoryData;
}

const kenjiOn = (platform: 'teams' | 'slack') =>
  platform === 'teams'
    ? { channelId: 'msteams', from: { id: '29:kenji-watanabe', name: 'Kenji Watanabe', aadObjectId: '55555555-eeee-4eee-8eee-000000000001' }, conversation: { id: 'a:kenji-watanabe', conversationType: 'personal', isGroup: false, name: '' } }
    : { channelId: 'slack', from: { id: 'U07KENJIW', name: 'Kenji Watanabe' }, channelData: { slack: { teamId: 'T07TAILSP', userId: 'U07KENJIW' } }, conversation: { id: 'D-kenji-watanabe', conversationType: 'im', isGroup: false, name: '' } };

/**
 * Issue 15, "nobody can approve": when nobody who decides for the current step's organization can be
 * reached (no people there, or admins who never talked with the bot), the requester is told which
 * organization must act and what to do, the request shows "waiting for … to join", form choices mark
 * such organizations, and the cards go out the moment one of its admins first talks to the bot or
 * installs it.
 */
describe('nobody can approve yet: waiting for an organization to join', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('Teams, in English: Contoso\'s admins never talked to the bot; the requester is told, and Hiroshi gets the card when he installs the app', async () => {
    const [form] = await h.say('mei-kobayashi', 'I want to link with a distributor', 'en-US');
    expect(form!.cardText).toContain('Contoso Distribution Japan (PartnerID 4801123) · nobody on Partner Link yet');
    expect(form!.cardText).toContain('Tailspin Distribution KK');
    expect(form!.cardText).toMatch(/Tailspin Distribution KK \(PartnerID \d+\) · nobody on Partner Link yet/);

    const confirmation = (await h.execute('mei-kobayashi', { ...buttonData(form!.card, 'submit_form')!, providerId: 'contoso-distribution-jp' }, 'en-US')).answer!;
    const submitted = (await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!;
    const requestId = requestIdIn(submitted.cardText)!;
    expect(submitted.cardText).toContain('Waiting for Contoso Distribution Japan to join Partner Link');
    expect(submitted.cardText).toContain('Ask them to open Partner Link in Teams or Slack');
    expect(h.delivered).toHaveLength(0);
    expect(h.logs.find((l) => l.msg === WAITS)).toMatchObject({ requestId, orgId: 'contoso-distribution-jp' });

    const [status] = await h.say('mei-kobayashi', 'show my requests', 'en-US');
    expect(status!.cardText).toContain('Pending approval · Waiting for Contoso Distribution Japan to join Partner Link');

    // Hiroshi installs the app (membersAdded lists only the bot): greeted, and the waiting card reaches him.
    const welcome = await h.install('hiroshi-yamada');
    expect(welcome.at(-1)!.cardText).toContain('Hiroshi Yamada');
    const card = h.delivered.find((d) => d.to === 'hiroshi-yamada' && strings(d.message.card).includes(requestId));
    expect(buttonData(card?.message.card, 'approve')).toBeDefined();

    const [after] = await h.say('mei-kobayashi', 'show my requests', 'en-US');
    expect(after!.cardText).not.toContain('to join Partner Link');
    const [again] = await h.say('mei-kobayashi', 'I want to link with a distributor', 'en-US');
    expect(again!.cardText).not.toContain('Contoso Distribution Japan (PartnerID 4801123) · nobody');
  });

  it('Slack, in Japanese: Tailspin has nobody at all; its first admin gets the card the moment they write to the bot', async () => {
    const [form] = await h.say('ken-sato', '国内のディストリビューターと連携したい', 'ja-JP');
    expect(form!.cardText).toMatch(/テイルスピン・ディストリビューション \(PartnerID \d+\) · Partner Link 未参加/);
    expect(form!.cardText).toContain('「Partner Link 未参加」の組織にも申請できます');

    const confirmation = (await h.execute('ken-sato', { ...buttonData(form!.card, 'submit_form')!, providerId: 'tailspin-distribution-jp' }, 'ja-JP', 'slack')).answer!;
    const submitted = (await h.execute('ken-sato', buttonData(confirmation.card, 'confirm')!, 'ja-JP', 'slack')).answer!;
    const requestId = requestIdIn(submitted.cardText)!;
    expect(submitted.cardText).toContain('テイルスピン・ディストリビューションの Partner Link への参加を待っています');
    expect(submitted.cardText).toContain('Teams または Slack で Partner Link を開くよう依頼してください');
    expect(h.logs.find((l) => l.msg === WAITS)).toMatchObject({ requestId, orgId: 'tailspin-distribution-jp' });

    const detail = (await h.execute('ken-sato', { verb: 'show_request', requestId }, 'ja-JP', 'slack')).answer!;
    expect(detail.cardText).toContain('テイルスピン・ディストリビューションの Partner Link への参加を待っています');

    await h.store.directory.importDirectory(tailspinAdmin('slack'));
    await h.sayAs(kenjiOn('slack'), 'こんにちは');
    const card = h.delivered.find((d) => d.to === 'kenji-watanabe' && strings(d.message.card).includes(requestId));
    expect(card?.platform).toBe('slack');
    expect(buttonData(card?.message.card, 'approve')).toBeDefined();
    expect(strings(card?.message.card)).toContain('承認');
    // Talking again sends nothing twice.
    await h.sayAs(kenjiOn('slack'), 'ヘルプ');
    expect(h.delivered.filter((d) => d.to === 'kenji-watanabe')).toHaveLength(1);
  });

  it('Teams: a new Tailspin admin who installs the app gets the waiting card', async () => {
    const [form] = await h.say('mei-kobayashi', 'I want to link with a distributor', 'en-US');
    const confirmation = (await h.execute('mei-kobayashi', { ...buttonData(form!.card, 'submit_form')!, providerId: 'tailspin-distribution-jp' }, 'en-US')).answer!;
    const requestId = requestIdIn((await h.execute('mei-kobayashi', buttonData(confirmation.card, 'confirm')!, 'en-US')).answer!.cardText)!;
    await h.store.directory.importDirectory(tailspinAdmin('teams'));
    await h.sayAs({ ...kenjiOn('teams'), type: 'installationUpdate', action: 'add' } as never, '');
    expect(h.delivered.find((d) => d.to === 'kenji-watanabe' && strings(d.message.card).includes(requestId))?.platform).toBe('teams');
  });

  it.each([
    ['English', 'en-US', 'Your request is waiting', 'Waiting for Yamato Manufacturing Co., Ltd. to join Partner Link'],
    ['Japanese', 'ja-JP', '申請は承認者の参加待ちです', '大和製造株式会社の Partner Link への参加を待っています'],
  ])('a later step nobody can decide (%s): the requester is told when the request reaches it, and the customer admin gets the card on joining', async (_lang, locale, title, waiting) => {
    await h.say('daniel-park', 'hello', 'en-US', 'slack'); // the partner's admin is on Partner Link
    // Yuki's and Taro's directory language is Japanese (issue 18's rule): in English they ask for it.
    if (locale === 'en-US') await h.say('yuki-suzuki', 'in English', locale);
    const ask = locale === 'ja-JP' ? 'Azure のパートナーを追加したい' : 'I want to add a partner for Azure';
    const [form] = await h.say('yuki-suzuki', ask, locale);
    const confirmation = (await h.execute('yuki-suzuki', { ...buttonData(form!.card, 'submit_form')!, partnerId: 'trey-research-direct' }, locale)).answer!;
    const requestId = requestIdIn((await h.execute('yuki-suzuki', buttonData(confirmation.card, 'confirm')!, locale)).answer!.cardText)!;
    const toPartner = h.delivered.find((d) => d.to === 'daniel-park' && strings(d.message.card).includes(requestId));
    expect(toPartner).toBeDefined();

    await h.execute('daniel-park', buttonData(toPartner!.message.card, 'approve')!, 'en-US', 'slack');
    const told = h.delivered.filter((d) => d.to === 'yuki-suzuki' && strings(d.message.card).includes(title));
    expect(told).toHaveLength(1);
    expect(strings(told[0]!.message.card)).toContain(waiting);
    expect(strings(told[0]!.message.card)).toContain(requestId);

    await h.say('taro-ito', locale === 'ja-JP' ? 'こんにちは' : 'in English', locale);
    const card = h.delivered.find((d) => d.to === 'taro-ito' && strings(d.message.card).includes(requestId));
    expect(buttonData(card?.message.card, 'approve')).toBeDefined();
  });
});
