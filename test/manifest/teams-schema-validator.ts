import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

/**
 * The official Teams manifest JSON schemas, as shipped offline by @microsoft/app-manifest
 * (build/json-schemas/teams/v1.x/). They are draft-04, hence ajv-draft-04.
 */
export const TEAMS_SCHEMA_DIR = join(
  require.resolve('@microsoft/app-manifest/package.json'),
  '..', 'build', 'json-schemas', 'teams',
);

/** The GA schema versions shipped (every v1.x folder; vDevPreview is left out), oldest first. */
export function shippedGaVersions(): string[] {
  return readdirSync(TEAMS_SCHEMA_DIR)
    .filter((d) => /^v1\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}

export interface SchemaCheck {
  valid: boolean;
  errors: string[];
}

/** A validator for one schema file of one manifest version, e.g. ('1.30', 'MicrosoftTeams.schema.json'). */
export function teamsValidator(version: string, file: string): (data: unknown) => SchemaCheck {
  const schema = JSON.parse(readFileSync(join(TEAMS_SCHEMA_DIR, `v${version}`, file), 'utf8')) as Record<string, unknown>;
  // As @microsoft/app-manifest's own validateAgainstSchema (the schemas mix type-less keywords), plus
  // unicodeRegExp off: the localization schema has patterns such as `\b]` that are invalid with the u flag.
  const ajv = new AjvDraft04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  return (data) => {
    const valid = validate(data);
    return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`) };
  };
}
