import { cancelsTheRequest, handsOver, addsANote } from '../../dialogs/recognition/action-cue';
import { approversIntent } from '../../dialogs/recognition/approvers-cue';
import { changesTheRequest } from '../../dialogs/recognition/change-cue';
import { asksForADetail } from '../../dialogs/recognition/detail-cue';
import { asksAfterTheStatus } from '../../dialogs/recognition/follow-up-cue';
import { asksForHelp } from '../../dialogs/recognition/help-cue';
import { asksAboutTheRules } from '../../dialogs/recognition/question-cues';

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
