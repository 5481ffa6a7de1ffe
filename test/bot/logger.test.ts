import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/logger';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const FIXTURE = join(__dirname, 'fixtures', 'log-lines.ts');
const SECRET = 'xoxb-not-to-be-seen';

function collector(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** Issue 18: readable lines in a terminal, JSON otherwise; secrets redacted in both. */
describe('the logger', () => {
  it('writes one JSON object a line when not asked for readable lines, with secrets redacted', () => {
    const out = collector();
    createLogger('info', out.stream, { pretty: false }).info({ requestId: 'PL-7K2M9Q4D', auth: { token: SECRET } }, 'request filed');
    const line = JSON.parse(out.text().trim()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, service: 'partner-link', requestId: 'PL-7K2M9Q4D', msg: 'request filed', auth: { token: '[redacted]' } });
    expect(out.text()).not.toContain(SECRET);
  });

  it('writes a readable line (pino-pretty) when asked, with the same values redacted', async () => {
    const out = collector();
    const logger = createLogger('info', out.stream, { pretty: true });
    logger.warn({ requestId: 'PL-7K2M9Q4D', auth: { token: SECRET } }, 'notification not delivered yet');
    logger.flush();
    await new Promise((r) => setImmediate(r));
    const text = out.text();
    expect(text).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} [+-]\d{4}\] WARN: notification not delivered yet /);
    expect(text).toContain('"requestId":"PL-7K2M9Q4D"');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(SECRET);
    expect(() => JSON.parse(text.trim()) as unknown).toThrow();
  });

  // The default follows standard output: a real child process, once on a pseudo-terminal (util-linux
  // `script`), once on a pipe.
  it('by default: readable on a terminal, JSON on a pipe', () => {
    expect(existsSync('/usr/bin/script')).toBe(true);
    const piped = execFileSync(TSX, [FIXTURE], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(piped.trim())).toMatchObject({ msg: 'request filed', auth: { token: '[redacted]' } });
    const tty = execFileSync('/usr/bin/script', ['-qec', `${TSX} ${FIXTURE}`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const plain = tty.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
    expect(plain).toMatch(/INFO: request filed/);
    expect(plain).not.toMatch(/^\{"level"/m);
    expect(plain).toContain('[redacted]');
    expect(tty).not.toContain(SECRET);
  });
});
