import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { SigningKeys} from './signing-keys';
import { SigningKeysUnavailableError } from './signing-keys';

/**
 * Which OpenID metadata botframework-connector checks a token from this issuer against, if any (the
 * values of its AuthenticationConstants and GovernmentConstants, which botbuilder does not re-export).
 */
export function metadataUrlFor(issuer: unknown): string | undefined {
  if (typeof issuer !== 'string') return undefined;
  if (issuer === 'https://api.botframework.com') return 'https://login.botframework.com/v1/.well-known/openidconfiguration';
  if (issuer === 'https://api.botframework.us') return 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration';
  if (/^https:\/\/(sts\.windows\.net|login\.microsoftonline\.com)\//.test(issuer)) return 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration';
  if (/^https:\/\/login\.microsoftonline\.us\//.test(issuer)) return 'https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration';
  return undefined;
}

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

function decodePart(part: string | undefined): Record<string, unknown> | undefined {
  if (!part) return undefined;
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** 401, as botframework-connector's AuthenticationError has it (the class is not exported). */
class Unauthorized extends Error {
  readonly statusCode = 401;
}

/**
 * botbuilder's authentication with the key fetch made safe. Before a token reaches botbuilder, the
 * signing key it names must be in the metadata its issuer publishes, fetched by SigningKeys (time-out,
 * one fetch shared by all, a day's cache): unreachable metadata is SigningKeysUnavailableError (503
 * with Retry-After) within the time-out instead of a request that hangs, and a key the metadata does
 * not have is 401 without a fetch per request. botbuilder then checks the token as always, under a
 * deadline, since it fetches the same metadata once more for its own cache (once a day). Everything
 * else is botbuilder's.
 */
export class GuardedBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly keys: SigningKeys,
    private readonly deadlineMs = 10_000,
  ) {
    super(options);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const [scheme, token, ...rest] = authHeader.trim().split(' ');
    const parts = token?.split('.') ?? [];
    if (scheme === 'Bearer' && rest.length === 0 && parts.length === 3) {
      const header = decodePart(parts[0]);
      const url = metadataUrlFor(decodePart(parts[1])?.iss);
      if (url && header) {
        if (typeof header.kid !== 'string' || !(await this.keys.hasKey(url, header.kid))) throw new Unauthorized('The token names no signing key the issuer publishes.');
      }
    }
    return this.withDeadline(super.authenticateRequest(activity, authHeader));
  }

  private async withDeadline<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SigningKeysUnavailableError(Math.ceil(this.deadlineMs / 1000))), this.deadlineMs);
    });
    try {
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
