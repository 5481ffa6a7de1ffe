import { percentile } from '../../bench/lib/load';
import { addedPerTurn, floorRatio, floorVerdict, formatGrowth, gist, ratiosAgainstS } from '../../bench/lib/scale-math';
import { perOperation } from '../../bench/lib/wire-count';

// Issue 19: the arithmetic behind the bench's scale rows and framework-floor rows. Nothing here is
// timed; the figures are made up so that each answer can be worked out by hand.
describe('bench maths (issue 19)', () => {
  describe('percentile (nearest rank on sorted values)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    it('gives the nearest-rank value', () => {
      expect(percentile(hundred, 50)).toBe(50);
      expect(percentile(hundred, 99)).toBe(99);
      expect(percentile(hundred, 100)).toBe(100);
      expect(percentile([7, 9, 30], 50)).toBe(9);
      expect(percentile([7, 9, 30], 99)).toBe(30);
    });
    it('is never outside the values, and NaN for none', () => {
      expect(percentile([4], 0)).toBe(4);
      expect(percentile([4], 99.9)).toBe(4);
      expect(percentile([], 50)).toBeNaN();
    });
  });

  describe('ratios against S from the same run', () => {
    it('divides every size by S', () => {
      expect(ratiosAgainstS({ S: 4, M: 10, L: 200 })).toEqual({ S: 1, M: 2.5, L: 50 });
    });
    it('leaves out sizes that were not measured, and gives nothing without a usable S', () => {
      expect(ratiosAgainstS({ S: 2, L: 6 })).toEqual({ S: 1, L: 3 });
      expect(ratiosAgainstS({ S: 2, M: NaN })).toEqual({ S: 1 });
      expect(ratiosAgainstS({ M: 3, L: 9 })).toEqual({});
      expect(ratiosAgainstS({ S: 0, M: 3 })).toEqual({});
      expect(ratiosAgainstS({ S: NaN, M: 3 })).toEqual({});
    });
    it('formats the growth without S', () => {
      expect(formatGrowth({ S: 4, M: 10, L: 480 })).toBe('M 2.50× · L 120×');
      expect(formatGrowth({ S: 4, M: 60 })).toBe('M 15.0×');
      expect(formatGrowth({ S: 4 })).toBe('-');
    });
  });

  describe('the framework floor', () => {
    it('is the product throughput over the dialogs floor', () => {
      expect(floorRatio(170, 200)).toBeCloseTo(0.85, 10);
      expect(floorRatio(100, 0)).toBeNaN();
      expect(floorRatio(NaN, 100)).toBeNaN();
    });
    it('says how many floor turns our own work adds to each turn', () => {
      // At half the floor's throughput, a turn costs two floor turns: one is ours.
      expect(addedPerTurn(50, 100)).toBeCloseTo(1, 10);
      expect(addedPerTurn(100, 100)).toBe(0);
      expect(addedPerTurn(0, 100)).toBeNaN();
    });
    it('passes at 0.85 without failures only', () => {
      expect(floorVerdict(0.85, 0)).toBe('PASS');
      expect(floorVerdict(0.849, 0)).toBe('FAIL');
      expect(floorVerdict(0.95, 1)).toBe('FAIL');
      expect(floorVerdict(NaN, 0)).toBe('n/a');
    });
  });

  describe('round trips per operation', () => {
    it('takes the idle traffic out in proportion to the time', () => {
      // 2 requests/s idle; 10 operations in 3 s carried 126 requests: 6 were background.
      expect(perOperation(126, 3000, 4, 2000, 10)).toBeCloseTo(12, 10);
      expect(perOperation(30, 1000, 0, 2000, 10)).toBe(3);
    });
    it('is never negative, and NaN without operations', () => {
      expect(perOperation(1, 1000, 100, 1000, 5)).toBe(0);
      expect(perOperation(10, 1000, 0, 1000, 0)).toBeNaN();
    });
  });
});

describe('a failure in one line (issue 19)', () => {
  it("keeps V8's FATAL ERROR line from an out-of-memory report", () => {
    const report = 'product (L, embedded) exited with SIGABRT: ---\n\n<--- Last few GCs --->\n[12:0x1]  9000 ms: Mark-Compact 120.1 (130.2) -> 119.8 (131.0) MB\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n 1: 0xb78db3 node::OOMErrorHandler';
    expect(gist(report)).toBe('product (L, embedded) exited with SIGABRT: FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
  });
  it('otherwise keeps the first line, bounded', () => {
    expect(gist('seed exited with 1: bad file\n  at x')).toBe('seed exited with 1: bad file');
    expect(gist('x'.repeat(500))).toHaveLength(300);
    expect(gist('')).toBe('');
  });
});
