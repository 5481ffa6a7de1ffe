import { channelReferenceKey, isAdmin, type StorePort } from '../domain';
import type { ApprovalChannelOutcome, ApprovalChannelRequest, ApprovalChannelsPort } from './ports';

/**
 * "Use this channel for approvals": an admin names the team channel or group chat where their
 * organization's approval cards go (otherwise each approver gets them in personal chat). The
 * notifier reads the stored channel reference when a request awaits that organization.
 */
export class ApprovalChannels implements ApprovalChannelsPort {
  constructor(
    private readonly store: Pick<StorePort, 'directory' | 'references'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async useHere(request: ApprovalChannelRequest): Promise<ApprovalChannelOutcome> {
    if (request.conversationKind === 'personal') return { kind: 'personal_chat' };
    const { person, platform } = request;
    if (!isAdmin(person) || (platform !== 'teams' && platform !== 'slack')) return { kind: 'not_admin' };
    await this.store.references.save({
      key: channelReferenceKey(person.orgId, platform),
      platform,
      orgId: person.orgId,
      reference: request.reference,
      updatedAt: this.now(),
    });
    const organization = await this.store.directory.getOrganization(person.orgId);
    return { kind: 'set', ...(organization ? { organization } : {}) };
  }
}
