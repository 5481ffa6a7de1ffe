import type { StorePort } from '../../../domain';

/**
 * People of the sample directory who are on Teams only, given a Slack identity (and their organization
 * the workspace) for a Slack transcript; the IDs match PEOPLE in slack-harness.ts.
 */
async function onSlack(store: StorePort, personId: string, slack: { teamId: string; userId: string }, orgWorkspace?: string): Promise<void> {
  const person = (await store.directory.getPerson(personId))!;
  const org = orgWorkspace ? (await store.directory.getOrganization(person.orgId))! : undefined;
  await store.directory.importDirectory({
    organizations: org ? [{ ...org, slackTeamIds: [...new Set([...(org.slackTeamIds ?? []), orgWorkspace!])] }] : [],
    people: [{ ...person, identities: [...person.identities, { platform: 'slack', ...slack }] }],
    links: [],
    relationships: [],
    subscriptions: [],
  });
}

/** Mei Kobayashi (Fuji IT Partners' admin) on Slack, in workspace T09FUJIIT that her organization names. */
export const meiOnSlack = (store: StorePort) => onSlack(store, 'mei-kobayashi', { teamId: 'T09FUJIIT', userId: 'U09MEIKOB' }, 'T09FUJIIT');

/** Aiko Tanaka (Sakura Cloud Solutions' admin) on Slack, in Sakura's workspace T01SAKURA. */
export const aikoOnSlack = (store: StorePort) => onSlack(store, 'aiko-tanaka', { teamId: 'T01SAKURA', userId: 'U01AIKOTAN' });

/** Marcus Lee (Bayview County Government, US Government cloud) on Slack, in workspace T10BAYVIEW that his organization names. */
export const marcusOnSlack = (store: StorePort) => onSlack(store, 'marcus-lee', { teamId: 'T10BAYVIEW', userId: 'U10MARCUSL' }, 'T10BAYVIEW');
