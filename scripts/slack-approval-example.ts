/**
 * Writes docs/slack/approval-card.blockkit.json: the approval card (the same sample as
 * docs/cards/approval.en.png) as the Slack adapter posts it, rendered by adapters/slack/block-kit.
 * Paste the `blocks` into Slack's Block Kit Builder to see it. Run: npx tsx scripts/slack-approval-example.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCard, validateBlocks, type AdaptiveCardJson } from '../adapters/slack/block-kit';
import { CARD_SAMPLES, sampleContext } from '../test/support/card-samples';

const sample = CARD_SAMPLES.find((s) => s.name === 'approval');
if (!sample) throw new Error('the "approval" card sample is missing from test/support/card-samples.ts');
const out: Record<string, unknown> = {};
for (const locale of ['en', 'ja'] as const) {
  const card = sample.build(sampleContext(locale)) as unknown as AdaptiveCardJson;
  const { blocks, text, truncated } = renderCard(card, { locale });
  const problems = validateBlocks(blocks);
  if (problems.length) throw new Error(`the ${locale} approval card breaks Slack's limits: ${JSON.stringify(problems)}`);
  out[locale] = { text, truncated, blocks };
}
const file = join(__dirname, '..', 'docs', 'slack', 'approval-card.blockkit.json');
writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
