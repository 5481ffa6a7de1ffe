import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The package root: where package.json and manifest/ live. Found by walking up, because this file runs
 * both from bot/commands (tsx, jest) and from dist/bot/commands (the built CLI).
 */
export function packageRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'manifest'))) return dir;
    if (dirname(dir) === dir) throw new Error(`Cannot find the partner-link package (package.json next to manifest/) above ${from}`);
  }
}

export function readPackageVersion(root = packageRoot()): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: unknown };
  if (typeof pkg.version !== 'string') throw new Error(`${join(root, 'package.json')} has no version`);
  return pkg.version;
}

/** The URLs the manifests use, all derived from PUBLIC_URL. */
export interface PublicAddress {
  /** PUBLIC_URL without a trailing slash, e.g. https://partnerlink.example.com */
  base: string;
  /** Its host name, for Teams' validDomains. */
  host: string;
}

export function publicAddress(publicUrl: string): PublicAddress {
  return { base: publicUrl.replace(/\/+$/, ''), host: new URL(publicUrl).hostname };
}

/**
 * Replaces every {{NAME}} in a template. Placeholders sit inside double-quoted strings (JSON, or YAML
 * double-quoted scalars), so values are escaped as JSON string content, which both accept. A placeholder
 * without a value is a bug in the template, so it throws.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`The manifest template uses ${whole}, which has no value`);
    return JSON.stringify(value).slice(1, -1);
  });
}
