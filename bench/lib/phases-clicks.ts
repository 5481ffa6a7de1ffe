/** Bench phases 3 and 4: approval clicks through each platform, and the Slack acknowledgement with a slow store. */
import { fixedRate, get, post, saturate, type LoadResult } from './load';
import { actionData, buttonsOf, SLACK, slackClick, slackDm, slackHeaders, TEAMS, teamsExecute, teamsMessage } from './payloads';
import { tempDir } from './procs';
import { ms, results, rows, x2 } from './report';
import { log, P, productEnv, SERVER, sinks, slackAck, slackTurn, start, stop, TAG, teamsTurn, type Shared } from './context';

export async function phaseApprovals(s: Shared): Promise<void> {
  const dir = tempDir('pl-bench-approvals-');
  const server = await start('bench server (product in-process)', SERVER, { ...productEnv(dir.path), BENCH_MODE: 'product' });
  try {
    // Both admins of Contoso Distribution Japan talk to the bot once, so it knows where to send approval cards.
    const hiroshiConv = `a:bench-${TAG}-hiroshi`;
    sinks.keep.add(hiroshiConv);
    sinks.keep.add(SLACK.emily.dm);
    const hello = await post(`${server.url}/api/messages`, teamsMessage(TEAMS.hiroshi, hiroshiConv, 'help', sinks.teamsServiceUrl, 'h1'), { 'content-type': 'application/json' });
    if (hello.status !== 200) throw new Error(`Hiroshi's hello answered ${hello.status}`);
    const emilyReplied = sinks.wait(`chat.postMessage:${SLACK.emily.dm}`);
    const dm = slackDm(SLACK.emily, SLACK.emily.dm, 'help', 1, `${TAG}E`);
    await post(`${server.url}/slack/events`, dm, slackHeaders(dm, 'application/json'));
    await emilyReplied;
    // Store calls per turn (the in-process server counts every port call): 20 turns on each platform.
    const calls = async () => (JSON.parse((await get(`${server.url}/bench/stats`)).body) as { inbox: { calls: Record<string, number> } }).inbox.calls;
    const perTurn = (a: Record<string, number>, b: Record<string, number>, n: number) =>
      Object.fromEntries(Object.entries(b).map(([k, v]): [string, number] => [k, (v - (a[k] ?? 0)) / n]).filter(([, v]) => v > 0));
    const total = (o: Record<string, number>) => Object.values(o).reduce((x, y) => x + y, 0);
    const c0 = await calls();
    const tOp = teamsTurn(server.url, undefined);
    for (let i = 0; i < 20; i++) await tOp();
    const c1 = await calls();
    const sOp = slackTurn(server.url, undefined);
    for (let i = 0; i < 20; i++) await sOp();
    await new Promise((r) => setTimeout(r, 300));
    const c2 = await calls();
    const storeCalls = { teams: perTurn(c0, c1, 20), slack: perTurn(c1, c2, 20) };
    results.storeCallsPerTurn = storeCalls;
    rows.push({
      id: '-',
      figure: 'store calls per full turn, Teams / Slack (counted at the ports; details in the JSON)',
      product: `${total(storeCalls.teams).toFixed(1)} / ${total(storeCalls.slack).toFixed(1)}`,
      floor: '0 / 0',
      ratio: '-',
      target: '(report)',
      verdict: 'INFO',
      note: Object.entries(storeCalls.teams).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v}`).join(', '),
    });
    const filedAnswer = await post(`${server.url}/bench/file`, JSON.stringify({ count: P.approvals }), { 'content-type': 'application/json' }, 120_000);
    if (filedAnswer.status !== 200) throw new Error(`filing failed: ${filedAnswer.body.slice(0, 300)}`);
    const filed = (JSON.parse(filedAnswer.body) as { filed: { requestId: string; version: number }[] }).filed;
    await new Promise((r) => setTimeout(r, 300));
    const teamsCards = sinks.kept.filter((d) => d.where === hiroshiConv && d.method === 'teams.post');
    const slackCards = sinks.kept.filter((d) => d.where === SLACK.emily.dm && d.method === 'chat.postMessage');
    const half = Math.floor(filed.length / 2);
    const byTeams = filed.slice(0, half);
    const bySlack = filed.slice(half);
    log(`approvals: ${filed.length} requests filed; cards: ${teamsCards.length} Teams, ${slackCards.length} Slack`);

    let failures = 0;
    const teamsOps = byTeams.map((r) => {
      const posted = teamsCards.find((d) => JSON.stringify(d.body).includes(r.requestId));
      const card = (posted?.body.attachments as { content?: unknown }[] | undefined)?.[0]?.content;
      const data = card ? actionData(card, 'approve') : undefined;
      return { r, posted, data };
    });
    const teamsResult = await fixedRate(
      async (i) => {
        const o = teamsOps[i]!;
        if (!o.posted || !o.data) throw new Error(`no Teams approval card for ${o.r.requestId}`);
        const res = await post(`${server.url}/api/messages`, teamsExecute(TEAMS.hiroshi, hiroshiConv, 'approve', o.data, o.posted.id, sinks.teamsServiceUrl, `inv${i}`), { 'content-type': 'application/json' });
        const body = JSON.parse(res.body || '{}') as { statusCode?: number; type?: string; value?: unknown };
        // The card answers in the language of the card clicked (issue 18): Hiroshi's cards are in Japanese.
        if (res.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive' || !/Approved|承認され/.test(JSON.stringify(body.value))) {
          failures++;
          throw new Error(`Teams approve answered ${res.status} ${res.body.slice(0, 200)}`);
        }
      },
      { rate: P.clickRate, durationMs: 60_000, maxCount: teamsOps.length },
    );
    const slackOps = bySlack.map((r) => {
      const posted = slackCards.find((d) => JSON.stringify(d.body.blocks ?? '').includes(r.requestId));
      const blocks = (posted?.body.blocks as unknown[] | undefined) ?? [];
      const button = buttonsOf(blocks).find((b) => JSON.stringify(b.text ?? '').includes('Approve'));
      return { r, posted, blocks, button };
    });
    const slackResult = await fixedRate(
      async (i) => {
        const o = slackOps[i]!;
        if (!o.posted || !o.button) throw new Error(`no Slack approval card / Approve button for ${o.r.requestId}`);
        const updated = sinks.wait(`chat.update:${SLACK.emily.dm}:${o.posted.id}`);
        const body = slackClick(SLACK.emily, SLACK.emily.dm, o.posted.id, o.blocks, o.button, i + 1);
        const res = await post(`${server.url}/slack/events`, body, slackHeaders(body, 'application/x-www-form-urlencoded'));
        if (res.status !== 200) {
          updated.catch(() => undefined);
          throw new Error(`Slack click answered ${res.status}`);
        }
        await updated;
      },
      { rate: P.clickRate, durationMs: 60_000, maxCount: slackOps.length },
    );
    // Every clicked request must now be approved.
    let approved = 0;
    for (const r of filed) {
      const st = JSON.parse((await get(`${server.url}/bench/request/${r.requestId}`)).body) as { status?: string };
      if (st.status === 'approved') approved++;
    }
    results.approvals = { filed: filed.length, approved, teams: teamsResult, slack: slackResult, teamsCards: teamsCards.length, slackCards: slackCards.length, failures };
    const floorT = s.teamsEcho?.fixed;
    const floorS = s.slackEcho?.fixed;
    rows.push({
      id: '3',
      figure: `Teams approval click -> updated card (invoke answer), p50 / p99 at ${P.clickRate}/s (${teamsResult.ok}/${teamsResult.sent} ok)`,
      product: `${ms(teamsResult.p50)} / ${ms(teamsResult.p99)}`,
      floor: floorT ? `${ms(floorT.p50)} / ${ms(floorT.p99)}` : '-',
      ratio: floorT ? `${x2(teamsResult.p50, floorT.p50)} / ${x2(teamsResult.p99, floorT.p99)}` : '-',
      target: '(report)',
      verdict: teamsResult.failed ? 'FAIL' : 'INFO',
    });
    rows.push({
      id: '3',
      figure: `Slack approval click -> chat.update of the card, p50 / p99 at ${P.clickRate}/s (${slackResult.ok}/${slackResult.sent} ok)`,
      product: `${ms(slackResult.p50)} / ${ms(slackResult.p99)}`,
      floor: floorS ? `${ms(floorS.p50)} / ${ms(floorS.p99)}` : '-',
      ratio: floorS ? `${x2(slackResult.p50, floorS.p50)} / ${x2(slackResult.p99, floorS.p99)}` : '-',
      target: '(report)',
      verdict: slackResult.failed ? 'FAIL' : 'INFO',
      note: `${approved}/${filed.length} requests approved in the store afterwards`,
    });
  } catch (e) {
    results.approvals = { failed: (e as Error).message };
    rows.push({ id: '3', figure: 'approval clicks', product: `not available: ${(e as Error).message.slice(0, 120)}`, floor: '-', ratio: '-', target: '(report)', verdict: 'n/a' });
  } finally {
    await stop(server);
    dir.remove();
  }
}

export async function phaseAck(_s: Shared): Promise<void> {
  const run = async (delayMs: number) => {
    const dir = tempDir('pl-bench-ack-');
    const server = await start(`bench server (store writes delayed ${delayMs} ms)`, SERVER, { ...productEnv(dir.path), BENCH_MODE: 'product', BENCH_SLOW_WRITE_MS: String(delayMs) });
    try {
      // Warm-up (JIT, caches): a few deliveries, not counted.
      await saturate(slackAck(server.url), { concurrency: 20, durationMs: 10_000, maxCount: 40 });
      const stats0 = JSON.parse((await get(`${server.url}/bench/stats`)).body) as { inbox: { claims: Record<string, number>; completes: number } };
      const claims0 = stats0.inbox.claims.slack ?? 0;
      let processed = 0;
      const r = await fixedRate(slackAck(server.url), { rate: P.ackRate, durationMs: P.ackMs, maxCount: 2000 });
      // Lost = acknowledged (or sent) but never recorded in the inbox. Wait (bounded) for the stragglers.
      let claims = 0;
      const deadline = Date.now() + 10_000;
      for (;;) {
        const st = JSON.parse((await get(`${server.url}/bench/stats`)).body) as { inbox: { claims: Record<string, number>; completes: number } };
        claims = (st.inbox.claims.slack ?? 0) - claims0;
        processed = st.inbox.completes - stats0.inbox.completes;
        if (claims >= r.sent || Date.now() > deadline) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      // Completions include the stash's own (KV) entries, so this is indicative only.
      return { ...r, delayMs, reachedInbox: claims, lost: r.sent - claims, inboxCompletionsSoFar: processed };
    } finally {
      await stop(server);
      dir.remove();
    }
  };
  const slow = await run(2000);
  const fast = await run(0);
  const echoAck = (results.slack as { echoAckAt200?: LoadResult } | undefined)?.echoAckAt200;
  results.ack = { slowStore: slow, normalStore: fast, echo: echoAck };
  rows.push({
    id: '4',
    figure: `Slack ack p50 / p99 / max at ${P.ackRate}/s, every store write +2 s (${slow.ok}/${slow.sent} acked, ${slow.lost} lost)`,
    product: `${ms(slow.p50)} / ${ms(slow.p99)} / ${ms(slow.max)}`,
    floor: echoAck ? `${ms(echoAck.p50)} / ${ms(echoAck.p99)} / ${ms(echoAck.max)}` : '-',
    ratio: echoAck ? `${x2(slow.p50, echoAck.p50)} / ${x2(slow.p99, echoAck.p99)}` : '-',
    target: 'p99 < 100 ms, 0 lost',
    verdict: slow.p99 < 100 && slow.lost === 0 && slow.failed === 0 ? 'PASS' : 'FAIL',
  });
  rows.push({
    id: '4',
    figure: `Slack ack p50 / p99 / max at ${P.ackRate}/s, store at normal speed (${fast.ok}/${fast.sent} acked, ${fast.lost} lost)`,
    product: `${ms(fast.p50)} / ${ms(fast.p99)} / ${ms(fast.max)}`,
    floor: echoAck ? `${ms(echoAck.p50)} / ${ms(echoAck.p99)} / ${ms(echoAck.max)}` : '-',
    ratio: echoAck ? `${x2(fast.p50, echoAck.p50)} / ${x2(fast.p99, echoAck.p99)}` : '-',
    target: '(reference)',
    verdict: 'INFO',
  });
}
