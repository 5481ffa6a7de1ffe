import { approvalSteps, DEFAULT_POLICY } from '../../domain';
import { answerApprovalsQuestion, approvalTopics } from '../../dialogs/policy/policy-answer';
import { createBotHarness, type BotHarness, type Reply } from '../support/bot-harness';

/**
 * Issue 18: "who approves this?", 「承認って誰がするんですか？どのくらい時間かかります？」 are answered: who
 * decides each kind of request (domain/lifecycle.ts approvalSteps) and how long it may take (the policy's
 * reminder and expiry days). While a form is open the form is shown again; the "pick from the card" hint
 * is not the answer. Slack: test/slack/slack-approvals-question.flow.test.ts.
 */
const allText = (replies: Reply[]) => replies.map((r) => `${r.text ?? ''} ${r.cardText}`).join(' | ');

describe('approvals questions: which topics', () => {
  it.each([
    ['who approves this?', true, false],
    ['how long does approval take?', false, true],
    ['who signs off on this and how long does it take to get approved?', true, true],
    ['承認って誰がするんですか？どのくらい時間かかります？', true, true],
    ['誰が承認しますか？', true, false],
    ['承認まで何日かかりますか？', false, true],
  ])('%j: who %s, how long %s', (text, who, howLong) => {
    expect(approvalTopics(text)).toEqual({ who, howLong });
  });
  it.each(['which of these two can do Dynamics 365?', 'how long is the term of my Microsoft 365 licence?', 'この中でDynamics 365を扱えるのはどちらですか？'])('%j is not about approvals', (text) => {
    const { who, howLong } = approvalTopics(text);
    expect(who || howLong).toBe(false);
  });

  it('the answer follows the steps and this deployment\'s days', () => {
    // One step for a link and for multi-channel support, two for adding a partner (partner, then customer).
    expect(approvalSteps({ kind: 'link_distributor', resellerId: 'r', providerId: 'p' } as never).map((s) => s.as)).toEqual(['provider']);
    expect(approvalSteps({ kind: 'add_partner', customerId: 'c', partnerId: 'p' } as never).map((s) => s.as)).toEqual(['partner', 'customer']);
    const policy = { ...DEFAULT_POLICY, reminderAfterDays: 2, reminderEveryDays: 5, requestExpiryDays: 30 };
    const [who, howLong] = answerApprovalsQuestion('who approves this, and how long does it take?', policy, 'en');
    expect(who).toContain("the distributor's admins (one step)");
    expect(who).toContain("two steps: the partner's admins, then the customer's admins");
    expect(howLong).toContain('after 2 days');
    expect(howLong).toContain('every 5 days');
    expect(howLong).toContain('expires after 30 days');
    const ja = answerApprovalsQuestion('承認まで何日かかりますか？', policy, 'ja');
    expect(ja).toHaveLength(1);
    expect(ja[0]).toContain('2 日たっても');
    expect(ja[0]).toContain('5 日ごと');
    expect(ja[0]).toContain('30 日たっても');
  });
});

describe('Teams: "who approves this?" while a form is open, and outside one', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await createBotHarness();
  });
  afterEach(() => h.destroy());

  it('in Japanese, mid-form: Mei is told who approves and how long, and the distributor form is shown again', async () => {
    await h.say('mei-kobayashi', 'ディストリビューターと連携したい', 'ja-JP');
    const replies = await h.say('mei-kobayashi', '承認って誰がするんですか？どのくらい時間かかります？', 'ja-JP');
    const text = allText(replies);
    expect(text).toContain('ディストリビューターとの連携: ディストリビューターの管理者 (1 段階)');
    expect(text).toContain('3 日たっても判断されないとき');
    expect(text).toContain('90 日たっても判断されない申請は期限切れ');
    expect(text).not.toMatch(/カードから選んで|どちらのご用件ですか/);
    expect(replies.at(-1)!.cardText).toContain('providerId');
    expect(await h.store.requests.listByRequester('mei-kobayashi')).toEqual([]);
  });

  it('in English, mid-form: Taro asks "who approves this?" and "how long does approval take?"; each is answered, then the partner form again', async () => {
    await h.say('taro-ito', 'in English', 'en-US');
    await h.say('taro-ito', 'add a second partner for Azure', 'en-US');
    const who = await h.say('taro-ito', 'who approves this?', 'en-US');
    expect(allText(who)).toContain("Adding a partner takes two steps: the partner's admins, then the customer's admins.");
    expect(allText(who)).not.toMatch(/Pick from the card|pick one on the card|Which did you mean/i);
    expect(who.at(-1)!.cardText).toContain('Choose a partner');
    const long = await h.say('taro-ito', 'how long does approval take?', 'en-US');
    expect(allText(long)).toContain('If nobody has decided after 3 days, they are reminded, then every 7 days; a request nobody decides expires after 90 days.');
    expect(long.at(-1)!.cardText).toContain('Choose a partner');
  });

  it('outside a form, in English and Japanese: the same answer, and nothing is started', async () => {
    const ja = allText(await h.say('mei-kobayashi', '承認って誰がするんですか？どのくらい時間かかります？', 'ja-JP'));
    expect(ja).toContain('ディストリビューターの管理者 (1 段階)');
    expect(ja).toContain('90 日たっても');
    const en = allText(await h.say('olivia-brown', 'who approves a request to add a partner, and how long does approval take?', 'en-US'));
    expect(en).toContain("the partner's admins, then the customer's admins");
    expect(en).toContain('expires after 90 days');
    expect(await h.store.requests.listByRequester('olivia-brown')).toEqual([]);
    // Whatever the classifier makes of it (none, today), an approvals question is not "I didn't understand".
    const chatty = allText(await h.say('olivia-brown', 'who does the approving, and how long does it usually take?', 'en-US'));
    expect(chatty).toContain('Who approves:');
    expect(chatty).not.toContain("Sorry, I didn't understand");
  });
});
