import express from 'express';
import { createSlackRuntime, singleWorkspaceToken } from '../../adapters/slack';
import type { KeyValuePort, ProcessedEventPort } from '../../domain';

describe('Slack unreachable when the bot starts', () => {
  it('does not take the process down: no request is made that nobody waits for', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const logger = { debug: jest.fn(), info: jest.fn(), warn: jest.fn(), error: jest.fn() };
      const runtime = createSlackRuntime({
        bot: { run: async () => undefined },
        events: { listDue: async () => [] } as unknown as ProcessedEventPort,
        keyValues: {} as KeyValuePort,
        tokens: singleWorkspaceToken('xoxb-0000-test-token'),
        signingSecret: 'secret',
        apiUrl: 'http://127.0.0.1:1/api/', // nothing listens on port 1: every call fails at once
        allowedTeamIds: [],
        expressApp: express(),
        logger,
        retry: { retries: 0, minTimeoutMs: 0, maxTimeoutMs: 0 },
      });
      await runtime.start();
      await new Promise((r) => setTimeout(r, 500));
      await runtime.stop();
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
