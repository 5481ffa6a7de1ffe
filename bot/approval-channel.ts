import { TurnContext } from 'botbuilder';
import { channelReferenceKey, isAdmin, type StorePort } from '../domain';
import type { TurnInfo } from '../dialogs';

const APPROVALS_HERE =
  /^(please\s+)?(use this (channel|chat) for approvals|send approvals (here|to this channel)|approvals here|承認(は|を)?この(チャネル|チャンネル|チャット)で(お願いします)?|この(チャネル|チャンネル)で承認(する)?)[.!。！]?$/i;

const TEXT = {
  en: {
    done: (org: string) => `Done: approval requests for ${org} will be posted in this channel from now on.`,
    notAdmin: 'Only an admin of your organization can choose where approvals go. Nothing was changed.',
    personal: 'Say this in the team channel (or group chat) where approvals should go.',
  },
  ja: {
    done: (org: string) => `設定しました。今後、${org} への承認依頼はこのチャネルに投稿されます。`,
    notAdmin: '承認の投稿先を設定できるのは御社の管理者だけです。変更は行われていません。',
    personal: '承認依頼を受け取りたいチームのチャネル (またはグループ チャット) で、このように入力してください。',
  },
};

/** The text with any @mention of the bot removed ("@Partner Link approvals here"). */
export function commandText(context: TurnContext): string {
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  // Also drop a mention markup the channel did not describe in entities.
  return text.replace(/<at>[^<]*<\/at>/g, '').trim();
}

/**
 * "Use this channel for approvals": an admin names the channel where their organization's approval
 * cards go (otherwise each approver gets them in personal chat). Returns true when it handled the turn.
 */
export async function handleApprovalsHere(context: TurnContext, info: TurnInfo, store: StorePort): Promise<boolean> {
  const text = commandText(context).normalize('NFKC');
  if (!APPROVALS_HERE.test(text)) return false;
  const t = TEXT[info.locale];
  const type = context.activity.conversation?.conversationType;
  if (type === undefined || type === 'personal' || type === 'im') {
    await context.sendActivity(t.personal);
    return true;
  }
  const person = info.person;
  if (!person || !isAdmin(person) || (info.platform !== 'teams' && info.platform !== 'slack')) {
    await context.sendActivity(t.notAdmin);
    return true;
  }
  const org = await store.directory.getOrganization(person.orgId);
  await store.references.save({
    key: channelReferenceKey(person.orgId, info.platform),
    platform: info.platform,
    orgId: person.orgId,
    reference: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
    updatedAt: new Date(),
  });
  await context.sendActivity(t.done(org ? (info.locale === 'ja' && org.nameJa ? org.nameJa : org.name) : person.orgId));
  return true;
}
