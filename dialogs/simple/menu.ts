import type { TurnContext } from 'botbuilder';
import { helpCard, welcomeCard } from '../../cards';
import { isClosed } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import { sendCard } from '../replies';
import { cardContext, turnInfo } from '../turn-info';
import { offerFor } from './offer';

export async function sendWelcome(context: TurnContext, deps: DialogDeps): Promise<void> {
  const info = turnInfo(context);
  const org = info.person ? await deps.directory.getOrganization(info.person.orgId) : undefined;
  const mine = info.person ? await deps.service.listMine(info.person.id) : [];
  const openRequests = mine.filter((r) => !isClosed(r.status)).length;
  await sendCard(context, welcomeCard({ ...(info.person ? { person: info.person } : {}), offer: offerFor(org), openRequests }, cardContext(info)));
}

export async function sendHelp(context: TurnContext, deps: DialogDeps): Promise<void> {
  const info = turnInfo(context);
  const org = info.person ? await deps.directory.getOrganization(info.person.orgId) : undefined;
  await sendCard(context, helpCard({ offer: offerFor(org) }, cardContext(info)));
}
