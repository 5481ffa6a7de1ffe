import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReport } from '../../bench/lib/report-schema';

// Issue 19: bench/results/latest.json is what the README's growth table and the chart are read from;
// its shape is checked here (the committed file) and by run.ts before it writes one.
const committed = JSON.parse(readFileSync(join(__dirname, '..', '..', 'bench', 'results', 'latest.json'), 'utf8')) as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a deep copy to break on purpose, path by path
const copy = () => JSON.parse(JSON.stringify(committed)) as Record<string, any>;

describe('the bench report schema (issue 19)', () => {
  it('accepts the committed bench/results/latest.json', () => {
    expect(checkReport(committed)).toEqual([]);
  });

  it('the committed report has the scale rows and the framework floor on both platforms', () => {
    const r = copy();
    const cases = r.results.scale.cases as { size: string; store: string }[];
    expect(cases.filter((c) => c.store === 'embedded').map((c) => c.size)).toEqual(['S', 'M', 'L']);
    expect(cases.some((c) => c.store === 'mongodb' && c.size === 'S')).toBe(true);
    expect(typeof r.results.floor.teams.ratio).toBe('number');
    expect(typeof r.results.floor.slack.ratio).toBe('number');
    expect((r.rows as { id: string }[]).filter((x) => x.id === 'F')).toHaveLength(2);
  });

  it('names what is wrong', () => {
    const r = copy();
    r.rows[0].verdict = 'OK';
    delete r.commit;
    r.machine.loadAverageAtStart = [1];
    const problems = checkReport(r);
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^rows\.0\.verdict:/), expect.stringMatching(/^commit:/), expect.stringMatching(/^machine\.loadAverageAtStart:/)]));
  });

  it('refuses a scale case with neither figures nor a reason', () => {
    const r = copy();
    r.results.scale.cases.push({ size: 'M', store: 'mongodb' });
    expect(checkReport(r)).toEqual([expect.stringMatching(/scale\.cases\.\d+: a scale case without figures must say why/)]);
    r.results.scale.cases[r.results.scale.cases.length - 1].skipped = 'skipped: time budget used up';
    expect(checkReport(r)).toEqual([]);
  });

  it('takes an unmeasured figure as null (JSON has no NaN), but not as text', () => {
    const r = copy();
    const c = r.results.scale.cases[0];
    c.startMs = null;
    expect(checkReport(r)).toEqual([]);
    c.startMs = '1.2 s';
    expect(checkReport(r)).toEqual([expect.stringMatching(/startMs/)]);
  });
});
