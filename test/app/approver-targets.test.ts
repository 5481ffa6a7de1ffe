import { peopleNamedIn } from '../../app';
import { slackMentions } from '../../adapters/slack/slack-turn';
import { teamsMentions } from '../../adapters/teams/teams-turn';
import type { Person } from '../../domain';

const person = (id: string, name: string): Person => ({ id, orgId: 'org', name, roles: ['requester'], identities: [] });
const PEOPLE = [person('ken-sato', 'Ken Sato'), person('ken-ito', 'Ken Ito'), person('aiko-tanaka', 'Aiko Tanaka')];

describe('whom an approver message names', () => {
  it('a whole name or directory ID first, then a first or last name; several people with that name are all returned', () => {
    expect(peopleNamedIn(PEOPLE, 'add Ken Sato as approver').map((p) => p.id)).toEqual(['ken-sato']);
    expect(peopleNamedIn(PEOPLE, 'make ken-ito an approver').map((p) => p.id)).toEqual(['ken-ito']);
    expect(peopleNamedIn(PEOPLE, 'Tanaka さんを承認者にして').map((p) => p.id)).toEqual(['aiko-tanaka']);
    expect(peopleNamedIn(PEOPLE, 'make Ken an approver').map((p) => p.id).sort()).toEqual(['ken-ito', 'ken-sato']);
    // Whole words only: "Kenneth" is not Ken, "aiko" inside another word is not Aiko.
    expect(peopleNamedIn(PEOPLE, 'make Kenneth an approver')).toEqual([]);
    expect(peopleNamedIn(PEOPLE, 'remove haikou as approver')).toEqual([]);
  });

  it('Teams: mention entities give the account ID and the Entra object ID when sent; the bot itself and bad fields are left out', () => {
    const activity = {
      type: 'message',
      recipient: { id: '28:bot', name: 'Partner Link' },
      entities: [
        { type: 'clientInfo', locale: 'en-US' },
        { type: 'mention', text: '<at>Partner Link</at>', mentioned: { id: '28:bot', name: 'Partner Link' } },
        { type: 'mention', text: '<at>Ken</at>', mentioned: { id: '29:ken', name: 'Ken Sato', aadObjectId: '11111111-AAAA-4AAA-8AAA-000000000009' } },
        { type: 'mention', text: '<at>Aiko</at>', mentioned: { id: '8:orgid:11111111-aaaa-4aaa-8aaa-000000000001', name: 'Aiko' } },
        { type: 'mention', mentioned: { id: { $gt: '' }, name: 'x' } },
        { type: 'mention', mentioned: { id: 'x'.repeat(500) } },
      ],
    };
    expect(teamsMentions(activity as never)).toEqual([
      { platform: 'teams', userId: '29:ken', aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000009', name: 'Ken Sato' },
      { platform: 'teams', userId: '8:orgid:11111111-aaaa-4aaa-8aaa-000000000001', aadObjectId: '11111111-aaaa-4aaa-8aaa-000000000001', name: 'Aiko' },
    ]);
  });

  it('Slack: <@U…> and <@U…|label> in the text, in order, each once', () => {
    expect(slackMentions('make <@U01KENSATO|ken> and <@W0AIKO> approvers, <@U01KENSATO> again')).toEqual([
      { platform: 'slack', userId: 'U01KENSATO', name: 'ken' },
      { platform: 'slack', userId: 'W0AIKO' },
    ]);
    expect(slackMentions('no mention <@ here <@u123> <#C123>')).toEqual([]);
  });
});
