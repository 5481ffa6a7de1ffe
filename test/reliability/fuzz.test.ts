import { runFuzz } from '../../scripts/fuzz';

/**
 * A short run of `npm run fuzz` (the full run sends 10,000), so that the script keeps working: the real
 * bot process, mutated recorded payloads on both endpoints, then the checks: no answer of 500 on
 * either endpoint, no crash, no request changed.
 */
describe('fuzz (short run)', () => {
  it('300 mutated requests: no crash, no request changed, no 500 on either endpoint, no network error', async () => {
    const f = await runFuzz({ requests: 300, deadlineMs: 150_000, seed: 300 });
    expect(f.sent).toBe(300);
    expect(f.byEndpoint['/api/messages']).toBeGreaterThan(50);
    expect(f.byEndpoint['/slack/events']).toBeGreaterThan(50);
    expect(f.crashed).toBe(false);
    expect(f.networkErrors).toBe(0);
    expect(f.requestsBefore).toHaveLength(1);
    expect(f.requestsAfter).toEqual(f.requestsBefore);
    expect(f.stateChanged).toBe(false);
    expect(Object.keys(f.teams500ByMutation).filter((k) => k.startsWith('500 '))).toEqual([]);
    expect(f.slack500ByMutation).toEqual({});
    expect(f.statuses['500'] ?? 0).toBe(0);
    // Refusals happen: the mutations reach the edge checks, not only the happy path.
    expect((f.statuses['400'] ?? 0) + (f.statuses['401'] ?? 0) + (f.statuses['415'] ?? 0)).toBeGreaterThan(30);
  }, 200_000);
});
