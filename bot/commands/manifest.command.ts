import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config';
import type { CommandIo } from './command-io';
import { buildSlackManifest } from './slack-app-manifest';
import { buildTeamsAppPackage } from './teams-app-package';

const USAGE = `Usage: partner-link manifest teams [--out dist/teams-app.zip]
       partner-link manifest slack [--out dist/slack-manifest.yml] [--socket-mode]
`;

const NEEDS_APP_ID =
  'Set MicrosoftAppId (the bot\'s Azure app registration ID, a GUID: Azure portal > your Azure Bot > Configuration > Microsoft App ID), then run the command again.';
const NEEDS_PUBLIC_URL = (what: string) =>
  `Set PUBLIC_URL to the bot's public HTTPS address, e.g. https://partnerlink.example.com (${what}), then run the command again.`;

/**
 * `partner-link manifest teams|slack`: fills the app manifests in manifest/ from the configuration.
 * Teams gets a zip to upload; Slack gets YAML to paste into "Create New App > From an app manifest".
 */
export async function runManifestCommand(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string' }, 'socket-mode': { type: 'boolean', default: false } },
    });
  } catch (e) {
    io.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const [target, ...extra] = positionals;
  if (extra.length > 0 || (target !== 'teams' && target !== 'slack') || (target === 'teams' && values['socket-mode'])) {
    io.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig(env);
  return target === 'teams' ? teams(config, values.out, io) : slack(config, values.out, values['socket-mode'], io);
}

function teams(config: Config, out: string | undefined, io: CommandIo): number {
  const problems = [
    ...(config.MicrosoftAppId ? [] : [`MicrosoftAppId is not set. ${NEEDS_APP_ID}`]),
    ...httpsProblems(config.PUBLIC_URL, 'its host goes into the manifest\'s validDomains and developer links; Teams reaches the bot at <PUBLIC_URL>/api/messages'),
  ];
  if (problems.length > 0 || !config.MicrosoftAppId || !config.PUBLIC_URL) return fail(io, problems);
  const zip = buildTeamsAppPackage({ appId: config.MicrosoftAppId, publicUrl: config.PUBLIC_URL });
  const file = write(out ?? 'dist/teams-app.zip', zip);
  io.stdout.write(
    `Wrote ${file} (bot ${config.MicrosoftAppId}, ${config.PUBLIC_URL}).\n` +
      'Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center (Teams apps > Manage apps > Upload new app).\n',
  );
  return 0;
}

function slack(config: Config, out: string | undefined, socketMode: boolean, io: CommandIo): number {
  let yaml: string;
  if (socketMode) {
    yaml = buildSlackManifest({ socketMode, ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}) });
  } else {
    const problems = httpsProblems(config.PUBLIC_URL, `Slack sends events, button clicks and /partner to <PUBLIC_URL>/slack/events; or use --socket-mode`);
    if (problems.length > 0 || !config.PUBLIC_URL) return fail(io, problems);
    yaml = buildSlackManifest({ socketMode, publicUrl: config.PUBLIC_URL });
  }
  if (!out) {
    io.stdout.write(yaml);
    return 0;
  }
  const file = write(out, yaml);
  io.stdout.write(`Wrote ${file}. Paste it at https://api.slack.com/apps > Create New App > From an app manifest.\n`);
  return 0;
}

/** Teams and Slack call the bot only over HTTPS. */
function httpsProblems(publicUrl: string | undefined, why: string): string[] {
  if (!publicUrl) return [`PUBLIC_URL is not set. ${NEEDS_PUBLIC_URL(why)}`];
  if (!publicUrl.startsWith('https://')) {
    return [`PUBLIC_URL must start with https:// (got "${publicUrl}"). ${NEEDS_PUBLIC_URL(why)} For local development use a tunnel such as Dev Tunnels or ngrok.`];
  }
  return [];
}

function fail(io: CommandIo, problems: string[]): number {
  io.stderr.write(`${problems.join('\n')}\nNothing was written.\n`);
  return 1;
}

function write(out: string, data: string | Uint8Array): string {
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  return file;
}
