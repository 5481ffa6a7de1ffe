import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, StoreOpenError } from '../../adapters/open-store';
import { redactUri, uriHosts } from '../../adapters/store-common';

describe('openStore: which store, and clear errors', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pl-open-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('opens the embedded store when no MongoDB URI is given', async () => {
    const store = await openStore({ dataDir });
    expect(store.kind).toBe('embedded');
    expect(store.location).toBe(dataDir);
    await store.close();
  });

  it('fails within seconds on an unreachable MongoDB, naming MONGODB_URI and the host, never the password', async () => {
    const started = Date.now();
    const err = await openStore({ mongodbUri: 'mongodb://admin:hunter2@127.0.0.1:1/partner', dataDir }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(8000);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect(err).toMatchObject({ code: 'STORE_OPEN_FAILED', setting: 'MONGODB_URI' });
    const message = (err as Error).message;
    expect(message).toContain('MONGODB_URI');
    expect(message).toContain('127.0.0.1:1');
    expect(message).not.toContain('hunter2');
  }, 15_000);

  it('names DATA_DIR when the data folder cannot be created', async () => {
    const file = join(dataDir, 'file');
    await writeFile(file, 'x');
    await expect(openStore({ dataDir: join(file, 'sub') })).rejects.toMatchObject({ setting: 'DATA_DIR', message: expect.stringContaining('DATA_DIR') });
  });
});

describe('MongoDB URI redaction', () => {
  it.each([
    ['mongodb://user:secret@db.example:27017/partner', 'mongodb://user:***@db.example:27017/partner', 'db.example:27017'],
    ['mongodb://user:p@ss@w0rd@db1:27017,db2:27017/x?replicaSet=rs0', 'mongodb://user:***@db1:27017,db2:27017/x?replicaSet=rs0', 'db1:27017,db2:27017'],
    ['mongodb+srv://app:s3cr%40t@cluster0.abcde.mongodb.net/?retryWrites=true', 'mongodb+srv://app:***@cluster0.abcde.mongodb.net/?retryWrites=true', 'cluster0.abcde.mongodb.net'],
    ['mongodb://127.0.0.1:27017/', 'mongodb://127.0.0.1:27017/', '127.0.0.1:27017'],
    ['mongodb://onlyuser@host/', 'mongodb://***@host/', 'host'],
  ])('%s', (uri, redacted, hosts) => {
    expect(redactUri(uri)).toBe(redacted);
    expect(uriHosts(uri)).toBe(hosts);
  });
});
