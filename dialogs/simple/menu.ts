import type { TurnContext } from 'botbuilder';
import { helpCard, welcomeCard } from '../../cards';
import { handedOverTo, isAdmin, isClosed, type Person } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import { sendCard } from '../replies';
import { cardContext, turnInfo } from '../turn-info';
import { offerFor } from './offer';

export async function sendWelcome(context: TurnContext, deps: DialogDeps): Promise<void> {
  const info = turnInfo(context);
  const org = info.person ? await deps.directory.getOrganization(info.person.orgId) : undefined;
  const mine = info.person ? await deps.service.listMine(info.person.id) : [];
  const openRequests = mine.filter((r) => !isClosed(r.status)).length;
  const awaiting = await awaitingCount(info.person, deps);
  await sendCard(context, welcomeCard({ ...(info.person ? { person: info.person } : {}), offer: offerFor(org), openRequests, ...(awaiting !== undefined ? { awaiting } : {}) }, cardContext(info)));
}

export async function sendHelp(context: TurnContext, deps: DialogDeps): Promise<void> {
  const info = turnInfo(context);
  const org = info.person ? await deps.directory.getOrganization(info.person.orgId) : undefined;
  const awaiting = await awaitingCount(info.person, deps);
  await sendCard(context, helpCard({ offer: offerFor(org), ...(awaiting !== undefined ? { awaiting } : {}) }, cardContext(info)));
}

/**
 * Issue 18: how many requests wait for this admin's approval (their organization's current step, not
 * handed over to another admin); undefined for a person who approves nothing.
 */
export async function awaitingCount(person: Person | undefined, deps: DialogDeps): Promise<number | undefined> {
  if (!person || !isAdmin(person)) return undefined;
  return (await awaitingFor(person, deps)).length;
}

/** The requests waiting for this admin's decision: their organization's step, unless handed over to someone else. */
export async function awaitingFor(person: Person, deps: DialogDeps) {
  const all = await deps.service.listAwaiting(person.orgId);
  return all.filter((r) => {
    const to = handedOverTo(r);
    return !to || to.personId === person.id;
  });
}
