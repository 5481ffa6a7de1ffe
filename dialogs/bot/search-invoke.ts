import type { InvokeResponse } from 'botbuilder';
import type { LoggerPort } from '../../app/ports';
import { parseSearchQuery } from '../../cards';
import { readerLocale, type Locale, type Person } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import { searchChoices, type SearchChoice } from '../request/org-search';

const SEARCH_RESPONSE = 'application/vnd.microsoft.search.searchResponse';
const ERROR = 'application/vnd.microsoft.error';

const answer = (results: SearchChoice[]): InvokeResponse => ({ status: 200, body: { statusCode: 200, type: SEARCH_RESPONSE, value: { results } } });

/**
 * Issue 19: an `application/search` invoke (Teams' typeahead; Slack's block_suggestion arrives as the
 * same invoke): the value is checked at the edge (parseSearchQuery), the asker is the activity's sender
 * as the directory knows them, and the answer holds only organizations eligible for them. Someone the
 * directory does not know, or a dataset they cannot ask about, gets an empty list. Nothing is written.
 */
export async function answerSearch(
  deps: DialogDeps,
  logger: LoggerPort,
  person: Person | undefined,
  value: unknown,
  client: { platform: string; locale?: Locale | undefined },
): Promise<InvokeResponse> {
  const parsed = parseSearchQuery(value);
  if (!parsed.ok) {
    logger.warn({ error: parsed.error, platform: client.platform }, 'search invoke refused at the edge');
    return { status: 400, body: { statusCode: 400, type: ERROR, value: { code: 'BadRequest', message: 'The search request could not be read.' } } };
  }
  if (!person) return answer([]);
  const org = await deps.directory.getOrganization(person.orgId);
  if (!org) return answer([]);
  const facts = deps.readers ? await deps.readers.of(person.id) : {};
  const locale = readerLocale({ chosen: facts.chosen, directory: person.locale, written: facts.written, client: client.locale });
  const { dataset, text, top } = parsed.query;
  return answer(await searchChoices(deps, dataset, { person, org, locale }, text, top));
}
