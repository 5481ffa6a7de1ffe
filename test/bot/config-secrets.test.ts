import { ConfigError, loadConfig, redactSecrets, SECRET_VARIABLES } from '../../bot/config';

/** The message loadConfig throws for this environment (it must throw). */
function configMessage(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

/**
 * A configuration error names the variable and the problem, never the value of a secret: each secret
 * variable gets a bad value that still holds a real-looking secret, and the message must not contain it.
 */
describe('configuration errors never show a secret', () => {
  const cases: [variable: string, value: string, secret: string][] = [
    // A user token pasted where the bot token belongs.
    ['SLACK_BOT_TOKEN', 'xoxp-1234567890-1234567890123-1234567890123-0123456789abcdef0123456789abcdef', 'xoxp-1234567890'],
    ['SLACK_APP_TOKEN', 'xoxb-2222222222-3333333333333-AbCdEfGhIjKlMnOpQrStUvWx', 'AbCdEfGhIjKlMnOpQrStUvWx'],
    // A connection string with its password, for the wrong database.
    ['MONGODB_URI', 'postgres://partnerlink:S3cr3t-Passw0rd!@db.example.internal:5432/pl', 'S3cr3t-Passw0rd!'],
    ['MONGODB_URI', 'mongodb://partnerlink:S3cr3t-Passw0rd!@db.example.internal:27017/pl\n', 'S3cr3t-Passw0rd!'],
    ['MicrosoftAppPassword', ' Xy8Q~abcdefGHIJKLmnopQRSTuvwxYZ0123456789 ', 'Xy8Q~abcdefGHIJKLmnopQRSTuvwxYZ0123456789'],
    ['SLACK_SIGNING_SECRET', '8f742231b10e8888abcd99yyyzzz85a5\n', '8f742231b10e8888abcd99yyyzzz85a5'],
    ['SLACK_CLIENT_SECRET', ' 3c9e1f2a7b6d5c4e3f2a1b0c9d8e7f6a ', '3c9e1f2a7b6d5c4e3f2a1b0c9d8e7f6a'],
    // Too short to be a key, yet still never shown.
    ['SLACK_STATE_SECRET', 'shortSecret9', 'shortSecret9'],
    ['SLACK_TOKEN_KEY', 'tinyKey42', 'tinyKey42'],
    // Partner Center's client secret and token-cache key, pasted with a line break.
    ['PARTNER_CENTER_CLIENT_SECRET', 'Qw8Q~zyxwvUTSRqponMLKJihgfED0987654321abc\n', 'Qw8Q~zyxwvUTSRqponMLKJihgfED0987654321abc'],
    ['PARTNER_CENTER_CACHE_KEY', ' q3JtYy1rZXktZm9yLXRlc3RzLW9ubHktMzJieXRlcw== ', 'q3JtYy1rZXktZm9yLXRlc3RzLW9ubHktMzJieXRlcw=='],
  ];

  it('lists every secret variable this test covers', () => {
    expect(new Set(cases.map(([v]) => v))).toEqual(SECRET_VARIABLES);
  });

  it.each(cases)('%s: the variable and the problem are named, the value is not', (variable, value, secret) => {
    const message = configMessage({ [variable]: value });
    expect(message).toContain(`${variable}: `);
    expect(message).toContain('(value not shown)');
    expect(message).not.toContain(secret);
    expect(message).not.toContain(value.trim().slice(0, 12));
  });

  it('a secret-shaped value in a variable that is not secret is not shown either', () => {
    const token = 'xoxp-1234567890-1234567890123-1234567890123-0123456789abcdef0123456789abcdef';
    const uri = 'ftp://admin:hunter22@partnerlink.example.com';
    const message = configMessage({ ALLOWED_SLACK_TEAM_IDS: token, PUBLIC_URL: uri, LOG_LEVEL: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln' });
    expect(message).toMatch(/ALLOWED_SLACK_TEAM_IDS: .*\(value not shown\)/);
    expect(message).toMatch(/PUBLIC_URL: .*\(value not shown\)/);
    expect(message).toMatch(/LOG_LEVEL: .*\(value not shown\)/);
    expect(message).not.toContain('xoxp-');
    expect(message).not.toContain('hunter22');
    expect(message).not.toContain('eyJhbGci');
  });

  it('a short plain value of a variable that is not secret is still shown, to help', () => {
    expect(configMessage({ PORT: 'eighty' })).toContain('PORT: ');
    expect(configMessage({ PORT: 'eighty' })).toContain('(got "eighty")');
  });

  it('text printed when the bot cannot start has configured secrets, URI credentials and tokens taken out', () => {
    const env = { MONGODB_URI: 'mongodb://pl:Pa55-word-xyz@db.example.internal/pl', SLACK_SIGNING_SECRET: 'abcdef0123456789' };
    const text = redactSecrets(
      'MongoServerSelectionError: connect to mongodb://pl:Pa55-word-xyz@db.example.internal/pl failed; secret abcdef0123456789; xoxb-1-2-abc; https://u:p@h/',
      env,
    );
    expect(text).not.toContain('Pa55-word-xyz');
    expect(text).not.toContain('abcdef0123456789');
    expect(text).not.toContain('xoxb-1-2-abc');
    expect(text).not.toContain('u:p@');
    expect(text).toContain('MongoServerSelectionError: connect to');
  });
});
