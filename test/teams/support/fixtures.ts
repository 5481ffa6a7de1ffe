import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FixtureName =
  | 'message.personal'
  | 'invoke.adaptive-card-action'
  | 'conversation-update.bot-installed'
  | 'conversation-update.personal-bot-only'
  | 'installation-update.personal-add';

/** A recorded-shape Teams activity from test/teams/fixtures (its `_source` note removed), with overrides. */
export function teamsFixture(name: FixtureName, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { _source: _ignored, ...activity } = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;
  return { ...activity, ...overrides };
}
