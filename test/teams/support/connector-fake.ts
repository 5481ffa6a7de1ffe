import nock from 'nock';
import { CONNECTOR } from './bot-framework-fakes';

export interface ConnectorCall {
  method: 'POST' | 'PUT';
  path: string;
  conversationId: string;
  /** The activity the bot posted (reply, proactive message) or put (update). */
  activity: Record<string, unknown>;
  authorization?: string;
  /** The activity ID the fake answered with (a POST's new ID; a PUT's own). */
  id: string;
}

/**
 * The Bot Connector's conversations API (v3), faked with nock: records every activity the bot posts
 * (replies and proactive messages) or replaces (updates), and answers with an activity ID. Install
 * it once per file (nock answers with the first matching interceptor); empty `calls` between tests.
 */
export function fakeConnector(base: string = CONNECTOR): { calls: ConnectorCall[]; cards: () => Record<string, unknown>[] } {
  const calls: ConnectorCall[] = [];
  let seq = 0;
  const record = (method: 'POST' | 'PUT') =>
    function (this: nock.ReplyFnContext, uri: string, body: nock.Body): [number, Record<string, unknown>] {
      const conversationId = decodeURIComponent(uri.split('/conversations/')[1]?.split('/')[0] ?? '');
      const auth = this.req.headers.authorization;
      const id = method === 'POST' ? `posted-${++seq}` : decodeURIComponent(uri.split('/').pop() ?? '');
      calls.push({ method, path: uri, conversationId, activity: body as Record<string, unknown>, id, ...(typeof auth === 'string' ? { authorization: auth } : {}) });
      return [method === 'POST' ? 201 : 200, { id }];
    };
  nock(base).persist().post(/\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/).reply(record('POST')).put(/\/v3\/conversations\/[^/]+\/activities\/[^/]+$/).reply(record('PUT'));
  return {
    calls,
    cards: () =>
      calls.flatMap((c) => ((c.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content)),
  };
}
