import { z } from 'zod';
import { SlugSchema, TenantIdSchema } from './identifiers';

export const PLATFORMS = ['teams', 'slack'] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

export const LocaleSchema = z.enum(['en', 'ja']);
export type Locale = z.infer<typeof LocaleSchema>;

export const RoleSchema = z.enum(['requester', 'admin']);
export type Role = z.infer<typeof RoleSchema>;

/** Teams identifies a person by Entra object ID (a GUID) in a tenant. */
export const TeamsIdentitySchema = z.object({
  platform: z.literal('teams'),
  aadObjectId: TenantIdSchema,
  tenantId: TenantIdSchema.optional(),
});
/** Slack identifies a person by workspace (team) ID and user ID. */
export const SlackIdentitySchema = z.object({
  platform: z.literal('slack'),
  teamId: z.string().regex(/^[TE][A-Z0-9]{2,20}$/, { message: 'A Slack team ID looks like T0123ABCD.' }),
  userId: z.string().regex(/^[UW][A-Z0-9]{2,20}$/, { message: 'A Slack user ID looks like U0123ABCD.' }),
});
export const PlatformIdentitySchema = z.discriminatedUnion('platform', [TeamsIdentitySchema, SlackIdentitySchema]);
export type PlatformIdentity = z.infer<typeof PlatformIdentitySchema>;

export const PersonSchema = z.object({
  id: SlugSchema,
  orgId: SlugSchema,
  name: z.string().trim().min(1).max(200),
  email: z.string().email().optional(),
  roles: z.array(RoleSchema).min(1),
  locale: LocaleSchema.optional(),
  /** IANA time zone such as Asia/Tokyo, for dates on cards. */
  timeZone: z.string().min(1).max(64).optional(),
  identities: z.array(PlatformIdentitySchema).default([]),
});
export type Person = z.infer<typeof PersonSchema>;
export type PersonInput = z.input<typeof PersonSchema>;

export function isAdmin(person: Person): boolean {
  return person.roles.includes('admin');
}

/** One string per identity, unique across the directory: the key the stores index. */
export function identityKey(identity: PlatformIdentity): string {
  return identity.platform === 'teams'
    ? `teams:${identity.aadObjectId}`
    : `slack:${identity.teamId}:${identity.userId}`;
}

/** The language a client reports ('ja-JP' -> 'ja'), when it is one we speak. */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  const l = tag?.toLowerCase();
  if (!l) return undefined;
  if (l.startsWith('ja')) return 'ja';
  if (l.startsWith('en')) return 'en';
  return undefined;
}

/** What is known about the language a person reads, from the strongest signal to the weakest. */
export interface LocaleSignals {
  /** What they asked for ("in English", 「日本語で」). */
  chosen?: Locale | undefined;
  /** The directory's language for them. */
  directory?: Locale | undefined;
  /** The language they last wrote in (kept in the store). */
  written?: Locale | undefined;
  /** What their chat client reports (Teams' activity locale, Slack's users.info locale). */
  client?: Locale | undefined;
}

/**
 * The one language rule for every message and card the bot sends, notifications and redrawn cards
 * included: the person's explicit choice, else the directory's language for them, else the language
 * they last wrote in, else their client's locale, else English.
 */
export function readerLocale(s: LocaleSignals): Locale {
  return s.chosen ?? s.directory ?? s.written ?? s.client ?? 'en';
}

/** An IANA zone name as the platforms send it (Asia/Tokyo, America/Argentina/Buenos_Aires, UTC). */
const ZONE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/;

/** Whether the runtime knows this time zone (a card cannot be drawn in one it does not). */
export function knownTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || tz.length > 64 || !ZONE.test(tz)) return false;
  const known = zoneChecks.get(tz);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    ok = true;
  } catch {
    ok = false;
  }
  // Issue 19: building a DateTimeFormat per call was 9% of a Teams turn's CPU. The answers are kept,
  // bounded (names come from outside): IANA has a few hundred zones, so a full table is cleared and refilled.
  if (zoneChecks.size >= MAX_ZONE_CHECKS) zoneChecks.clear();
  zoneChecks.set(tz, ok);
  return ok;
}
const MAX_ZONE_CHECKS = 2048;
const zoneChecks = new Map<string, boolean>();
