import { filesAgain } from '../../dialogs/recognition/again-cue';
import { changesTheRequest } from '../../dialogs/recognition/change-cue';
import { asksForADistributor } from '../../dialogs/recognition/distributor-cue';
import { asksAboutTheRules } from '../../dialogs/recognition/question-cues';

/** Issue 18: a question about how things work is a question about the rules, even when it names an action. */
describe('asksAboutTheRules', () => {
  it.each([
    ['add_partner', 'is a customer permitted to keep two partners for one workload?'],
    ['multichannel_support', 'does multi-channel cover licences bought from a retailer?'],
    ['request_status', 'what happens when the distributor rejects it?'],
    ['add_approver', 'how long does an approval normally take'],
    ['none', 'how many approvers can one organization have'],
    ['request_status', '申請が差し戻されたらどうなりますか'],
    ['multichannel_support', 'CSP経由のサブスクもマルチチャネルの対象になりますか'],
    ['none', '承認には何日くらいかかりますか'],
    ['add_partner', 'quick question - may we sell Azure into a tenant another partner owns?'],
  ] as const)('%s for "%s" is a question about the rules', (intent, text) => {
    expect(asksAboutTheRules(text, intent)).toBe(true);
  });

  it.each([
    ['multichannel_support', 'We bought Microsoft 365 through an EA. Can a CSP partner support it?'],
    ['request_status', 'how long has my request been waiting'],
    ['link_distributor', 'please link us, is it possible today?'],
    ['request_status', 'パートナー追加の申請、どうなりましたか？'],
    ['add_partner', 'Azureのパートナーを追加できますか？お願いします'],
    ['help', 'what are the rules here? help'],
    ['none', 'how long does it take to fly to Osaka'],
    ['none', '東京から大阪まで何日かかりますか'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(asksAboutTheRules(text, intent)).toBe(false);
  });
});

describe('filesAgain (issue 18)', () => {
  it.each([
    ['link_distributor', '書類を揃えました。改めてTailspinさんへの申請をお願いします'],
    ['add_partner', 'the paperwork is done, please submit the partner request once more'],
    ['request_status', 'sent the contract! please submit the link request to Contoso once more'],
  ] as const)('%s for "%s" is filing a request again', (intent, text) => {
    expect(filesAgain(text, intent)).toBe(true);
  });

  it.each([
    ['link_distributor', 'link us with Contoso again'],
    ['link_distributor', 'ディストリビューターと連携したい'],
    ['remind_approvers', 'remind the approvers of my request again'],
    ['request_status', 'show my requests again'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(filesAgain(text, intent)).toBe(false);
  });
});

describe('asksAboutTheRules for a reading of help (issue 18)', () => {
  it('a question about the bot\'s things is a question about the rules; one about anything else stays help', () => {
    expect(asksAboutTheRules('who does the approving, and how long does it usually take?', 'help')).toBe(true);
    expect(asksAboutTheRules('how long have you been running?', 'help')).toBe(false);
    expect(asksAboutTheRules('please tell me what you can do for approvals', 'help')).toBe(false);
  });
});

describe('changesTheRequest (issue 18)', () => {
  it.each([
    ['request_status', "i'd like to update the reason on the request i filed"],
    ['request_status', 'can you fix the workload in my pending partner request'],
    ['help', 'please correct the distributor of our link request'],
  ] as const)('%s for "%s" is a change', (intent, text) => {
    expect(changesTheRequest(text, intent)).toBe(true);
  });
  it.each([
    ['request_status', 'any update on my request?'],
    ['request_status', 'update on the request I sent last week'],
    ['cancel_request', 'cancel the change on my request'],
    ['request_status', 'update me on the status of my request'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(changesTheRequest(text, intent)).toBe(false);
  });
});

describe('asksForADistributor (issue 18)', () => {
  it.each(['need a disti for M365 in Korea pls', 'we want a distributor for Azure', 'Azure用の代理店を追加したい', '間接プロバイダーをパートナーとして追加したい'])('a partner request asking for a distributor: "%s"', (text) => {
    expect(asksForADistributor(text, 'add_partner')).toBe(true);
  });
  it.each([
    ['add_partner', 'add a second partner for Azure, not a distributor'],
    ['add_partner', 'add Trey Research Direct as a partner for Azure'],
    ['request_status', 'status of my distributor request'],
  ] as const)('%s for "%s" stays', (intent, text) => {
    expect(asksForADistributor(text, intent)).toBe(false);
  });
});

describe('asksAboutTheRules, read as the approvers list (issue 18)', () => {
  it('"who approves these, and how many days does it take?" is a question about how approval works', () => {
    expect(asksAboutTheRules('who approves these, and how many days does it take?', 'list_approvers')).toBe(true);
    expect(asksAboutTheRules('誰が承認して、何日くらいかかるの？', 'list_approvers')).toBe(true);
  });

  it('"who are our approvers" and "how many approvers do we have" stay the list', () => {
    expect(asksAboutTheRules('who are our approvers', 'list_approvers')).toBe(false);
    expect(asksAboutTheRules('how many approvers do we have', 'list_approvers')).toBe(false);
    expect(asksAboutTheRules('please list the approvers, how long is the list?', 'list_approvers')).toBe(false);
  });
});
