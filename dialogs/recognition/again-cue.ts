import type { IntentName } from '../../app/ports';

/**
 * Issue 18: 「契約書送りました！もう一度Contosoさんに連携の申請をお願いします」 read as a new link request
 * (once as multi-channel support). Asking to file a request once more is filing it again: the words of a
 * new request, with "again" and a word for filing, are a resubmission. "link us with Contoso again"
 * (no filing word) stays a link request. Plain alternations: linear in the text.
 */
const AGAIN = /\b(?:again|once\s+more)\b|もう一度|もう一回|再度|改めて/iu;
/** Filing said with a verb: "submit the link request once more" (read as the status of one's requests too). */
const FILING_VERB = /\b(?:submit|file|send|apply)\b|申請(?:を)?(?:して|し直|お願い|出)/iu;
const FILING = /\b(?:requests?|application)\b|申請/iu;
const NEW_REQUESTS = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support']);
/**
 * Filing once more said in one verb: "re-send the cancelled request", "refile it", "put it back in",
 * 「再提出」「再申請」: a resubmission even when read as the cancellation it undoes.
 */
const REFILING = /\bre-?(?:send|submit|file|open|do|apply)\b|\bput\s+(?:it|that|them)\s+back(?:\s+in)?\b|\brestore\s+(?:it|that|the|my|our)\b|再提出|再申請|出し直|申請し直/iu;
const UNDONE = new Set<IntentName>([...NEW_REQUESTS, 'request_status', 'cancel_request', 'change_request']);

/** Whether `text`, read as a new request of kind `intent` (or as the status of one's requests), asks rather to file one again. */
export function filesAgain(text: string, intent: IntentName): boolean {
  if (REFILING.test(text) && UNDONE.has(intent)) return true;
  if (!AGAIN.test(text)) return false;
  if (FILING_VERB.test(text)) return NEW_REQUESTS.has(intent) || intent === 'request_status' || intent === 'cancel_request';
  return NEW_REQUESTS.has(intent) && FILING.test(text);
}
