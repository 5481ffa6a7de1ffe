import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { MentionedPerson } from '../../app/ports';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Teams mention entities usually carry only the account's Teams user ID and display name. In a team
 * channel or group chat, the conversation's roster (the Bot Connector's members API) gives that
 * member's Entra object ID, which is what the directory knows people by. In a personal chat there is
 * no roster of other people, and on any failure the mention is kept as it was (the name still helps).
 */
export async function withEntraIds(context: TurnContext, mentions: readonly MentionedPerson[]): Promise<MentionedPerson[]> {
  if (context.activity.channelId !== 'msteams' || context.activity.conversation?.conversationType === 'personal') return [...mentions];
  return Promise.all(
    mentions.map(async (m) => {
      if (m.platform !== 'teams' || m.aadObjectId || !m.userId) return m;
      try {
        const member = await TeamsInfo.getMember(context, m.userId);
        const aad = typeof member?.aadObjectId === 'string' && GUID.test(member.aadObjectId) ? member.aadObjectId.toLowerCase() : undefined;
        return aad ? { ...m, aadObjectId: aad } : m;
      } catch {
        return m;
      }
    }),
  );
}
