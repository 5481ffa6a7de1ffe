import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { fillPlaceholders, packageRoot, publicAddress } from './manifest-sources';

/** Where Bolt receives events, interactivity and slash commands (its default endpoint). */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Every place in manifest/slack/manifest.yml that holds a request URL. */
const REQUEST_URL_PATHS = [
  ['settings', 'event_subscriptions', 'request_url'],
  ['settings', 'interactivity', 'request_url'],
  ['settings', 'interactivity', 'message_menu_options_url'],
  ['features', 'slash_commands', 0, 'url'],
] as const;

const GENERATED_HEADER = [
  ' Slack app manifest for Partner Link, made by `partner-link manifest slack` from manifest/slack/manifest.yml.',
  ' Paste it at https://api.slack.com/apps > Create New App > From an app manifest.',
].join('\n');

export type SlackManifestSettings =
  | { socketMode: false; publicUrl: string }
  | { socketMode: true; publicUrl?: string };

/**
 * manifest/slack/manifest.yml, filled in, as YAML text with its comments kept. In Socket Mode the app
 * connects out to Slack, so the request URLs are left out and PUBLIC_URL is not needed.
 */
export function buildSlackManifest(settings: SlackManifestSettings, root = packageRoot()): string {
  const template = readFileSync(join(root, 'manifest', 'slack', 'manifest.yml'), 'utf8');
  const base = settings.publicUrl ? publicAddress(settings.publicUrl).base : 'https://unused.invalid';
  const doc = parseDocument(fillPlaceholders(template, { PUBLIC_URL: base }));
  if (doc.errors.length > 0) throw new Error(`manifest/slack/manifest.yml is not valid YAML: ${doc.errors[0]!.message}`);
  if (settings.socketMode) {
    for (const path of REQUEST_URL_PATHS) doc.deleteIn([...path]);
  }
  doc.setIn(['settings', 'socket_mode_enabled'], settings.socketMode);
  doc.commentBefore = GENERATED_HEADER;
  return doc.toString({ lineWidth: 110 });
}
