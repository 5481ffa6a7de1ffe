import { createServer } from 'node:net';

function canListen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const s = createServer();
    s.once('error', () => done(false));
    s.listen(port, '127.0.0.1', () => s.close(() => done(true)));
  });
}

/** A port p such that p .. p+count-1 are all free now (the Playgrounds use consecutive ports). */
export async function freeConsecutivePorts(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = 20000 + Math.floor(Math.random() * 30000);
    const all = await Promise.all(Array.from({ length: count }, (_, i) => canListen(first + i)));
    if (all.every(Boolean)) return first;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}
