import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { EmbeddedStore } from '../../adapters/embedded';
import { AddPartnerFulfilment } from '../../app/fulfilment/add-partner-fulfilment';
import type { GdapPort } from '../../app/ports';
import { decidedCard } from '../../cards';
import { GDAP_ROLES, isMicrosoftAdminLink, type StorePort } from '../../domain';
import { fixturePartnerCenter } from '../support/partner-center-harness';
import { nextState, partnerSubject, pendingRequest } from '../support/request-fixtures';
import { strings } from '../support/bot-harness';
import { PC_BASE, replyWith } from '../partner-center/pc-fixtures';

// Issue 17: what AddPartnerFulfilment prepares and refuses, on a real (embedded) store, Partner Center nocked.
const ORGS = [
  { id: 'contoso', kind: 'customer', name: 'Contoso Ltd', tenantId: '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a', country: 'JP', cloud: 'public' },
  { id: 'fab-direct', kind: 'direct_bill_partner', name: 'Fabrikam Direct', partnerId: '8100001', tenantId: '1e0d9c8b-7a6f-4e5d-8c3b-2a1f0e9d8c7b', country: 'JP', cloud: 'public', workloads: ['azure'] },
];
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

describe('AddPartnerFulfilment', () => {
  let dir: string;
  let store: StorePort;
  beforeEach(async () => {
    nock.disableNetConnect();
    dir = await mkdtemp(join(tmpdir(), 'pl-fulfil-'));
    store = await EmbeddedStore.open({ dataDir: dir });
    await store.directory.importDirectory({ organizations: ORGS, people: [], links: [], relationships: [], subscriptions: [] } as never);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    nock.cleanAll();
    nock.enableNetConnect();
  });

  const atCustomerStep = async (adminRoles?: string[]) => {
    const r0 = pendingRequest({ subject: { ...partnerSubject('contoso', 'fab-direct'), ...(adminRoles ? { adminRoles } : {}) } as never });
    const r = nextState(r0, { status: 'pending_approval', stage: 1, action: 'approve' }).next;
    await store.requests.create(r);
    return r;
  };
  const make = (gdap?: GdapPort) => new AddPartnerFulfilment({ requests: store.requests, directory: store.directory, partnerCenter: fixturePartnerCenter(), ...(gdap ? { gdap } : {}), clock: { now: () => new Date('2026-12-04T00:00:00Z') }, logger: silent as never });

  it('only https links on a microsoft.com host are shown', () => {
    expect(isMicrosoftAdminLink('https://admin.microsoft.com/Adminportal/Home?x=1#/y')).toBe(true);
    for (const bad of ['http://admin.microsoft.com/', 'https://admin.microsoft.com.example.net/', 'https://evilmicrosoft.com/', 'https://u:p@admin.microsoft.com/', 'https://admin.microsoft.com:8443/', 'javascript:alert(1)', 'not a url']) {
      expect(isMicrosoftAdminLink(bad)).toBe(false);
    }
  });

  it('the operator itself: the link without reseller parameters; a link to another host is refused and stays pending', async () => {
    const r = await atCustomerStep();
    // Fabrikam Direct is the operator here: its own tenant in the profile.
    nock(PC_BASE).get('/profiles/organization').reply(200, { tenantId: ORGS[1]!.tenantId, companyName: 'Fabrikam Direct' });
    replyWith(nock(PC_BASE).get('/customers/relationshiprequests').query((q) => Object.keys(q).length === 0), 'relationship-request-foreign-host');
    const after = await make().prepare(r);
    expect(nock.isDone()).toBe(true);
    expect(after.fulfilment).toMatchObject({ link: 'pending', lastError: 'PARTNER_CENTER_BAD_LINK', attempts: 1 });
    expect(after.fulfilment?.url).toBeUndefined();
    expect((await store.requests.get(r.id))?.fulfilment).toEqual(after.fulfilment);
  });

  it('admin access asked for another partner than the operator: no GDAP relationship is created; the card says the partner asks for it', async () => {
    const r = await atCustomerStep([GDAP_ROLES.global_reader]);
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get('/relationships').query(true), 'indirect-resellers');
    const requestRelationship = jest.fn();
    const after = await make({ requestRelationship, getRelationship: jest.fn(), assignAccess: jest.fn() }).prepare(r);
    expect(requestRelationship).not.toHaveBeenCalled();
    expect(after.fulfilment).toMatchObject({ link: 'partner_acts', gdap: { state: 'failed', lastError: 'GDAP_NOT_OPERATOR' } });
    const completing = { ...nextState(after, { status: 'completing', action: 'approve' }).next, fulfilment: after.fulfilment };
    const card = decidedCard({ view: { request: completing, organizations: ORGS as never } }, { locale: 'en' });
    expect(strings(card)).toContain('If Fabrikam Direct needs it, Fabrikam Direct requests it in its own Partner Center');
    expect(strings(card)).toContain('Admin access (GDAP) Global Reader');
  });

  it('the schedule also prepares a completing add-partner request that has no fulfilment yet', async () => {
    const r0 = await atCustomerStep();
    const completing = nextState(r0, { status: 'completing', action: 'approve' });
    expect(await store.requests.transition(completing.next, r0.version, completing.entry)).toBe('ok');
    replyWith(nock(PC_BASE).get('/profiles/organization'), 'organization-profile');
    replyWith(nock(PC_BASE).get('/relationships').query(true), 'indirect-resellers');
    expect(await make().run()).toEqual({ prepared: [r0.id], pending: [] });
    expect((await store.requests.get(r0.id))?.fulfilment).toMatchObject({ link: 'partner_acts', rev: 1 });
    // Prepared once: nothing more to do, Partner Center is not asked again.
    expect(await make().run()).toEqual({ prepared: [], pending: [] });
  });
});
