import { once } from 'node:events';
import { request } from 'node:http';

export interface RawAnswer {
  /** 0: the server reset the connection before the answer could be read (it stopped reading). */
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Bytes of the body the client had written when the answer came. */
  sent: number;
}

/**
 * POSTs a body of `total` bytes in chunks, stopping as soon as the server answers: what `sent` then
 * says is how much the server let in before answering. `declareLength` sends Content-Length (else the
 * body is chunked). `pauseAfter` bytes: stop writing there and wait for the answer. A server that stops
 * reading and closes may reset the connection under a client still writing: that is status 0.
 */
export function postStreaming(url: string, o: { contentType: string; total: number; declareLength?: boolean; chunk?: number; pauseAfter?: number }): Promise<RawAnswer> {
  const u = new URL(url);
  const chunk = Buffer.alloc(o.chunk ?? 64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({
      host: u.hostname,
      port: u.port,
      path: u.pathname,
      method: 'POST',
      headers: { 'content-type': o.contentType, ...(o.declareLength ? { 'content-length': String(o.total) } : {}) },
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered) return;
      if (err.code === 'EPIPE' || err.code === 'ECONNRESET') {
        answered = true;
        resolve({ status: 0, headers: {}, body: '', sent });
      } else reject(err);
    });
    req.on('response', (res) => {
      answered = true;
      const at = sent;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent: at }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent: at }));
    });
    void (async () => {
      while (!answered && sent < o.total && sent < (o.pauseAfter ?? Infinity)) {
        const n = Math.min(chunk.length, o.total - sent);
        const more = req.write(n === chunk.length ? chunk : chunk.subarray(0, n));
        sent += n;
        if (!more) await Promise.race([once(req, 'drain'), once(req, 'response'), once(req, 'close')]).catch(() => undefined);
      }
      if (!answered && sent >= o.total) req.end();
    })().catch(() => undefined);
  });
}
