/**
 * Slack installations of the app, one per workspace (or one per Enterprise Grid organization for an
 * org-wide install). The store keeps what Slack issued at install time as an opaque sealed string: the
 * Slack adapter encrypts it (tokens included) before it reaches the store and decrypts it after, so no
 * store ever holds a token in clear text. Saving an installation again replaces the earlier one.
 */
export interface SlackInstallationRecord {
  /** The workspace (absent for an org-wide Enterprise Grid install). */
  teamId?: string;
  /** The Enterprise Grid organization, when there is one. */
  enterpriseId?: string;
  /** An org-wide install: it serves every workspace of `enterpriseId`. */
  isEnterpriseInstall: boolean;
  /** The Slack user who installed the app. */
  installerUserId?: string;
  installedAt: Date;
  /** The installation as the Slack adapter sealed it (encrypted; never clear text). */
  sealed: string;
}

export interface SlackInstallationPort {
  save(record: SlackInstallationRecord): Promise<void>;
  /** The workspace's own install (not an org-wide one). */
  findByTeam(teamId: string): Promise<SlackInstallationRecord | undefined>;
  /** The org-wide install of an Enterprise Grid organization. */
  findByEnterprise(enterpriseId: string): Promise<SlackInstallationRecord | undefined>;
  /** Removes a workspace's install (app_uninstalled, tokens_revoked); returns how many were removed. */
  deleteTeam(teamId: string): Promise<number>;
  /** Removes an org-wide install; returns how many were removed. */
  deleteEnterprise(enterpriseId: string): Promise<number>;
}
