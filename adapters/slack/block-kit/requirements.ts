import { asRecord, getString, type JsonRecord } from './json-access';

/**
 * An element's `requires` (schema 1.2): host capabilities it needs. This host declares none but the
 * Adaptive Cards version it renders, so anything else sends the element to its fallback.
 */
const SUPPORTED_VERSION = [1, 5];

function versionAtMost(version: string, max: number[]): boolean {
  if (version === '*') return true;
  const parts = version.split('.').map(Number);
  if (parts.some((n) => !Number.isInteger(n))) return false;
  for (let i = 0; i < max.length; i++) {
    const a = parts[i] ?? 0;
    if (a !== max[i]) return a < max[i]!;
  }
  return true;
}

export function requirementsMet(el: JsonRecord): boolean {
  const requires = asRecord(el.requires);
  if (!requires) return true;
  return Object.keys(requires).every((key) => key === 'adaptiveCards' && versionAtMost(getString(requires, key) ?? '', SUPPORTED_VERSION));
}
