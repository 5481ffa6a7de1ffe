import type { Cloud, PurchaseChannel, Workload } from '../../../domain';
import type { Entity, EntityType, OrganizationNames } from '../../../app/ports';
import { CHANNEL_LEXICON } from './channel.lexicon';
import { CLOUD_LEXICON } from './cloud.lexicon';
import { CAPITALS_ONLY, COUNTRY_LEXICON } from './country.lexicon';
import { foldText, type FoldedText } from './folded-text';
import { extractIdentifiers } from './identifier.extractor';
import { OrganizationIndex, type OrganizationMatcher } from './organization-index';
import { PhraseMatcher, type PhraseMatch } from './phrase-matcher';
import { WORKLOAD_LEXICON } from './workload.lexicon';

const workloads = new PhraseMatcher<Workload>(WORKLOAD_LEXICON, { fuzzy: true });
const channels = new PhraseMatcher<PurchaseChannel>(CHANNEL_LEXICON);
const clouds = new PhraseMatcher<Cloud>(CLOUD_LEXICON);
const countries = new PhraseMatcher<string>(COUNTRY_LEXICON);

function toEntities<T extends EntityType>(type: T, matches: PhraseMatch<Entity<T>['value']>[]): Entity<T>[] {
  return matches.map((m) => ({ type, value: m.value, text: m.text, start: m.start, end: m.end, score: m.score }) as Entity<T>);
}

/** "us" is a pronoun: the country only when typed in capitals (US, U.S.). */
function countryTypedAsMeant(m: PhraseMatch<string>): boolean {
  const typed = m.text.normalize('NFKC');
  return !CAPITALS_ONLY.has(typed.toLowerCase()) || typed === typed.toUpperCase();
}

/**
 * Deterministic entity extraction shared by any recognizer: dictionaries for workloads, purchase
 * channels, clouds and countries, fuzzy matching for organization names from the directory, and patterns
 * for identifiers. Names found inside an identifier (the "contoso" of contoso.onmicrosoft.com) are dropped.
 */
export class EntityExtractor {
  private readonly organizations: OrganizationMatcher;

  /** The directory's names, or their index built (or read back) beforehand (issue 19: L has 100,200), or one replaced as names change. */
  constructor(organizations: readonly OrganizationNames[] | OrganizationMatcher = []) {
    this.organizations = isNames(organizations) ? OrganizationIndex.build(organizations) : organizations;
  }

  extract(text: string): Entity[] {
    const folded: FoldedText = foldText(text);
    const identifiers = extractIdentifiers(folded);
    const outsideIdentifiers = (e: Entity) => identifiers.every((i) => e.end <= i.start || e.start >= i.end);
    const named: Entity[] = [
      ...toEntities('organization', this.organizations.match(folded)),
      ...toEntities('workload', workloads.match(folded)),
      ...toEntities('purchase_channel', channels.match(folded)),
      ...toEntities('cloud', clouds.match(folded)),
      ...toEntities('country', countries.match(folded).filter(countryTypedAsMeant)),
    ].filter(outsideIdentifiers);
    return [...identifiers, ...dropInsideOrganizations(named)].sort((a, b) => a.start - b.start || a.end - b.end);
  }
}

function isNames(o: readonly OrganizationNames[] | OrganizationMatcher): o is readonly OrganizationNames[] {
  return Array.isArray(o);
}

/** An organization called "Azure Experts Japan" is an organization, not a mention of Azure or Japan. */
function dropInsideOrganizations(entities: Entity[]): Entity[] {
  const orgs = entities.filter((e) => e.type === 'organization');
  return entities.filter((e) => e.type === 'organization' || !orgs.some((o) => e.start >= o.start && e.end <= o.end));
}
