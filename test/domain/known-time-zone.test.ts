import { knownTimeZone } from '../../domain/person';

// Issue 19: knownTimeZone keeps its answers (a DateTimeFormat per call was 9% of a Teams turn's CPU);
// the kept answers must stay the right ones, and names from outside must not grow them without bound.
describe('knownTimeZone', () => {
  it('knows IANA zones and refuses the rest, the same on every call', () => {
    for (let i = 0; i < 3; i++) {
      expect(knownTimeZone('Asia/Tokyo')).toBe(true);
      expect(knownTimeZone('America/Los_Angeles')).toBe(true);
      expect(knownTimeZone('UTC')).toBe(true);
      expect(knownTimeZone('Mars/Olympus_Mons')).toBe(false);
      expect(knownTimeZone('Asia/Tokyo; DROP')).toBe(false);
      expect(knownTimeZone(42)).toBe(false);
    }
  });

  it('after many unknown names from outside (more than it keeps), still answers right', () => {
    for (let i = 0; i < 5000; i++) expect(knownTimeZone(`Nowhere/Place_${i}`)).toBe(false);
    expect(knownTimeZone('Europe/Paris')).toBe(true);
    expect(knownTimeZone('Nowhere/Place_1')).toBe(false);
  });
});
