import { asksForADetail, detailAskedFor } from '../../dialogs/recognition/detail-cue';
import { asksWhetherDecided, chasesTheApprovers } from '../../dialogs/recognition/follow-up-cue';
import { asksAboutTheRules } from '../../dialogs/recognition/question-cues';

/** Issue 18: following up on one's own request reads as its status or as a reminder, whatever it names. */
describe('asksWhetherDecided', () => {
  it.each([
    ['link_distributor', 'has Tailspin approved the link with us yet?'],
    ['link_distributor', 'did fabrikam aprove it'],
    ['add_partner', 'is our partner request for Azure approved?'],
    ['multichannel_support', 'was the EA support thing rejected?'],
    ['none', 'approved yet??'],
    ['link_distributor', 'Contosoさんとの連携、もう承認されましたか？'],
    ['add_partner', 'パートナー追加の申請は通りましたか'],
  ] as const)('%s for "%s" asks after a decision', (intent, text) => {
    expect(asksWhetherDecided(text, intent)).toBe(true);
  });

  it.each([
    ['link_distributor', 'link us with Contoso Distribution, it was approved by our board'],
    ['add_approver', 'make Priya an approver'],
    ['request_status', 'has it been approved yet'], // already the status
    ['none', 'approve my expense report'],
    ['link_distributor', '承認者は誰になりますか'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(asksWhetherDecided(text, intent)).toBe(false);
  });
});

describe('chasesTheApprovers', () => {
  it.each([
    ['link_distributor', "nudge Contoso's admins about our link, nothing for days"],
    ['request_status', 'can you chase the approvers please'],
    ['add_approver', 'ping the approvers again'],
    ['link_distributor', 'please bug them about the disti request'],
    ['request_status', '承認者にリマインドしておいてください'],
    ['link_distributor', 'Contosoさんへの申請、催促してもらえますか'],
  ] as const)('%s for "%s" chases the approvers', (intent, text) => {
    expect(chasesTheApprovers(text, intent)).toBe(true);
  });

  it.each([
    ['none', 'remind me to call the distributor tomorrow'],
    ['none', 'リマインドを5時にセットして'],
    ['none', '会議のリマインドを入れて'],
    ['remind_approvers', 'ping them'], // already a reminder
    ['link_distributor', 'link us with a distributor in Japan'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(chasesTheApprovers(text, intent)).toBe(false);
  });
});

describe('asksForADetail', () => {
  it('a request ID with a word for seeing it is its detail, read as nothing, a greeting or a question', () => {
    expect(asksForADetail('PL-4QX7M2KD details please', 'greeting')).toBe(true);
    expect(asksForADetail('PL-4QX7M2KDの詳細を教えて', 'none')).toBe(true);
    expect(asksForADetail('show me PL-4QX7M2KD', 'policy_question')).toBe(true);
    expect(detailAskedFor('ＰＬ－４ＱＸ７Ｍ２ＫＤの詳細')).toBe('PL-4QX7M2KD'); // typed with a Japanese IME
    expect(detailAskedFor('show pl-4qx7m2kd')).toBe('PL-4QX7M2KD');
  });

  it('an action on the request, or a request ID alone, stays', () => {
    expect(asksForADetail('cancel PL-4QX7M2KD and show me the rest', 'cancel_request')).toBe(false);
    expect(asksForADetail('add a note to PL-4QX7M2KD', 'none')).toBe(false);
    expect(asksForADetail('what about PL-4QX7M2KD', 'none')).toBe(false);
  });
});

describe('asksAboutTheRules: questions that are requests (issue 18)', () => {
  it.each([
    ['link_distributor', 'is it possible for you to link our company to Tailspin?'],
    ['cancel_request', 'is it possible to cancel the request we filed yesterday?'],
    ['request_status', '自分の申請、承認まであとどのくらい？'],
  ] as const)('%s for "%s" stays the request', (intent, text) => {
    expect(asksAboutTheRules(text, intent)).toBe(false);
  });

  it('the same shape about the rules in general is still a question', () => {
    expect(asksAboutTheRules('is it possible for a reseller to work with two distributors?', 'link_distributor')).toBe(true);
  });
});
