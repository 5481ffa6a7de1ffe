import type { IntentName } from '../../app/ports';

/**
 * Issue 18: an admin managing their organization's approvers, read as something else: "can you set up
 * Lisa from IT as another approver for us" (a greeting), 「木村さんを承認者として登録をお願いできますか」
 * (removing one), "which admins are set as approvers at Contoso Distribution" (a link, for the
 * organization's name). Who is made, removed or listed as an approver says which. Plain alternations with
 * bounded gaps: linear in the text.
 */
const EN_ADD =
  /\b(?:make|set(?:\s+up)?|add|register|appoint|nominate|name|enrol|enroll)\s+(?:[\p{L}\p{N}'’.-]+\s+){1,5}?as\s+(?:an?\s+|another\s+|our\s+|the\s+|one\s+of\s+the\s+)?(?:new\s+|additional\s+|extra\s+|second\s+|backup\s+)?approvers?\b|\badd\s+(?:[\p{L}\p{N}'’.-]+\s+){1,4}?to\s+(?:the\s+|our\s+)?approvers\b|\bwant\s+(?:[\p{L}'’.-]+\s+){1,2}?to\s+be\s+able\s+to\s+approve\b|\blet\s+(?:[\p{L}'’.-]+\s+){1,2}?approve\s+(?:requests|links|for\s+us)\b/iu;
const JA_ADD = /承認者(?:として|に)(?:も)?(?:登録|追加|加え|設定|入れ)/u;
const EN_REMOVE =
  /\b(?:remove|take|drop|kick|delete)\s+(?:[\p{L}\p{N}'’.-]+\s+){1,5}?(?:off|from|out\s+of)\s+(?:the\s+|our\s+)?approvers?\b|\bno\s+longer\s+(?:be\s+)?(?:an?\s+)?approver\b|\bget\s+rid\s+of\s+(?:him|her|them)\b/iu;
const JA_REMOVE = /承認者(?:から|を)(?:外|削除|除|解除)|承認者(?:の権限)?(?:を)?(?:外して|はずして)/u;
const EN_LIST = /\b(?:who|which\s+(?:people|admins|colleagues|users|persons))\s+(?:(?:in|at|of)\s+(?:[\p{L}\p{N}'’.-]+\s+){1,3}?)?(?:are|is)\s+(?:set\s+(?:up\s+)?as\s+|listed\s+as\s+|currently\s+|our\s+|the\s+)?(?:the\s+)?approvers?\b|\b(?:list|show)\s+(?:me\s+)?(?:the\s+|our\s+|all\s+(?:the\s+)?)?approvers\b/iu;

const JA_LIST = /承認者(?:として)?登録されて(?:いる|る)|承認者(?:は|って)(?:誰|だれ)|承認者(?:の)?(?:一覧|リスト|メンバー)/u;

const NOT_ADD = new Set<IntentName>(['add_approver']);
/** Who is registered, the list: 「承認者として登録されているのは誰ですか」 asks for it, adds no one. */
const ASKS_WHO = /\b(?:who|which)\b|誰|だれ|一覧|リスト|登録されて(?:いる|る)/iu;

/** The approvers' intent the words say instead of `intent`, if any. */
export function approversIntent(text: string, intent: IntentName): 'add_approver' | 'remove_approver' | 'list_approvers' | undefined {
  if (intent !== 'remove_approver' && (EN_REMOVE.test(text) || JA_REMOVE.test(text))) return 'remove_approver';
  if (!NOT_ADD.has(intent) && !ASKS_WHO.test(text) && (EN_ADD.test(text) || JA_ADD.test(text))) return 'add_approver';
  if (intent !== 'list_approvers' && ['link_distributor', 'add_partner', 'multichannel_support', 'help', 'greeting', 'add_approver'].includes(intent) && (EN_LIST.test(text) || JA_LIST.test(text))) return 'list_approvers';
  return undefined;
}
