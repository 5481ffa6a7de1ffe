import { resolve } from 'node:path';
import { z } from 'zod';
import { CloudSchema, DomainPolicySchema, type DomainPolicy } from '../domain';

const list = <T extends z.ZodTypeAny>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item));

/**
 * Every environment variable the bot reads, in one place. `.env.example` documents each one; keep the
 * two in step (a test checks that every key here appears there).
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, { message: 'must start with mongodb:// or mongodb+srv://' })
    .optional(),
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,63}$/, { message: 'letters, digits, _ and - only' }).optional(),
  SEED_DIRECTORY: z.string().min(1).default('directory/sample-directory.yaml'),
  NATIONAL_CLOUD_SINGLE_PARTNER: list(CloudSchema).default([]),
  CLOSED_CLOUDS: list(CloudSchema).default(['germany']),
  REQUEST_EXPIRY_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
});
export type RawConfig = z.infer<typeof ConfigSchema>;

export interface Config extends RawConfig {
  dataDir: string;
  /** The directory file loaded into an empty store on start, or undefined when seeding is off. */
  seedDirectory?: string;
  policy: DomainPolicy;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`Configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable and its format.`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError naming each bad variable and what it got. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // An empty variable means "not set" (a blank line copied from .env.example).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '(environment)');
        const got = env[key];
        return `${key}: ${i.message}${got !== undefined ? ` (got "${got.slice(0, 80)}")` : ''}`;
      }),
    );
  }
  const c = parsed.data;
  const seed = c.SEED_DIRECTORY.toLowerCase() === 'none' ? undefined : resolve(cwd, c.SEED_DIRECTORY);
  return {
    ...c,
    dataDir: resolve(cwd, c.DATA_DIR),
    ...(seed ? { seedDirectory: seed } : {}),
    policy: DomainPolicySchema.parse({
      singlePartnerClouds: c.NATIONAL_CLOUD_SINGLE_PARTNER,
      closedClouds: c.CLOSED_CLOUDS,
      requestExpiryDays: c.REQUEST_EXPIRY_DAYS,
    }),
  };
}
