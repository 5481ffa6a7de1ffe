import type { SlackInstallationRecord } from '../../domain';
import { StoreError } from './store-errors';

/** A Slack team or enterprise ID as Slack writes them (T…/E…, upper-case letters and digits). */
const SLACK_ID = /^[A-Z0-9]{2,32}$/;

export function asSlackId(value: unknown): string | undefined {
  return typeof value === 'string' && SLACK_ID.test(value) ? value : undefined;
}

/** Both stores key an install by `team:<id>` or, for an org-wide install, `enterprise:<id>`. */
export const teamInstallKey = (teamId: string): string => `team:${teamId}`;
export const enterpriseInstallKey = (enterpriseId: string): string => `enterprise:${enterpriseId}`;

/** The record as both stores keep it, under its install key. */
export type SlackInstallationDocument = SlackInstallationRecord & { _id: string };

/** Checks a save() before it reaches a store and gives the document both stores keep. */
export function slackInstallationDocument(r: SlackInstallationRecord): SlackInstallationDocument {
  const invalid = (why: string) => new StoreError('INSTALLATION_INVALID', `A Slack installation ${why}.`);
  if (typeof r !== 'object' || r === null) throw invalid('must be an object');
  const teamId = r.teamId === undefined ? undefined : asSlackId(r.teamId);
  const enterpriseId = r.enterpriseId === undefined ? undefined : asSlackId(r.enterpriseId);
  if (r.teamId !== undefined && teamId === undefined) throw invalid('needs a Slack team ID (letters and digits)');
  if (r.enterpriseId !== undefined && enterpriseId === undefined) throw invalid('needs a Slack enterprise ID (letters and digits)');
  if (typeof r.isEnterpriseInstall !== 'boolean') throw invalid('must say whether it is org-wide');
  if (r.isEnterpriseInstall ? enterpriseId === undefined : teamId === undefined) throw invalid(r.isEnterpriseInstall ? 'that is org-wide needs its enterprise ID' : 'needs its team ID');
  if (typeof r.sealed !== 'string' || r.sealed.length === 0 || r.sealed.length > 64_000) throw invalid('needs its sealed content');
  if (!(r.installedAt instanceof Date) || Number.isNaN(r.installedAt.getTime())) throw invalid('needs the time it was installed');
  const installer = typeof r.installerUserId === 'string' ? asSlackId(r.installerUserId) : undefined;
  const id = r.isEnterpriseInstall ? enterpriseInstallKey(enterpriseId as string) : teamInstallKey(teamId as string);
  return {
    _id: id,
    ...(teamId ? { teamId } : {}),
    ...(enterpriseId ? { enterpriseId } : {}),
    isEnterpriseInstall: r.isEnterpriseInstall,
    ...(installer ? { installerUserId: installer } : {}),
    installedAt: r.installedAt,
    sealed: r.sealed,
  };
}

/** A stored document read back as the port's record (fields checked: the file may have been edited). */
export function slackInstallationFromDocument(doc: Record<string, unknown> | null | undefined): SlackInstallationRecord | undefined {
  if (!doc || typeof doc.sealed !== 'string' || typeof doc.isEnterpriseInstall !== 'boolean') return undefined;
  const installedAt = doc.installedAt instanceof Date ? doc.installedAt : new Date(String(doc.installedAt));
  return {
    ...(typeof doc.teamId === 'string' ? { teamId: doc.teamId } : {}),
    ...(typeof doc.enterpriseId === 'string' ? { enterpriseId: doc.enterpriseId } : {}),
    isEnterpriseInstall: doc.isEnterpriseInstall,
    ...(typeof doc.installerUserId === 'string' ? { installerUserId: doc.installerUserId } : {}),
    installedAt,
    sealed: doc.sealed,
  };
}
