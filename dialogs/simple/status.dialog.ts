import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { myRequestsCard } from '../../cards';
import { isAdmin } from '../../domain';
import { currentRequestCard } from '../actions/request-cards';
import type { DialogDeps } from '../dialog-deps';
import { sendCard } from '../replies';
import { cardContext, turnInfo } from '../turn-info';
import { orgsFor, subjectOrgIds } from '../../domain';
import { simpleText } from './simple.text';

/** How many requests awaiting an admin are shown as approval cards in one answer. */
const MAX_AWAITING_CARDS = 5;

/** "What about my requests?": what I filed, and for admins what awaits my organization's decision. */
export class StatusDialog extends Dialog {
  constructor(private readonly deps: DialogDeps) {
    super('request_status');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const info = turnInfo(dc.context);
    const person = info.person!;
    const ctx = cardContext(info);
    const t = simpleText(info.locale);
    const mine = await this.deps.service.listMine(person.id);
    const awaiting = isAdmin(person) ? await this.deps.service.listAwaiting(person.orgId) : [];
    if (mine.length === 0 && awaiting.length === 0) {
      await dc.context.sendActivity(t.noRequests);
      return dc.endDialog();
    }
    if (mine.length) {
      const organizations = await orgsFor(this.deps.directory, mine.flatMap((r) => subjectOrgIds(r.subject)));
      const awaitingJoin: Record<string, string> = {};
      for (const r of mine) {
        const orgId = await this.deps.reach.awaitingJoin(r);
        if (orgId) awaitingJoin[r.id] = orgId;
      }
      // Issue 15: who must act on each pending request (the reader filed them, so may see who).
      const deciders = Object.fromEntries(
        await Promise.all(mine.filter((r) => r.status === 'pending_approval').map(async (r) => [r.id, (await this.deps.service.whoMustAct(r)).map((p) => p.name)] as const)),
      );
      await sendCard(dc.context, myRequestsCard({ requests: mine, organizations, viewer: person, awaitingJoin, deciders }, ctx));
    }
    if (awaiting.length) {
      await dc.context.sendActivity(t.awaiting(awaiting.length));
      for (const r of awaiting.slice(0, MAX_AWAITING_CARDS)) await sendCard(dc.context, await currentRequestCard(this.deps, r, person, ctx));
    }
    return dc.endDialog();
  }
}
