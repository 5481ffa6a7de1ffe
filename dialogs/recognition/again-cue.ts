import type { IntentName } from '../../app/ports';

/**
 * Issue 18: 「契約書送りました！もう一度Contosoさんに連携の申請をお願いします」 read as a new link request
 * (once as multi-channel support). Asking to file a request once more is filing it again: the words of a
 * new request, with "again" and a word for filing, are a resubmission. "link us with Contoso again"
 * (no filing word) stays a link request. Plain alternations: linear in the text.
 */
const AGAIN = /\b(?:again|once\s+more)\b|もう一度|もう一回|再度|改めて/iu;
const FILING = /\b(?:requests?|file|submit|application)\b|申請/iu;
const NEW_REQUESTS = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support']);

/** Whether `text`, read as a new request of kind `intent`, asks rather to file one again. */
export function filesAgain(text: string, intent: IntentName): boolean {
  return NEW_REQUESTS.has(intent) && AGAIN.test(text) && FILING.test(text);
}
