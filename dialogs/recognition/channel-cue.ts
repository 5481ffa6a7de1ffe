import type { IntentName } from '../../app/ports';

/**
 * Issue 18: a partner asked to support what was bought through another channel is multi-channel support,
 * however it is worded: "Can you ask Fabrikam to look after the Azure sub we pay for via MCA?" (read as
 * nothing), 「直販で買ったAzure、富士ITパートナーズさんに運用お願いしたい」 (read as adding a partner). The
 * channel named and a word for looking after it say so. Plain alternations with bounded gaps: linear in
 * the text.
 */
const CHANNEL =
  /\b(?:ea|mca|enterprise\s+agreement|microsoft\s+customer\s+agreement|open\s+licen[cs]\w*|open\s+agreement|marketplace|(?:bought|purchased|paid|pay|buy|got)\s+(?:[a-z0-9'-]+\s+){0,3}?(?:direct(?:ly)?|from\s+microsoft|via|through|on|under)\s+(?:an?\s+)?(?:ea|mca|microsoft|marketplace|another\s+csp|the\s+web))\b|直販|直接購入|(?:MS|マイクロソフト|Microsoft)から直|エンタープライズ契約|マーケットプレイス/iu;
const LOOK_AFTER = /\b(?:support|supports|supporting|look\s+after|looks\s+after|manage|managing|take\s+care\s+of|handle|run|operate|maintain|administer)\b|面倒|運用|管理|サポート|保守|見てもら|対応して/iu;
const READ_AS_CHANNEL = new Set<IntentName>(['add_partner', 'none', 'help', 'link_distributor']);

/** Whether `text`, read as `intent`, asks rather for a partner to support a subscription bought elsewhere. */
export function asksForChannelSupport(text: string, intent: IntentName): boolean {
  return READ_AS_CHANNEL.has(intent) && CHANNEL.test(text) && LOOK_AFTER.test(text);
}
