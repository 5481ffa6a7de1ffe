import { PartnerCenterClient } from '../../adapters/partner-center';
import { ConfigError, loadConfig } from '../../bot/config';
import { gdapFrom, partnerCenterFrom } from '../../bot/partner-center.wiring';
import { GraphGdapClient } from '../../adapters/graph';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../adapters/open-store';

const KEY = Buffer.alloc(32, 7).toString('base64');
const SETTINGS = {
  PARTNER_CENTER_CLIENT_ID: '3a0f2b7e-5a44-4c1f-9d8e-1b2c3d4e5f60',
  PARTNER_CENTER_TENANT_ID: 'contoso-distribution.onmicrosoft.com',
  PARTNER_CENTER_CACHE_KEY: KEY,
};

describe('Partner Center configuration', () => {
  it('is off by default: no client, and nothing else is required', () => {
    const config = loadConfig({});
    expect(config.PARTNER_CENTER_ENABLED).toBe(false);
    expect(config.PARTNER_CENTER_API_URL).toBe('https://api.partnercenter.microsoft.com/v1');
    expect(partnerCenterFrom(config, { keyValues: undefined as never })).toBeUndefined();
  });

  it('turned on without its settings, names each missing variable (and no value)', () => {
    let error: unknown;
    try {
      loadConfig({ PARTNER_CENTER_ENABLED: 'true', PARTNER_CENTER_CLIENT_SECRET: 'Qw8Q~zyxwvUTSRqponMLKJihgfED0987654321abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const k of ['PARTNER_CENTER_CLIENT_ID', 'PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CACHE_KEY']) expect(message).toContain(`${k}: must be set when PARTNER_CENTER_ENABLED=true`);
    expect(message).not.toContain('Qw8Q~');
  });

  it('accepts only true or false for the switch', () => {
    expect(() => loadConfig({ PARTNER_CENTER_ENABLED: 'yes' })).toThrow(/PARTNER_CENTER_ENABLED/);
  });

  it('turned on with its settings, gives the bot a Partner Center client', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-pc-config-'));
    const store = await openStore({ dataDir: dir });
    try {
      const config = loadConfig({ PARTNER_CENTER_ENABLED: 'true', ...SETTINGS, PARTNER_CENTER_API_URL: 'https://pc.test.example/v1' });
      expect(partnerCenterFrom(config, store)).toBeInstanceOf(PartnerCenterClient);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cache key of the wrong length is refused with the rule, not the value', async () => {
    const config = loadConfig({ PARTNER_CENTER_ENABLED: 'true', ...SETTINGS, PARTNER_CENTER_CACHE_KEY: 'c2hvcnQta2V5' });
    expect(() => partnerCenterFrom(config, { keyValues: undefined as never })).toThrow(ConfigError);
    expect(() => partnerCenterFrom(config, { keyValues: undefined as never })).not.toThrow(/c2hvcnQta2V5/);
  });

  it('GDAP (issue 17) is off unless both PARTNER_CENTER_ENABLED and PARTNER_CENTER_GDAP are true; only true or false', () => {
    const keyValues = { get: async () => undefined, set: async () => undefined } as never;
    expect(loadConfig({}).PARTNER_CENTER_GDAP).toBe(false);
    expect(gdapFrom(loadConfig({ PARTNER_CENTER_GDAP: 'true' }), { keyValues })).toBeUndefined();
    expect(gdapFrom(loadConfig({ ...SETTINGS, PARTNER_CENTER_ENABLED: 'true' }), { keyValues })).toBeUndefined();
    expect(gdapFrom(loadConfig({ ...SETTINGS, PARTNER_CENTER_ENABLED: 'true', PARTNER_CENTER_GDAP: 'true' }), { keyValues })).toBeInstanceOf(GraphGdapClient);
    expect(() => loadConfig({ PARTNER_CENTER_GDAP: 'on' })).toThrow(/PARTNER_CENTER_GDAP/);
  });

  it('PARTNER_CENTER_GDAP_GROUP_ID is empty by default, else a group object ID (a GUID), refused with what it must be', async () => {
    expect(loadConfig({}).PARTNER_CENTER_GDAP_GROUP_ID).toBe('');
    expect(() => loadConfig({ PARTNER_CENTER_GDAP_GROUP_ID: 'Partner Link admins' })).toThrow(/PARTNER_CENTER_GDAP_GROUP_ID.*object ID \(a GUID\) of a security group/);
    const keyValues = { get: async () => undefined, set: async () => undefined } as never;
    const group = '3c6a9e21-7d4b-4f10-b5a8-2e9c0d7f6b13';
    const withGroup = gdapFrom(loadConfig({ ...SETTINGS, PARTNER_CENTER_ENABLED: 'true', PARTNER_CENTER_GDAP: 'true', PARTNER_CENTER_GDAP_GROUP_ID: group }), { keyValues })!;
    const without = gdapFrom(loadConfig({ ...SETTINGS, PARTNER_CENTER_ENABLED: 'true', PARTNER_CENTER_GDAP: 'true' }), { keyValues })!;
    // Without a group the client asks nothing of Graph (no sign-in needed) and assigns nothing.
    expect(await without.assignAccess('e8f90a1b-2c3d-4e45-9f60-718293a4b5c6-8777b240', [])).toBeUndefined();
    expect((withGroup as unknown as { options: { accessGroupId?: string } }).options.accessGroupId).toBe(group);
  });
});
