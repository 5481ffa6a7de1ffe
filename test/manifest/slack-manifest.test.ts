import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { buildSlackManifest, SLACK_EVENTS_PATH } from '../../bot/commands/slack-app-manifest';

const ROOT = join(__dirname, '..', '..');
const PUBLIC_URL = 'https://partnerlink.example.com';
const EVENTS_URL = `${PUBLIC_URL}${SLACK_EVENTS_PATH}`;

interface SlackManifest {
  _metadata: { major_version: number };
  display_information: { name: string; description: string; long_description: string; background_color: string };
  features: {
    bot_user: { display_name: string };
    app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    slash_commands: { command: string; url?: string; description: string; usage_hint: string }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string; message_menu_options_url?: string };
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

/** Slack's bot token scopes (api.slack.com/scopes), to catch a misspelt one before Slack does. */
const KNOWN_BOT_SCOPES = new Set([
  'app_mentions:read', 'assistant:write', 'bookmarks:read', 'bookmarks:write', 'calls:read', 'calls:write',
  'canvases:read', 'canvases:write', 'channels:history', 'channels:join', 'channels:manage', 'channels:read',
  'channels:write.invites', 'channels:write.topic', 'chat:write', 'chat:write.customize', 'chat:write.public',
  'commands', 'conversations.connect:manage', 'conversations.connect:read', 'conversations.connect:write',
  'dnd:read', 'emoji:read', 'files:read', 'files:write', 'groups:history', 'groups:read', 'groups:write',
  'groups:write.invites', 'groups:write.topic', 'im:history', 'im:read', 'im:write', 'im:write.topic',
  'incoming-webhook', 'links.embed:write', 'links:read', 'links:write', 'metadata.message:read',
  'mpim:history', 'mpim:read', 'mpim:write', 'mpim:write.topic', 'pins:read', 'pins:write', 'reactions:read',
  'reactions:write', 'reminders:read', 'reminders:write', 'remote_files:read', 'remote_files:share',
  'remote_files:write', 'search:read.public', 'team.billing:read', 'team.preferences:read', 'team:read',
  'triggers:read', 'triggers:write', 'usergroups:read', 'usergroups:write', 'users.profile:read',
  'users:read', 'users:read.email', 'users:write', 'workflow.steps:execute',
]);

/** The scope each bot event needs before Slack will deliver it. */
const EVENT_SCOPES: Record<string, string> = { app_mention: 'app_mentions:read', 'message.im': 'im:history' };
/** Events that need no scope (api.slack.com/events/app_uninstalled, /events/tokens_revoked: "No scopes required"). */
const UNSCOPED_EVENTS = ['app_uninstalled', 'tokens_revoked'];
const BOT_EVENTS = ['app_mention', 'message.im', ...UNSCOPED_EVENTS];

const manifest = parse(buildSlackManifest({ socketMode: false, publicUrl: PUBLIC_URL }, ROOT)) as SlackManifest;

describe('the Slack app manifest', () => {
  it('is valid YAML, template and output alike, on manifest schema 2', () => {
    expect(parseDocument(readFileSync(join(ROOT, 'manifest', 'slack', 'manifest.yml'), 'utf8')).errors).toEqual([]);
    expect(manifest._metadata.major_version).toBe(2);
    expect(manifest.display_information.name).toBe('Partner Link');
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.background_color).toMatch(/^#[0-9A-Fa-f]{6}$/);
  });

  it('has a bot user people can DM, and the /partner slash command with a description and usage hint', () => {
    expect(manifest.features.bot_user.display_name).toBe('Partner Link');
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: '/partner', url: EVENTS_URL, description: expect.any(String), usage_hint: expect.stringContaining('help') }),
    ]);
  });

  it('subscribes to DMs and mentions, and sends events and clicks to PUBLIC_URL/slack/events', () => {
    expect(manifest.settings.event_subscriptions).toEqual({ request_url: EVENTS_URL, bot_events: BOT_EVENTS });
    // Issue 19: external_select menus load their options from the same endpoint.
    expect(manifest.settings.interactivity).toEqual({ is_enabled: true, request_url: EVENTS_URL, message_menu_options_url: EVENTS_URL });
    expect(manifest.settings).toMatchObject({ socket_mode_enabled: false, token_rotation_enabled: false });
  });

  it('asks only for known bot scopes, no user scopes, and the ones its events and command need', () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(scopes.filter((s) => !KNOWN_BOT_SCOPES.has(s))).toEqual([]);
    expect(new Set(scopes).size).toBe(scopes.length);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
    for (const event of manifest.settings.event_subscriptions.bot_events) if (!UNSCOPED_EVENTS.includes(event)) expect(scopes).toContain(EVENT_SCOPES[event]);
    expect(scopes).toEqual(expect.arrayContaining(['commands', 'chat:write', 'im:write', 'users:read']));
  });

  it('explains every scope in a comment', () => {
    const template = readFileSync(join(ROOT, 'manifest', 'slack', 'manifest.yml'), 'utf8').split('\n');
    for (const scope of manifest.oauth_config.scopes.bot) {
      const line = template.findIndex((l) => l.trim() === `- ${scope}`);
      expect([scope, template[line - 1]?.trim().startsWith('#')]).toEqual([scope, true]);
    }
  });

  it('--socket-mode turns Socket Mode on and leaves the request URLs out', () => {
    const socket = parse(buildSlackManifest({ socketMode: true }, ROOT)) as SlackManifest;
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(socket.settings.event_subscriptions).toEqual({ bot_events: BOT_EVENTS });
    expect(socket.settings.interactivity).toEqual({ is_enabled: true });
    expect(socket.features.slash_commands[0]).not.toHaveProperty('url');
    expect(JSON.stringify(socket)).not.toMatch(/https?:/);
    expect(socket.oauth_config).toEqual(manifest.oauth_config);
  });

  it('keeps a path in PUBLIC_URL and drops a trailing slash', () => {
    const m = parse(buildSlackManifest({ socketMode: false, publicUrl: 'https://bots.example.org/pl/' }, ROOT)) as SlackManifest;
    expect(m.settings.interactivity.request_url).toBe('https://bots.example.org/pl/slack/events');
  });
});
