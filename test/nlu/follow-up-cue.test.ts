import { addsANote, cancelsTheRequest } from '../../dialogs/recognition/action-cue';
import { filesAgain } from '../../dialogs/recognition/again-cue';
import { asksForADetail, detailAskedFor } from '../../dialogs/recognition/detail-cue';
import { asksAfterTheStatus, asksWhetherDecided, chasesTheApprovers } from '../../dialogs/recognition/follow-up-cue';
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

describe('asksAfterTheStatus', () => {
  it.each([
    ['link_distributor', "what's the status of the Tailspin link"],
    ['add_partner', 'any news on the second partner for Azure?'],
    ['link_distributor', 'ディストリ連携のステータス教えて'],
    ['multichannel_support', 'EAサブスクの件、進捗どうですか'],
  ] as const)('%s for "%s" asks after the status', (intent, text) => {
    expect(asksAfterTheStatus(text, intent)).toBe(true);
  });

  it.each([
    ['link_distributor', 'we want to link with a distributor, what is the progress like usually'],
    ['add_partner', '状況が変わったのでAzureのパートナーを追加したい'],
    ['cancel_request', 'cancel it, whatever the status'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(asksAfterTheStatus(text, intent)).toBe(false);
  });
});

describe('cancelsTheRequest and addsANote', () => {
  it.each([
    ['add_partner', 'we are staying with our current partner, so drop the request to add Tailspin for Azure'],
    ['multichannel_support', 'scrap the EA support thing please'],
    ['link_distributor', 'forget about the disti request'],
    ['add_partner', '先週出したパートナー追加の申請ですが、取り下げをお願いします'],
    ['request_status', 'Tailspinの申請、やっぱりなしにして'],
  ] as const)('%s for "%s" cancels it', (intent, text) => {
    expect(cancelsTheRequest(text, intent)).toBe(true);
  });

  it.each([
    ['add_partner', 'add Tailspin as a second partner for Azure'],
    ['resubmit_request', 'file the dropped request again'],
    ['link_distributor', '申請を出したいです'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(cancelsTheRequest(text, intent)).toBe(false);
  });

  it.each([
    ['change_request', 'attach a note to my link request saying the contract is signed'],
    ['none', 'add comment: budget approved'],
    ['add_approver', '申請にメモを残しておいて、予算は確保済み'],
    ['request_status', 'leave a message for the approvers that we are in a hurry'],
  ] as const)('%s for "%s" adds a note', (intent, text) => {
    expect(addsANote(text, intent)).toBe(true);
  });

  it.each([
    ['change_request', 'change the reason on my request'],
    ['add_approver', 'add Priya as an approver'],
    ['none', 'leave me alone'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(addsANote(text, intent)).toBe(false);
  });
});

describe('filesAgain: one verb for filing again', () => {
  it.each([
    ['cancel_request', 'I cancelled the disti request by mistake, put it back in please'],
    ['request_status', 'resend the rejected partner request'],
    ['change_request', '却下された申請を直して再提出したい'],
  ] as const)('%s for "%s" is filing again', (intent, text) => {
    expect(filesAgain(text, intent)).toBe(true);
  });

  it('a cancellation stays one', () => {
    expect(filesAgain('cancel the request I filed', 'cancel_request')).toBe(false);
  });
});

describe('asksAboutTheRules: general and data questions', () => {
  it.each([
    ['request_status', 'how do approvals work in general'],
    ['add_partner', 'can a second partner see our data?'],
    ['multichannel_support', 'マルチチャネルってそもそも何ですか'],
    ['link_distributor', 'ディストリビューターにはどこまで見えるの？'],
  ] as const)('%s for "%s" is a question about the rules', (intent, text) => {
    expect(asksAboutTheRules(text, intent)).toBe(true);
  });

  it('a partner asked to support a subscription stays the request', () => {
    expect(asksAboutTheRules('we bought it on an EA, can a partner support it?', 'multichannel_support')).toBe(false);
  });
});
