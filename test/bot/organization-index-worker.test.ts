import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInWorker } from '../../bot/organization-index';
import { OrganizationIndex } from '../../dialogs/recognition';
import { foldText } from '../../dialogs/recognition/entities/folded-text';
import { generatedDirectory } from '../support/generated-store';

// The product (dist/) builds the organization-name index in a worker thread, off the turns' event loop.
// The worker is compiled JavaScript: this runs the one `npm run build` wrote.
const WORKER = join(__dirname, '..', '..', 'dist', 'bot', 'organization-index.worker.js');
const built = existsSync(WORKER);
if (!built && process.env.CI !== 'true') console.warn(`organization-index worker test skipped: ${WORKER} is missing (run npm run build)`);

(built || process.env.CI === 'true' ? describe : describe.skip)('organization-name index built in a worker thread', () => {
  const names = generatedDirectory('S', 5).organizations.map((o) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] }));

  it('matches exactly as the index built in this thread', async () => {
    const inWorker = await buildInWorker(names, WORKER);
    const here = OrganizationIndex.build(names);
    const texts = names.slice(0, 40).flatMap((o) => o.names.map((n) => `link me with ${n}`));
    for (const text of texts) expect(inWorker.match(foldText(text))).toEqual(here.match(foldText(text)));
    expect(inWorker.match(foldText(`link me with ${names[3]!.names[0]}`)).map((m) => m.value)).toContain(names[3]!.id);
  });

  it('a worker that fails is an error, not an empty index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pl-worker-'));
    try {
      const broken = join(dir, 'broken.js');
      await writeFile(broken, "throw new Error('no index here');\n");
      await expect(buildInWorker(names, broken)).rejects.toThrow('no index here');
      const silent = join(dir, 'silent.js');
      await writeFile(silent, 'process.exitCode = 0;\n');
      await expect(buildInWorker(names, silent)).rejects.toThrow(/stopped \(exit code 0\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
