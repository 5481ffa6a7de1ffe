import { TurnContext } from 'botbuilder';
import type { DialogDeps } from '../dialog-deps';
import { turnInfo } from '../turn-info';

const TEXT = {
  en: {
    done: (org: string) => `Done: approval requests for ${org} will be posted in this channel from now on.`,
    notAdmin: 'Only an admin of your organization can choose where approvals go. Nothing was changed.',
    personal: 'Say this in the team channel (or group chat) where approvals should go.',
  },
  ja: {
    done: (org: string) => `設定しました。今後、${org}への承認依頼はこのチャネルに投稿されます。`,
    notAdmin: '承認の投稿先を設定できるのは御社の管理者だけです。変更は行われていません。',
    personal: '承認依頼を受け取りたいチームのチャネル (またはグループ チャット) で、このように入力してください。',
  },
};

/** The answers' text, exported so the Japanese-text check renders them with sample names. */
export const approvalChannelText = (locale: 'en' | 'ja') => TEXT[locale];

/**
 * "Use this channel for approvals" (the approval_channel command): the application layer decides
 * whether this person may, and stores where the organization's approval cards go; this says the outcome.
 */
export async function useChannelForApprovals(context: TurnContext, deps: DialogDeps): Promise<void> {
  const info = turnInfo(context);
  const t = TEXT[info.locale];
  const person = info.person!;
  const outcome = await deps.approvalChannels.useHere({
    person,
    platform: info.platform,
    conversationKind: info.conversationKind,
    reference: TurnContext.getConversationReference(context.activity) as Record<string, unknown>,
  });
  switch (outcome.kind) {
    case 'personal_chat':
      await context.sendActivity(t.personal);
      return;
    case 'not_admin':
      await context.sendActivity(t.notAdmin);
      return;
    case 'set': {
      const org = outcome.organization;
      await context.sendActivity(t.done(org ? (info.locale === 'ja' && org.nameJa ? org.nameJa : org.name) : person.orgId));
    }
  }
}
