import {
  approvalCard,
  confirmationCard,
  INPUT_IDS,
  MAX_ACTION_DATA_BYTES,
  myRequestsCard,
  parseCardAction,
  parseExecuteAction,
  welcomeCard,
} from '../../cards';
import { APPROVER_USER_IDS, linkPending, ORGANIZATIONS, PEOPLE, multichannelVerdict, SUBSCRIPTIONS } from '../support/card-fixtures';
import { sampleContext } from '../support/card-samples';
import { actionsOf, clickPayload, type FoundAction } from '../support/card-validator';

const ctx = sampleContext('en');
const model = { view: { request: linkPending, organizations: ORGANIZATIONS, requester: PEOPLE.haruka }, approverUserIds: APPROVER_USER_IDS };
const byVerb = (actions: FoundAction[], verb: string) => actions.find((a) => (a.verb ?? a.data?.verb) === verb);

describe('approval card clicks round-trip through parseCardAction', () => {
  it.each([
    ['Action.Execute', true],
    ['Action.Submit', false],
  ])('%s: approve and reject (with the reason input) parse back', (type, universalActions) => {
    const actions = actionsOf(approvalCard(model, ctx, { universalActions }));
    expect(actions.every((a) => a.type === type)).toBe(true);
    const approve = byVerb(actions, 'approve')!;
    const reject = byVerb(actions, 'reject')!;
    expect(approve.style).toBe('positive');
    expect(reject.style).toBe('destructive');
    expect(parseCardAction(clickPayload(approve))).toEqual({
      ok: true,
      action: { verb: 'approve', requestId: 'PL-7K2M9Q4D', version: 2 },
      lang: 'en', // issue 18: the card's language, so the click is answered in it
    });
    expect(parseCardAction(clickPayload(reject, { [INPUT_IDS.reason]: 'Sign the MPA first.' }))).toEqual({
      ok: true,
      action: { verb: 'reject', requestId: 'PL-7K2M9Q4D', version: 2, reason: 'Sign the MPA first.' },
      lang: 'en',
    });
  });

  it('Action.Execute carries the verb outside data; parseExecuteAction joins them', () => {
    const approve = byVerb(actionsOf(approvalCard(model, ctx)), 'approve')!;
    expect(approve.data).toEqual({ requestId: 'PL-7K2M9Q4D', version: 2, lang: 'en' });
    expect(parseExecuteAction(approve.verb, approve.data)).toMatchObject({ ok: true, action: { verb: 'approve' } });
    expect(parseExecuteAction('approve', { ...approve.data, verb: 'reject' })).toMatchObject({ ok: false });
  });

  it('the refresh is an Action.Execute "refresh" for the approvers only, and parses', () => {
    const card = approvalCard(model, ctx);
    expect(card.refresh?.userIds).toEqual(APPROVER_USER_IDS);
    expect(card.refresh?.action).toMatchObject({ type: 'Action.Execute', verb: 'refresh' });
    expect(parseExecuteAction(card.refresh?.action.verb, card.refresh?.action.data)).toEqual({
      ok: true,
      action: { verb: 'refresh', requestId: 'PL-7K2M9Q4D', version: 2 },
    });
  });

  it('issue 18: every button says its card\'s language (a Japanese card\'s click is answered in Japanese); the refresh does not (it is drawn for each viewer); a forged language is refused', () => {
    const ja = approvalCard(model, sampleContext('ja'));
    const actions = actionsOf(ja);
    expect(actions.length).toBeGreaterThan(1);
    expect(actions.every((a) => (a.data as Record<string, unknown> | undefined)?.lang === 'ja')).toBe(true);
    expect(ja.refresh?.action.data).not.toHaveProperty('lang');
    expect(parseCardAction(clickPayload(byVerb(actions, 'approve')!))).toMatchObject({ ok: true, lang: 'ja' });
    expect(parseCardAction({ verb: 'approve', requestId: 'PL-7K2M9Q4D', version: 2, lang: 'fr' })).toMatchObject({ ok: false, error: expect.stringContaining('lang') });
    expect(parseCardAction({ verb: 'approve', requestId: 'PL-7K2M9Q4D', version: 2 })).toEqual({ ok: true, action: { verb: 'approve', requestId: 'PL-7K2M9Q4D', version: 2 } });
  });

  it('the fallback variant has no refresh (Action.Submit cannot refresh); the status view has no buttons', () => {
    expect(approvalCard(model, ctx, { universalActions: false }).refresh).toBeUndefined();
    const status = approvalCard(model, ctx, { buttons: false });
    expect(actionsOf(status)).toEqual([]);
    expect(status.refresh?.userIds).toEqual(APPROVER_USER_IDS);
  });

  it('at most 60 user IDs go into the refresh; none means no refresh', () => {
    const many = Array.from({ length: 80 }, (_, i) => `29:user-${i}`);
    expect(approvalCard({ ...model, approverUserIds: many }, ctx).refresh?.userIds).toHaveLength(60);
    expect(approvalCard({ ...model, approverUserIds: [] }, ctx).refresh).toBeUndefined();
  });
});

