import type { IntentName } from '../../app/ports';

/**
 * Issue 18, approvers' phrasings: "can I approve the Contoso one", "who else can sign this off",
 * "what's waiting for my approval", 「Contosoの件、私が承認できますか？」 were read as the list of one's
 * organization's approvers (the classifier saw "approve" and little else). An approver asking about
 * their own part in a request, or about who else can decide one particular request, asks after that
 * request: its status shows what awaits them and who can decide it. The list stays the list: "who are
 * our approvers", "who can approve requests for our company" speak of no one request and not of "me".
 * Plain alternations with bounded gaps: linear in the text.
 */

/** The writer approving: "can I approve", "my approval", "waiting on me", "mine to approve". */
const EN_ME_APPROVING =
  /\b(?:can|could|may|should|do|must|shall)\s+i\s+(?:approve|sign|decide|ok|okay)\b|\bmy\s+(?:approval|sign-?off|decision|ok)\b|\b(?:waiting|pending)\s+(?:on|for)\s+me\b|\bfor\s+me\s+to\s+(?:approve|sign|decide|look\s+at)\b|\bmine\s+to\s+(?:approve|sign|decide)\b/iu;
/** One request pointed at: "approve this", "sign it off", "approve the Contoso one". */
const EN_APPROVE_ONE =
  /\b(?:approve|sign\s+off(?:\s+on)?|decide\s+on)\s+(?:this|that|it)\b|\bsign\s+(?:this|that|it)\s+off\b|\b(?:approve|sign\s+off(?:\s+on)?|decide\s+on)\s+the\s+(?:[a-z0-9'-]+\s+){1,2}?(?:one|request|link|application)\b/iu;
/** Japanese: approval said, with the writer (私が承認) or one request (この件, Contosoの件, この申請). */
const JA_APPROVAL = /承認|判断|決裁/u;
const JA_ME_OR_ONE = /(?:私|わたし|自分|僕)(?:が|で|も|の方で|宛て?|の承認)|(?:この|その|あの|[\p{L}\p{N}]の)件|(?:この|その|あの)申請/u;
/** Lists and the people themselves stay list_approvers: 「承認者の一覧」, 「承認者は誰ですか」. */
const JA_LIST = /一覧|リスト|承認者(?:は|って)誰/u;

/** Read as these, an approver's question about one request is rather its status. */
const READ_AS_STATUS = new Set<IntentName>(['list_approvers', 'add_note', 'help', 'none']);

/** Whether `text`, read as `intent`, asks rather after a request the writer (or someone else) may approve. */
export function asksAboutApprovingOne(text: string, intent: IntentName): boolean {
  if (!READ_AS_STATUS.has(intent)) return false;
  if (EN_ME_APPROVING.test(text) || EN_APPROVE_ONE.test(text)) return true;
  return JA_APPROVAL.test(text) && JA_ME_OR_ONE.test(text) && !JA_LIST.test(text);
}
