import type { IntentName } from '../../app/ports';

/**
 * Issue 18: asking what the bot can do, with context in front ("my manager added you to our Teams channel
 * this morning. What kinds of things can you help a distributor admin with?"), read as the thing the
 * context names. What can be asked or typed here, and examples of it, is help. Plain alternations with
 * bounded gaps: linear in the text.
 */
const EN_HELP =
  /\bwhat\s+(?:kinds?\s+of\s+|sorts?\s+of\s+)?(?:things|stuff)\s+(?:can|could|do|should)\s+(?:you|i|we)\b|\b(?:list|menu)\s+of\s+(?:things|commands|what)\b|\bwhat\s+(?:can|could)\s+(?:you|this\s+bot)\s+(?:do|help)\b|\b(?:show|give)\s+(?:me\s+|us\s+)?(?:a\s+few\s+|some\s+)?examples\b|\bwith\s+(?:a\s+few|some)\s+examples\b|\b(?:quick\s+)?tour\b|\blist\s+of\s+(?:things|what)\s+(?:i|we)\s+can\b|\bwhat\s+(?:can|should)\s+i\s+(?:type|say|ask)\b/iu;
const JA_HELP = /何ができ(?:ます|る)|何を(?:頼め|聞け|お願いでき)|どんなこと(?:が|を)(?:でき|頼め|聞け)|使い方を?(?:教え|知りたい)|例を(?:教え|見せ)/u;
const READ_AS_HELP = new Set<IntentName>(['link_distributor', 'add_partner', 'multichannel_support', 'request_status', 'list_approvers', 'greeting', 'none', 'policy_question']);

/** Whether `text`, read as `intent`, asks rather what the bot can do. */
export function asksForHelp(text: string, intent: IntentName): boolean {
  return READ_AS_HELP.has(intent) && (EN_HELP.test(text) || JA_HELP.test(text));
}
