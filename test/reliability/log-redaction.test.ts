import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('structured logs keep secrets out', () => {
  it('redacts authorization headers, Slack signatures, tokens, passwords and secrets wherever they are logged', () => {
    const { logger, lines } = capture();
    logger.info({ req: { headers: { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.secret', 'x-slack-signature': 'v0=abc123' } } }, 'incoming');
    logger.info({ config: { MicrosoftAppPassword: 'p@ss-word', SLACK_BOT_TOKEN: 'xoxb-123-456', SLACK_SIGNING_SECRET: 'shh' } }, 'config');
    logger.info({ client: { token: 'xoxb-999', password: 'hunter2', secret: 's3cret' } }, 'client');
    const out = lines.join('\n');
    for (const secret of ['eyJhbGciOiJSUzI1NiJ9.secret', 'v0=abc123', 'p@ss-word', 'xoxb-123-456', 'shh"', 'xoxb-999', 'hunter2', 's3cret']) {
      expect(out).not.toContain(secret);
    }
    expect(out.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(8);
  });
});
