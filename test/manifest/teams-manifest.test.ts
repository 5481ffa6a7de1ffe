import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTeamsManifest } from '../../bot/commands/teams-app-package';
import { shippedGaVersions, teamsValidator } from './teams-schema-validator';

const ROOT = join(__dirname, '..', '..');
const APP_ID = '0e4f8a52-6c1d-4b7e-9a3f-2d5c8e1b7a90';
const settings = { appId: APP_ID, publicUrl: 'https://partnerlink.example.com' };

const manifest = buildTeamsManifest(settings, ROOT);
const ja = JSON.parse(readFileSync(join(ROOT, 'manifest', 'teams', 'ja.json'), 'utf8')) as Record<string, string>;
const version = String(manifest.manifestVersion);
const validateManifest = teamsValidator(version, 'MicrosoftTeams.schema.json');

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}
const bot = (manifest.bots as { botId: string; scopes: string[]; supportsFiles: boolean; commandLists: CommandList[] }[])[0]!;

describe('the Teams app manifest', () => {
  it('uses a GA schema version that @microsoft/app-manifest ships (not devPreview)', () => {
    expect(shippedGaVersions()).toContain(version);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  });

  it('is valid against the official schema once filled in', () => {
    expect(validateManifest(manifest)).toEqual({ valid: true, errors: [] });
  });

  it('carries the app ID, package version and PUBLIC_URL-derived URLs and domain', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest).toMatchObject({
      id: APP_ID,
      version: pkg.version,
      developer: {
        name: 'Partner Link',
        websiteUrl: 'https://partnerlink.example.com/',
        privacyUrl: 'https://partnerlink.example.com/privacy',
        termsOfUseUrl: 'https://partnerlink.example.com/terms',
      },
      validDomains: ['partnerlink.example.com'],
      icons: { color: 'color.png', outline: 'outline.png' },
    });
    expect(JSON.stringify(manifest)).not.toContain('{{');
  });

  it('has one bot for personal, team and group chats, without files', () => {
    expect(bot.botId).toBe(APP_ID);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    const titles = (scope: string) => bot.commandLists.filter((l) => l.scopes.includes(scope)).flatMap((l) => l.commands.map((c) => c.title));
    expect(titles('personal')).toEqual(['link distributor', 'add partner', 'multi-channel support', 'my requests', 'help']);
    expect(titles('team')).toContain('approvals here');
    expect(titles('groupChat')).toContain('approvals here');
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(10);
  });

  it('trims a trailing slash from PUBLIC_URL and keeps a path', () => {
    const m = buildTeamsManifest({ appId: APP_ID, publicUrl: 'https://bots.example.org/partner-link/' }, ROOT);
    expect(m).toMatchObject({
      developer: { privacyUrl: 'https://bots.example.org/partner-link/privacy' },
      validDomains: ['bots.example.org'],
    });
    expect(validateManifest(m).valid).toBe(true);
  });

  describe('the same validator rejects a broken manifest', () => {
    const broken: [string, (m: Record<string, unknown>) => void, string][] = [
      ['no bot ID', (m) => delete (m.bots as Record<string, unknown>[])[0]!.botId, 'botId'],
      ['a bot ID that is not a GUID', (m) => ((m.bots as Record<string, unknown>[])[0]!.botId = '{{MicrosoftAppId}}'), 'pattern'],
      ['the wrong manifestVersion', (m) => (m.manifestVersion = '1.5'), 'manifestVersion'],
      ['a short description over 80 characters', (m) => ((m.description as Record<string, unknown>).short = 'x'.repeat(81)), 'description/short'],
      ['an unknown property', (m) => (m.colour = '#fff'), 'colour'],
    ];
    it.each(broken)('%s', (_name, breakIt, mention) => {
      const copy = structuredClone(manifest);
      breakIt(copy);
      const result = validateManifest(copy);
      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toContain(mention);
    });
  });
});

describe('the Japanese localization file (ja.json)', () => {
  const validateJa = teamsValidator(version, 'MicrosoftTeams.Localization.schema.json');

  it('is declared in localizationInfo', () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'ja', file: 'ja.json' }] });
  });

  it('is valid against the official localization schema of the same version', () => {
    expect(ja.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.Localization.schema.json`);
    expect(validateJa(ja)).toEqual({ valid: true, errors: [] });
    expect(validateJa({ ...ja, 'description.short': undefined, 'name.shrt': 'x' }).valid).toBe(false);
  });

  it('translates every command title and description, and nothing that does not exist', () => {
    const expected = bot.commandLists.flatMap((list, i) =>
      list.commands.flatMap((c, j) => [`bots[0].commandLists[${i}].commands[${j}].title`, ...(c.description ? [`bots[0].commandLists[${i}].commands[${j}].description`] : [])]),
    );
    const commandKeys = Object.keys(ja).filter((k) => k.startsWith('bots['));
    expect(commandKeys.sort()).toEqual(expected.sort());
    for (const key of [...commandKeys, 'description.short', 'description.full', 'name.full']) {
      expect(ja[key]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // Japanese text, not a copied English string
    }
  });

  it('gives the same command the same Japanese title in every list', () => {
    const byEnglish = new Map<string, Set<string>>();
    bot.commandLists.forEach((list, i) =>
      list.commands.forEach((c, j) => {
        const set = byEnglish.get(c.title) ?? new Set<string>();
        set.add(ja[`bots[0].commandLists[${i}].commands[${j}].title`]!);
        byEnglish.set(c.title, set);
      }),
    );
    for (const [english, japanese] of byEnglish) expect([english, japanese.size]).toEqual([english, 1]);
    expect([...byEnglish.get('link distributor')!]).toEqual(['ディストリビューターと連携']);
  });
});