describe('every button on the other cards parses', () => {
  it('menu, confirmation and my-requests buttons', () => {
    const cards = [
      welcomeCard({}, ctx),
      confirmationCard(
        {
          draftId: 'd-4f7a2c',
          subject: { kind: 'multichannel_support', customerId: 'yamato-manufacturing', partnerId: 'sakura-cloud', subscriptionId: SUBSCRIPTIONS.azureDirect.id },
          organizations: ORGANIZATIONS,
          requester: PEOPLE.aiko,
          verdict: multichannelVerdict,
        },
        ctx,
      ),
      myRequestsCard({ requests: [linkPending], organizations: ORGANIZATIONS, viewer: PEOPLE.haruka }, ctx),
    ];
    const verbs = new Set<string>();
    for (const action of cards.flatMap((c) => actionsOf(c))) {
      const parsed = parseCardAction(clickPayload(action));
      expect(parsed).toMatchObject({ ok: true });
      if (parsed.ok) verbs.add(parsed.action.verb);
    }
    expect([...verbs].sort()).toEqual(['cancel_request', 'confirm', 'edit', 'menu', 'show_request', 'start_over']);
  });
});

describe('parseCardAction refuses what is not the contract, and never throws', () => {
  const good = { verb: 'approve', requestId: 'PL-7K2M9Q4D', version: 2 };
  const refused = (data: unknown) => {
    const r = parseCardAction(data);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.error;
  };

  it('operators and stray keys', () => {
    expect(refused({ ...good, requestId: { $gt: '' } })).toMatch(/requestId/);
    expect(refused({ ...good, $where: 'sleep(1000)' })).toMatch(/Unrecognized key/);
    expect(refused({ verb: 'submit_form', form: 'add_partner', partnerId: { $ne: null } })).toMatch(/partnerId/);
    expect(refused({ verb: 'submit_form', form: 'link_distributor', partnerId: 'trey-research-direct' })).toMatch(/Unrecognized key/);
  });

  it('malformed values', () => {
    expect(refused(null)).toMatch(/object/);
    expect(refused('approve')).toMatch(/object/);
    expect(refused([good])).toMatch(/object/);
    expect(refused({})).toMatch(/verb/);
    expect(refused({ verb: 'delete_everything' })).toMatch(/verb/);
    expect(refused({ ...good, version: '2' })).toMatch(/version/);
    expect(refused({ ...good, version: 0 })).toMatch(/version/);
    expect(refused({ ...good, version: 1.5 })).toMatch(/version/);
    expect(refused({ ...good, requestId: 'pl-7k2m9q4d; drop' })).toMatch(/requestId/);
    expect(refused({ verb: 'submit_form', form: 'add_partner', workload: 'sharepoint' })).toMatch(/workload/);
    expect(refused({ verb: 'submit_form', form: 'multichannel_support', subscriptionId: 'not-a-guid' })).toMatch(/subscriptionId/);
    expect(refused({ verb: 'menu', intent: '__proto__' })).toMatch(/intent/);
    expect(refused({ verb: 'confirm', draftId: '../../etc' })).toMatch(/draftId/);
  });

  it('oversized data and strings', () => {
    expect(refused({ ...good, padding: 'x'.repeat(MAX_ACTION_DATA_BYTES) })).toMatch(/too large/);
    expect(refused({ verb: 'reject', requestId: 'PL-7K2M9Q4D', version: 2, reason: 'x'.repeat(1001) })).toMatch(/reason/);
  });

  it('data that cannot even be serialized', () => {
    const circular: Record<string, unknown> = { verb: 'approve' };
    circular.self = circular;
    expect(refused(circular)).toMatch(/could not be read/);
    expect(refused({ ...good, big: BigInt(1) })).toMatch(/could not be read/);
    const hostile = Object.defineProperty({}, 'verb', { enumerable: true, get: () => { throw new Error('boom'); } });
    expect(refused(hostile)).toMatch(/boom/);
  });

  it('empty inputs count as not given; a missing reason is empty (the domain asks for one)', () => {
    expect(parseCardAction({ verb: 'submit_form', form: 'add_partner', workload: '', partnerId: '' })).toEqual({
      ok: true,
      action: { verb: 'submit_form', form: 'add_partner' },
    });
    expect(parseCardAction({ verb: 'reject', requestId: 'PL-7K2M9Q4D', version: 2 })).toMatchObject({ ok: true, action: { reason: '' } });
  });

  it('subscription IDs are normalised to lower case like the domain stores them', () => {
    const id = SUBSCRIPTIONS.azureDirect.id.toUpperCase();
    expect(parseCardAction({ verb: 'submit_form', form: 'multichannel_support', subscriptionId: id })).toMatchObject({
      ok: true,
      action: { subscriptionId: SUBSCRIPTIONS.azureDirect.id },
    });
  });
});
