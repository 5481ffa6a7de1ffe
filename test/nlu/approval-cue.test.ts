import { asksAboutApprovingOne } from '../../dialogs/recognition/approval-cue';

/**
 * Issue 18, approvers' phrasings: an approver asking about their own part in a request, or about who
 * else can decide one request, asks after that request (its status), not for the list of approvers.
 */
describe('asksAboutApprovingOne', () => {
  it.each([
    ['list_approvers', 'am I the one who should approve it, or can I approve the Northwind one later'],
    ['list_approvers', 'could I sign off the Fabrikam request today'],
    ['add_note', 'anything pending for me to approve?'],
    ['list_approvers', 'who besides Emily is able to sign it off'],
    ['none', 'is this mine to decide?'],
    ['help', 'what is waiting on me'],
    ['list_approvers', 'Tailspinの件、自分で承認してもいいですか'],
    ['list_approvers', 'この申請は私以外にも承認できる人いる？'],
  ] as const)('%s for "%s" is the status of that request', (intent, text) => {
    expect(asksAboutApprovingOne(text, intent)).toBe(true);
  });

  it.each([
    ['list_approvers', 'who are the approvers in our organization'],
    ['list_approvers', 'who can approve requests for our company'],
    ['list_approvers', '承認者の一覧を見せて'],
    ['list_approvers', 'うちの承認者は誰ですか'],
    ['remove_approver', 'take me off the approvers, I approve nothing anymore'],
    ['add_approver', 'make Ken an approver so he can approve this too'],
    ['handover_request', 'Ken should approve it while I am away, hand it over'],
    ['policy_question', 'can I approve my own request?'],
    ['none', 'approve my holiday for next week'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(asksAboutApprovingOne(text, intent)).toBe(false);
  });
});
