import { cancelsTheRequest, handsOver, addsANote } from '../../dialogs/recognition/action-cue';
import { approversIntent } from '../../dialogs/recognition/approvers-cue';
import { changesTheRequest } from '../../dialogs/recognition/change-cue';
import { asksForADetail } from '../../dialogs/recognition/detail-cue';
import { asksAfterTheStatus } from '../../dialogs/recognition/follow-up-cue';
import { asksForHelp } from '../../dialogs/recognition/help-cue';
import { asksAboutTheRules, asksForSomething } from '../../dialogs/recognition/question-cues';
import { asksForChannelSupport } from '../../dialogs/recognition/channel-cue';
import { createRecognizer } from '../../bot/recognizer';

/** Issue 18: the second batch of cues, from a fresh held-out set's misses (set F of 2026-12-07). */
describe('approversIntent', () => {
  it.each([
    ['greeting', 'could you set up Ken from finance as another approver for us', 'add_approver'],
    ['remove_approver', '来月から田中さんを承認者として追加してください', 'add_approver'],
    ['list_approvers', 'please take Ken off the approvers', 'remove_approver'],
    ['add_approver', '佐藤さんを承認者から外してください', 'remove_approver'],
    ['link_distributor', 'who are the approvers at Tailspin Distribution', 'list_approvers'],
  ] as const)('%s for "%s" is %s', (intent, text, expected) => {
    expect(approversIntent(text, intent)).toBe(expected);
  });

  it.each([
    ['list_approvers', '承認者として登録されているのは誰？'],
    ['add_approver', 'add Ken as an approver'],
    ['link_distributor', 'link us with Tailspin Distribution'],
    ['help', 'what does an approver do'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(approversIntent(text, intent)).toBeUndefined();
  });
});

describe('handsOver', () => {
  it.each([
    ['link_distributor', 'can you transfer PL-4QX7M2KD to Marco'],
    ['add_approver', 'pass this one to Ken, he knows the account'],
    ['request_status', 'この申請は木村さんに引き継いでください'],
  ] as const)('%s for "%s" hands it over', (intent, text) => {
    expect(handsOver(text, intent)).toBe(true);
  });

  it.each([
    ['link_distributor', 'link us to Tailspin'],
    ['add_approver', 'add Ken as an approver'],
    ['none', 'pass the salt to me'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(handsOver(text, intent)).toBe(false);
  });
});

describe('asksForHelp', () => {
  it.each([
    ['link_distributor', 'I was just added to this channel. What kinds of things can you do for a distributor?'],
    ['request_status', 'is there a list of commands, with a few examples?'],
    ['greeting', 'こんにちは、このボットは何ができますか'],
  ] as const)('%s for "%s" asks for help', (intent, text) => {
    expect(asksForHelp(text, intent)).toBe(true);
  });

  it('a request stays one', () => {
    expect(asksForHelp('link us with a distributor in Japan', 'link_distributor')).toBe(false);
    expect(asksForHelp('what can you tell me about my request', 'help')).toBe(false);
  });
});

describe('more follow-up shapes', () => {
  it('a request stuck or held up is its status', () => {
    expect(asksAfterTheStatus('our Azure partner request is stuck somewhere', 'add_partner')).toBe(true);
    expect(asksAfterTheStatus('ディストリとの連携申請、どこで止まってますか', 'link_distributor')).toBe(true);
  });

  it('a request ID with where, who or how long is that request', () => {
    expect(asksForADetail('Where is PL-4QX7M2KD at?', 'none')).toBe(true);
    expect(asksForADetail('who still has to approve PL-4QX7M2KD?', 'help')).toBe(true);
    expect(asksForADetail("I'd like to see the details of PL-4QX7M2KD", 'cancel_request')).toBe(true);
    expect(asksForADetail('cancel PL-4QX7M2KD, where is the button', 'cancel_request')).toBe(false);
  });

  it('cancelling what was just discussed, or pulling a request back', () => {
    expect(cancelsTheRequest('plans changed, can you scrap it', 'link_distributor')).toBe(true);
    expect(cancelsTheRequest('please pull back the partner request I sent', 'request_status')).toBe(true);
    expect(cancelsTheRequest('scrap the old spreadsheet', 'none')).toBe(false);
  });

  it('a note to the approvers in Japanese with a request ID', () => {
    expect(addsANote('PL-4QX7M2KD に承認者向けのメモを残してください', 'add_approver')).toBe(true);
    expect(addsANote('メモを残しておいて', 'none')).toBe(false);
  });

  it('an edit asked for, of a pending request', () => {
    expect(changesTheRequest('can we change the pending partner request to cover Dynamics too?', 'policy_question')).toBe(true);
    expect(changesTheRequest('any update on my request?', 'request_status')).toBe(false);
  });

  it('one\'s pending request is no question about the rules', () => {
    expect(asksAboutTheRules('is it possible to cancel the pending request to Tailspin?', 'cancel_request')).toBe(false);
    expect(asksAboutTheRules('is it possible to cancel a request once it is approved?', 'cancel_request')).toBe(true);
    expect(asksAboutTheRules("they don't do Azure at all, so I'd like to add a second partner", 'add_partner')).toBe(false);
    expect(asksAboutTheRules('are GCC customers able to have two partners at all?', 'add_partner')).toBe(true);
  });
});

describe('third batch (held-out set E looked at after it was scored)', () => {
  it('a partner asked to look after what was bought through another channel is multi-channel support', () => {
    expect(asksForChannelSupport('could Tailspin look after the Azure sub we pay for through our MCA?', 'none')).toBe(true);
    expect(asksForChannelSupport('EAで買ったM365、Tailspinさんに運用をお願いしたい', 'add_partner')).toBe(true);
    expect(asksForChannelSupport('please add a partner who can look after our Azure alongside our current one', 'add_partner')).toBe(false);
    expect(asksForChannelSupport('the team wants a partner to manage Azure', 'add_partner')).toBe(false);
  });

  it('an edit said first is a change; a clause that only tells does not outweigh a question', () => {
    expect(changesTheRequest('update my pending request so it covers M365 as well', 'policy_question')).toBe(true);
    expect(changesTheRequest('modify PL-4QX7M2KD: the distributor should be Tailspin', 'link_distributor')).toBe(true);
    expect(asksForSomething('We get a lot of link requests and some sit for weeks.')).toBe(false);
    expect(asksForSomething('link us with Tailspin')).toBe(true);
    expect(asksForSomething('一点確認させてください')).toBe(false);
    expect(asksForSomething('連携をお願いしたいです')).toBe(true);
  });

  it('approvers: who is set up, who may approve, and asking the rules in Japanese politely', () => {
    expect(approversIntent('which admins in our company are set up as approvers?', 'add_approver')).toBe('list_approvers');
    expect(approversIntent('I want Ken to be able to approve disti links, add him', 'link_distributor')).toBe('add_approver');
    expect(asksAboutTheRules('一点確認させてください。直接契約のパートナーでもディストリビューターと連携できるのでしょうか。', 'link_distributor')).toBe(true);
  });
});

describe('the recognizer with these cues', () => {
  let recognizer: Awaited<ReturnType<typeof createRecognizer>>;
  beforeAll(async () => {
    recognizer = await createRecognizer({ organizations: [{ id: 'org-tailspin', names: ['Tailspin Distribution'] }] });
  }, 60000);

  it.each([
    ['is it possible to get linked to Tailspin Distribution thx', 'link_distributor'],
    ['is it possible for a reseller to be linked with two distributors?', 'policy_question'],
    ['Distributor admin here. We get many link requests and some wait for weeks. Do they expire by themselves, and after how long?', 'policy_question'],
    ['how long until my Azure partner request is approved, it has been 3 days', 'request_status'],
    ['MFAのリセットをお願いします', 'none'],
    ['sorry, wrong chat, that was meant for my manager', 'none'],
    ['PL-4QX7M2KD の方、二重に出してしまったので消してください', 'cancel_request'],
  ])('"%s" is %s', async (text, intent) => {
    expect((await recognizer.recognize(text)).intent).toBe(intent);
  });
});
