import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type nock from 'nock';

/** A recorded-shape Partner Center answer: status, response headers and body (see fixtures/SOURCES.md). */
export interface PcFixture {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export const PC_ORIGIN = 'https://api.partnercenter.test';
export const PC_BASE = `${PC_ORIGIN}/v1`;

export function fixture(name: string): PcFixture {
  return JSON.parse(readFileSync(join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as PcFixture;
}

/** Replies to a nock interceptor with a fixture. */
export function replyWith(scope: nock.Interceptor, name: string): nock.Scope {
  const f = fixture(name);
  return scope.reply(f.status, typeof f.body === 'string' ? f.body : JSON.stringify(f.body), f.headers);
}
