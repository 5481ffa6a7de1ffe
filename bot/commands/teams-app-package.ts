import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { fillPlaceholders, packageRoot, publicAddress, readPackageVersion } from './manifest-sources';

/** The files of the Teams app package, all at the root of the zip. */
export const TEAMS_PACKAGE_FILES = ['manifest.json', 'ja.json', 'color.png', 'outline.png'] as const;

export interface TeamsAppSettings {
  /** The bot's Microsoft App ID; also used as the Teams app's own ID. */
  appId: string;
  publicUrl: string;
  /** Defaults to the version in package.json. */
  version?: string;
}

/** manifest/teams/manifest.template.json with the app ID, version and URLs filled in. */
export function buildTeamsManifest(settings: TeamsAppSettings, root = packageRoot()): Record<string, unknown> {
  const template = readFileSync(join(root, 'manifest', 'teams', 'manifest.template.json'), 'utf8');
  const address = publicAddress(settings.publicUrl);
  const text = fillPlaceholders(template, {
    MicrosoftAppId: settings.appId,
    VERSION: settings.version ?? readPackageVersion(root),
    PUBLIC_URL: address.base,
    PUBLIC_HOST: address.host,
  });
  return JSON.parse(text) as Record<string, unknown>;
}

/** The zip to upload to Teams: the filled manifest, the Japanese localization file and the two icons. */
export function buildTeamsAppPackage(settings: TeamsAppSettings, root = packageRoot()): Uint8Array {
  const dir = join(root, 'manifest', 'teams');
  const manifest = buildTeamsManifest(settings, root);
  return zipSync(
    {
      'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
      'ja.json': readFileSync(join(dir, 'ja.json')),
      'color.png': readFileSync(join(dir, 'color.png')),
      'outline.png': readFileSync(join(dir, 'outline.png')),
    } satisfies Record<(typeof TEAMS_PACKAGE_FILES)[number], Uint8Array>,
    { level: 9 },
  );
}
