import { resolve } from 'node:path';
import { z } from 'zod';
import { CloudSchema, CodedError, DomainPolicySchema, type DomainPolicy } from '../domain';

const list = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));

/** A secret pasted with a line break or a space around it (a common copy mistake). */
const NO_SURROUNDING_SPACE = /^\S(.*\S)?$/s;
const SURROUNDING_SPACE_MESSAGE = 'must not start or end with a space or a line break (copied with the value?)';

/**
 * Every environment variable the bot reads, in one place. `.env.example` documents each one; keep the
 * two in step (a test checks that every key here appears there).
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /** The address to listen on: loopback unless set (0.0.0.0 or :: for every interface, as in a container). */
  HOST: z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, { message: 'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0' }).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, { message: 'must start with mongodb:// or mongodb+srv://' })
    .regex(NO_SURROUNDING_SPACE, { message: SURROUNDING_SPACE_MESSAGE })
    .optional(),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, { message: 'letters, digits, _ and - only' }).optional(),
  SEED_DIRECTORY: z.string().min(1).default('directory/sample-directory.yaml'),
  NATIONAL_CLOUD_SINGLE_PARTNER: list(CloudSchema).default([]),
  CLOSED_CLOUDS: list(CloudSchema).default(['germany']),
  REQUEST_EXPIRY_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Issue 15: days without a decision before the approvers of the current step are first reminded. */
  REMINDER_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(3),
  /** Issue 15: days between later reminders, until the request is decided or expires. */
  REMINDER_EVERY_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  /** Issue 15: how often each instance looks for requests to expire and approvers to remind. */
  REQUEST_SCHEDULE_EVERY_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  /**
   * How often each instance asks the store whether organization names changed (one small read), and if so
   * puts the recognizer's new organization-name index in use (read back when another instance saved it).
   */
  ORGANIZATION_INDEX_REFRESH_SECONDS: z.coerce.number().int().min(1).max(86_400).default(30),

  /** Public HTTPS base URL of the bot (for manifests and links), e.g. https://partnerlink.example.com */
  PUBLIC_URL: z.string().url().regex(/^https?:\/\//, { message: 'must be an http(s) URL' }).optional(),

  // Teams (Bot Framework). Names follow botbuilder's own configuration keys.
  /** off: no /api/messages at all (a Slack-only deployment). */
  TEAMS: z.enum(['on', 'off']).default('on'),
  MicrosoftAppId: z.string().uuid({ message: 'must be the bot\'s Microsoft App ID (a GUID)' }).optional(),
  MicrosoftAppPassword: z.string().min(1).regex(NO_SURROUNDING_SPACE, { message: SURROUNDING_SPACE_MESSAGE }).optional(),
  // Azure stopped creating multi-tenant bot registrations in July 2025: single-tenant is the default.
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: z.string().uuid({ message: 'must be a tenant ID (a GUID)' }).optional(),
  /** Entra tenants whose users may use the bot (empty: any tenant the app is installed in). */
  ALLOWED_TENANT_IDS: list(z.string().uuid({ message: 'each entry must be a tenant ID (a GUID)' })).default([]),
  /** Local development: start Microsoft 365 Agents Playground with `npm start` (never with credentials or in production). */
  PLAYGROUND: z.enum(['on', 'off']).default('on'),
  /** Port of the first Playground (the requester); the approver's is the next one. */
  PLAYGROUND_PORT: z.coerce.number().int().min(1024).max(65534).default(56150),

  // Slack (Bolt's usual names).
  SLACK_SIGNING_SECRET: z.string().min(1).regex(NO_SURROUNDING_SPACE, { message: SURROUNDING_SPACE_MESSAGE }).optional(),
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, { message: 'must be a bot token (xoxb-...)' }).optional(),
  SLACK_APP_TOKEN: z.string().regex(/^xapp-/, { message: 'must be an app-level token (xapp-...)' }).optional(),
  SLACK_API_URL: z.string().url().optional(),
  /** A distributed app (OAuth, one installation per workspace): the app's client ID and secret. */
  SLACK_CLIENT_ID: z.string().min(1).regex(NO_SURROUNDING_SPACE, { message: SURROUNDING_SPACE_MESSAGE }).optional(),
  SLACK_CLIENT_SECRET: z.string().min(1).regex(NO_SURROUNDING_SPACE, { message: SURROUNDING_SPACE_MESSAGE }).optional(),
  /** Signs the OAuth state; also the key for bot tokens at rest unless SLACK_TOKEN_KEY is set. */
  SLACK_STATE_SECRET: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  /** A dedicated key for bot tokens at rest (AES-256-GCM); unset: SLACK_STATE_SECRET. */
  SLACK_TOKEN_KEY: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  /** Slack workspaces (team IDs) allowed to use the bot (empty: any workspace the app is installed in). */
  /**
   * How long Slack's acknowledgement may wait for the store to record a delivery; a slower store hands
   * it to this instance's journal instead. 0: always wait for the store.
   */
  SLACK_ACK_BUDGET_MS: z.coerce.number().int().min(0).max(2500).default(25),
  /** At most this many Slack deliveries are worked on at once per instance (the rest wait, at most 30 s). */
  SLACK_MAX_TURNS_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(16),
  /** A Slack delivery left pending (or journaled) longer than this is not replayed at start but marked dead. */
  SLACK_RECOVERY_MAX_AGE_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  /** This instance's folder for that journal (default: slack-ack-journal under DATA_DIR). */
  SLACK_ACK_JOURNAL_DIR: z.string().min(1).optional(),
  ALLOWED_SLACK_TEAM_IDS: list(z.string().regex(/^[TE][A-Z0-9]{2,20}$/, { message: 'each entry must be a Slack team ID such as T0123ABCD' })).default([]),

  // Microsoft Partner Center (optional; off unless PARTNER_CENTER_ENABLED=true).
  PARTNER_CENTER_ENABLED: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The App ID registered in Partner Center (Account settings, App management). */
  PARTNER_CENTER_CLIENT_ID: z.string().uuid({ message: 'must be the App ID (a GUID) from Partner Center App management' }).optional(),
  /** The partner's own Entra tenant (GUID or its domain). */
  PARTNER_CENTER_TENANT_ID: z.string().regex(/^[A-Za-z0-9.-]{3,253}$/, { message: "must be the partner's tenant ID (a GUID) or its domain" }).optional(),
  /** The app's client secret, for app-only calls (client credentials). */
  PARTNER_CENTER_CLIENT_SECRET: z.string().min(1).regex(NO_SURROUNDING_SPACE, { message: SURROUNDING_SPACE_MESSAGE }).optional(),
  /** 32 bytes, base64 or hex: the key of the stored (encrypted) Microsoft token cache. */
  PARTNER_CENTER_CACHE_KEY: z.string().min(1).regex(NO_SURROUNDING_SPACE, { message: SURROUNDING_SPACE_MESSAGE }).optional(),
  PARTNER_CENTER_API_URL: z.string().url().regex(/^https?:\/\//, { message: 'must be an http(s) URL' }).default('https://api.partnercenter.microsoft.com/v1'),
  PARTNER_CENTER_AUTHORITY_HOST: z.string().url().regex(/^https?:\/\//, { message: 'must be an http(s) URL' }).default('https://login.microsoftonline.com'),
  PARTNER_CENTER_GRAPH_URL: z.string().url().regex(/^https?:\/\//, { message: 'must be an http(s) URL' }).default('https://graph.microsoft.com/v1.0'),
  /** How often the bot repeats the directory sync from Partner Center, in hours; 0 = never (only `partner-link sync`). */
  PARTNER_CENTER_SYNC_HOURS: z.coerce.number({ message: 'must be a number of hours (0 = off)' }).min(0).max(24 * 31).default(0),
  /** Days a request may wait in "completing in Partner Center" before those who must act there are reminded, then every PARTNER_CENTER_COMPLETION_REMINDER_EVERY_DAYS. */
  PARTNER_CENTER_COMPLETION_REMINDER_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(1).max(3650).default(3),
  PARTNER_CENTER_COMPLETION_REMINDER_EVERY_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(1).max(3650).default(7),
  /** Multi-channel for a licence: the partner and the customer are reminded this many days before its term ends. */
  PARTNER_CENTER_TERM_END_REMINDER_DAYS: z.coerce.number({ message: 'must be a number of days' }).int().min(1).max(365).default(30),
  /** Issue 17: add-partner requests may ask for admin access (GDAP), created through Microsoft Graph (PARTNER_CENTER_GRAPH_URL) with the Partner Center sign-in. */
  PARTNER_CENTER_GDAP: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** Issue 17: the object ID of your security group that an active GDAP relationship's roles are given to (an access assignment); empty: the partner assigns them itself. */
  PARTNER_CENTER_GDAP_GROUP_ID: z.union([z.literal(''), z.string().uuid({ message: 'must be the object ID (a GUID) of a security group in your tenant' })]).default(''),

  // Issue 16 (optional): Teams admins from an Entra group per organization (Organization.adminGroupId).
  /** true: read the admin groups through Microsoft Graph with the bot's app (MicrosoftAppId / MicrosoftAppPassword). */
  ENTRA_ADMIN_GROUPS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  ENTRA_AUTHORITY_HOST: z.string().url().regex(/^https?:\/\//, { message: 'must be an http(s) URL' }).default('https://login.microsoftonline.com'),
  GRAPH_API_URL: z.string().url().regex(/^https?:\/\//, { message: 'must be an http(s) URL' }).default('https://graph.microsoft.com/v1.0'),
  /** How long a group's members are kept in the store before Graph is asked again. */
  ENTRA_ADMIN_GROUP_CACHE_MINUTES: z.coerce.number({ message: 'must be a number of minutes' }).int().min(1).max(24 * 60).default(15),

  // Issue 18: when the bot asks which of two meanings a message has, instead of guessing.
  /** Ask when the best intent's score is below this (0..1). */
  NLU_ASK_BELOW: z.coerce.number({ message: 'must be a number from 0 to 1' }).min(0).max(1).default(0.6),
  /** Ask when the second-best intent's score is within this of the best one (0..1). */
  NLU_ASK_MARGIN: z.coerce.number({ message: 'must be a number from 0 to 1' }).min(0).max(1).default(0.2),
});
export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends RawConfig {
  dataDir: string;
  /** Where Slack deliveries acknowledged while the store was slow wait (undefined: SLACK_ACK_BUDGET_MS=0). */
  slackAckJournalDir?: string;
  /** The directory file loaded into an empty store on start, or undefined when seeding is off. */
  seedDirectory?: string;
  policy: DomainPolicy;
}

export class ConfigError extends CodedError<'CONFIG_INVALID'> {
  constructor(readonly problems: string[]) {
    super('CONFIG_INVALID', `Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable and its format.`);
  }
}

/**
 * The variables that hold secrets. A configuration error names them and the problem, never their value;
 * `config-secrets.test.ts` checks each one.
 */
export const SECRET_VARIABLES: ReadonlySet<string> = new Set(['MONGODB_URI', 'MicrosoftAppPassword', 'SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_TOKEN_KEY', 'PARTNER_CENTER_CLIENT_SECRET', 'PARTNER_CENTER_CACHE_KEY']);

/**
 * Values that look like a secret whatever variable they were put in: Slack tokens, a URI with a user or
 * password, a JWT, a private key, or a long unbroken run of letters and digits (a key or a client secret).
 */
const SECRET_SHAPES = [/xox[a-z]-/i, /xapp-/i, /:\/\/[^/\s]*@/, /eyJ[\w-]{8,}/, /PRIVATE KEY/, /[A-Za-z0-9+/_~.-]{32,}/];

/** Whether a variable's value may be quoted in an error message: never a secret's, never a secret-shaped one, only a short one. */
export function mayQuote(key: string, value: string): boolean {
  return !SECRET_VARIABLES.has(key) && value.length <= 60 && !SECRET_SHAPES.some((shape) => shape.test(value));
}

/** Parses the environment once; throws ConfigError naming each bad variable and the problem (and the value, where it may be shown). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // An empty variable means "not set" (a blank line copied from .env.example).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '(environment)');
        const got = env[key];
        if (got === undefined) return `${key}: ${i.message}`;
        return `${key}: ${i.message}${mayQuote(key, got) ? ` (got "${got}")` : ' (value not shown)'}`;
      }),
    );
  }
  const c = parsed.data;
  if (c.PARTNER_CENTER_ENABLED) {
    const missing = (['PARTNER_CENTER_CLIENT_ID', 'PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CACHE_KEY'] as const).filter((k) => !c[k]);
    if (missing.length) throw new ConfigError(missing.map((k) => `${k}: must be set when PARTNER_CENTER_ENABLED=true`));
  }
  if (c.ENTRA_ADMIN_GROUPS) {
    const missing = (['MicrosoftAppId', 'MicrosoftAppPassword'] as const).filter((k) => !c[k]);
    if (missing.length) throw new ConfigError(missing.map((k) => `${k}: must be set when ENTRA_ADMIN_GROUPS=true (the bot's app reads the groups)`));
  }
  const dataDir = resolve(cwd, c.DATA_DIR);
  const journal = c.SLACK_ACK_BUDGET_MS === 0 ? undefined : resolve(cwd, c.SLACK_ACK_JOURNAL_DIR ?? resolve(dataDir, 'slack-ack-journal'));
  const seed = c.SEED_DIRECTORY.toLowerCase() === 'none' ? undefined : resolve(cwd, c.SEED_DIRECTORY);
  return {
    ...c,
    dataDir,
    ...(journal ? { slackAckJournalDir: journal } : {}),
    ...(seed ? { seedDirectory: seed } : {}),
    policy: DomainPolicySchema.parse({
      singlePartnerClouds: c.NATIONAL_CLOUD_SINGLE_PARTNER,
      closedClouds: c.CLOSED_CLOUDS,
      requestExpiryDays: c.REQUEST_EXPIRY_DAYS,
      reminderAfterDays: c.REMINDER_AFTER_DAYS,
      reminderEveryDays: c.REMINDER_EVERY_DAYS,
      completionReminderAfterDays: c.PARTNER_CENTER_COMPLETION_REMINDER_DAYS,
      completionReminderEveryDays: c.PARTNER_CENTER_COMPLETION_REMINDER_EVERY_DAYS,
      termEndReminderDays: c.PARTNER_CENTER_TERM_END_REMINDER_DAYS,
    }),
  };
}

/**
 * Text about a failure at start (a driver's error, a stack) with every configured secret's value, any
 * URI credentials and any Slack token taken out, for printing before the logger exists.
 */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const key of SECRET_VARIABLES) {
    const value = env[key];
    if (value && value.length >= 4) out = out.split(value).join('[redacted]');
  }
  return out.replace(/(\/\/)[^/\s@]*@/g, '$1[redacted]@').replace(/\b(xox[a-z]|xapp)-[\w-]+/gi, '[redacted]');
}
