import { adminGroupsFrom } from '../../bot/admin-groups.wiring';
import { ConfigError, loadConfig } from '../../bot/config';

const BASE = { DATA_DIR: '/tmp/pl-config-test', SEED_DIRECTORY: 'none' };

describe('ENTRA_ADMIN_GROUPS configuration', () => {
  it('is off by default, and then no Graph client is made', () => {
    const config = loadConfig(BASE);
    expect(config.ENTRA_ADMIN_GROUPS).toBe(false);
    expect(adminGroupsFrom(config)).toBeUndefined();
  });

  it('on, it needs the bot\'s app ID and secret, and names what is missing without any value', () => {
    let err: unknown;
    try {
      loadConfig({ ...BASE, ENTRA_ADMIN_GROUPS: 'true', MicrosoftAppId: '0b5e7a11-7e57-4b07-9c1a-1a2b3c4d5e6f' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([expect.stringContaining('MicrosoftAppPassword: must be set when ENTRA_ADMIN_GROUPS=true')]);
  });

  it('on, with the app, Graph and login URLs from the configuration', () => {
    const config = loadConfig({ ...BASE, ENTRA_ADMIN_GROUPS: 'true', MicrosoftAppId: '0b5e7a11-7e57-4b07-9c1a-1a2b3c4d5e6f', MicrosoftAppPassword: 'secret-value', GRAPH_API_URL: 'https://graph.microsoft.us/v1.0', ENTRA_ADMIN_GROUP_CACHE_MINUTES: '5' });
    expect(config).toMatchObject({ GRAPH_API_URL: 'https://graph.microsoft.us/v1.0', ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.com', ENTRA_ADMIN_GROUP_CACHE_MINUTES: 5 });
    expect(adminGroupsFrom(config)).toBeDefined();
  });
});
