import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { SlackInstallationPort } from '../../domain';

/** Why an installation could not be read: the message never carries a token or the key. */
export class SlackInstallationError extends Error {
  constructor(
    readonly code: 'INSTALLATION_NOT_FOUND' | 'INSTALLATION_UNREADABLE',
    message: string,
  ) {
    super(message);
    this.name = 'SlackInstallationError';
  }
}

const VERSION = 'v1';

/**
 * Seals installations (bot tokens included) with AES-256-GCM. The 256-bit key is derived with HKDF
 * from a secret of the environment (SLACK_TOKEN_KEY, else SLACK_STATE_SECRET), so the stored
 * document is ciphertext plus its nonce and tag; a changed or wrong key fails the tag check.
 */
export class InstallationSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (typeof secret !== 'string' || secret.length < 16) throw new Error('The key for Slack tokens (SLACK_TOKEN_KEY or SLACK_STATE_SECRET) must be at least 16 characters.');
    this.key = Buffer.from(hkdfSync('sha256', secret, 'partner-link', 'slack-installation-v1', 32));
  }

  seal(clear: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new SlackInstallationError('INSTALLATION_UNREADABLE', 'A stored Slack installation has an unknown format.');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SlackInstallationError('INSTALLATION_UNREADABLE', 'A stored Slack installation cannot be decrypted (was SLACK_TOKEN_KEY or SLACK_STATE_SECRET changed?).');
    }
  }
}

/** The key's secret from the environment: a dedicated SLACK_TOKEN_KEY, else SLACK_STATE_SECRET. */
export function tokenKeySecret(env: { SLACK_TOKEN_KEY?: string; SLACK_STATE_SECRET?: string }): string | undefined {
  return env.SLACK_TOKEN_KEY || env.SLACK_STATE_SECRET || undefined;
}

/**
 * Bolt's installation store over the store's SlackInstallationPort: what Slack returned at install
 * time is kept whole, sealed; lookups follow Bolt (an org-wide install answers for every workspace
 * of its Grid organization). Nothing here logs an installation.
 */
export class SealedInstallationStore implements InstallationStore {
  constructor(
    private readonly port: SlackInstallationPort,
    private readonly sealer: InstallationSealer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(installation: Installation<AuthVersion, boolean>): Promise<void> {
    const isEnterpriseInstall = installation.isEnterpriseInstall === true;
    await this.port.save({
      ...(installation.team?.id ? { teamId: installation.team.id } : {}),
      ...(installation.enterprise?.id ? { enterpriseId: installation.enterprise.id } : {}),
      isEnterpriseInstall,
      ...(installation.user?.id ? { installerUserId: installation.user.id } : {}),
      installedAt: this.now(),
      sealed: this.sealer.seal(JSON.stringify(installation)),
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const record =
      (query.isEnterpriseInstall || !query.teamId) && query.enterpriseId
        ? await this.port.findByEnterprise(query.enterpriseId)
        : query.teamId
          ? ((await this.port.findByTeam(query.teamId)) ?? (query.enterpriseId ? await this.port.findByEnterprise(query.enterpriseId) : undefined))
          : undefined;
    if (!record) throw new SlackInstallationError('INSTALLATION_NOT_FOUND', `No Slack installation for ${query.teamId ? `workspace ${query.teamId}` : `organization ${query.enterpriseId ?? '?'}`}.`);
    return JSON.parse(this.sealer.open(record.sealed)) as Installation<'v1' | 'v2', boolean>;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (query.isEnterpriseInstall && query.enterpriseId) await this.port.deleteEnterprise(query.enterpriseId);
    else if (query.teamId) await this.port.deleteTeam(query.teamId);
  }

  /** The bot token of the workspace (or of its Grid organization's org-wide install), if installed. */
  async botToken(teamId: string | undefined, enterpriseId?: string): Promise<string | undefined> {
    try {
      const inst = await this.fetchInstallation({ teamId, enterpriseId, isEnterpriseInstall: !teamId } as InstallationQuery<boolean>);
      return inst.bot?.token;
    } catch (err) {
      if (err instanceof SlackInstallationError && err.code === 'INSTALLATION_NOT_FOUND') return undefined;
      throw err;
    }
  }
}
