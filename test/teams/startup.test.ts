import express from 'express';
import { ConfigError, loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { mountTeams } from '../../bot/teams.mount';
import { playgroundWanted } from '../../bot/teams-playground';
import type { StorePort } from '../../domain';

const APP_ID = '0b5e7a11-7e57-4b07-9c1a-1a2b3c4d5e6f';
const TENANT = '9d1c4b2a-0f3e-4d5c-8b7a-6f5e4d3c2b1a';

function mount(env: Record<string, string>) {
  const lines: string[] = [];
  const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
  const registered: string[] = [];
  const teams = mountTeams(express(), {
    bot: { run: async () => undefined },
    notifier: { register: (s) => void registered.push(s.platform) },
    config: loadConfig({ NODE_ENV: 'development', PLAYGROUND: 'off', ...env }),
    logger,
    store: {} as StorePort,
  });
  return { teams, lines, registered };
}

describe('Teams: start-up modes', () => {
  it('refuses to start in production without MicrosoftAppId, naming the variable', () => {
    expect(() => mount({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => mount({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId: required when NODE_ENV=production/);
  });

  it('without an app ID outside production: local development mode, with a loud warning', () => {
    const { teams, lines, registered } = mount({});
    expect(teams.anonymous).toBe(true);
    expect(registered).toEqual(['teams']);
    const warning = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).find((l) => l.level === 40);
    expect(warning?.msg).toMatch(/LOCAL DEVELOPMENT MODE.*UNAUTHENTICATED/);
  });

  it.each([
    ['SingleTenant without a secret', { MicrosoftAppId: APP_ID, MicrosoftAppTenantId: TENANT }, /MicrosoftAppPassword: required/],
    ['SingleTenant without a tenant', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x' }, /MicrosoftAppTenantId: required/],
    ['managed identity without a tenant', { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI' }, /MicrosoftAppTenantId: required/],
  ])('refuses an incomplete registration: %s', (_name, env, message) => {
    expect(() => mount({ NODE_ENV: 'production', ...env })).toThrow(message);
  });

  it.each([
    ['SingleTenant', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppTenantId: TENANT }],
    ['MultiTenant', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'MultiTenant' }],
    ['UserAssignedMSI', { MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }],
  ])('starts authenticated in production with a complete %s registration', (_name, env) => {
    const { teams, lines } = mount({ NODE_ENV: 'production', ...env });
    expect(teams.anonymous).toBe(false);
    expect(lines.join('\n')).not.toMatch(/LOCAL DEVELOPMENT MODE/);
  });

  it('the Playground starts only for local development without credentials, and can be switched off', () => {
    const want = (env: Record<string, string>) => playgroundWanted(loadConfig({ NODE_ENV: 'development', ...env }));
    expect(want({})).toBe(true);
    expect(want({ PLAYGROUND: 'off' })).toBe(false);
    expect(want({ NODE_ENV: 'production' })).toBe(false);
    expect(want({ MicrosoftAppId: APP_ID })).toBe(false);
  });
});
