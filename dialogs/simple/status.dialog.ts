import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { myRequestsCard, stringsFor } from '../../cards';
import { isAdmin } from '../../domain';
import { currentRequestCard } from '../actions/request-cards';
import type { DialogDeps } from '../dialog-deps';
import { sendCard } from '../replies';
import { cardContext, turnInfo } from '../turn-info';
import { orgsFor, subjectOrgIds } from '../../domain';
import { awaitingFor } from './menu';
import { simpleText } from './simple.text';

export interface StatusOptions {
  /** Issue 18: only the requests waiting for this admin's approval. */
  only?: 'awaiting';
}

/** How many requests awaiting an admin are shown as approval cards in one answer. */
const MAX_AWAITING_CARDS = 5;

/** "What about my requests?": what I filed, and for admins what awaits my organization's decision. */
export class StatusDialog extends Dialog {
  constructor(private readonly deps: DialogDeps) {
    super('request_status');
  }

  override async beginDialog(dc: DialogContext, options: StatusOptions = {}): Promise<DialogTurnResult> {
    const info = turnInfo(dc.context);
    const person = info.person!;
    const ctx = cardContext(info);
    const t = simpleText(info.locale);
    // Issue 18: "Show them" under "waiting for your approval" lists only what awaits this admin.
    const mine = options.only === 'awaiting' ? [] : await this.deps.service.listMine(person.id);
    const awaiting = !isAdmin(person) ? [] : options.only === 'awaiting' ? await awaitingFor(person, this.deps) : await this.deps.service.listAwaiting(person.orgId);
    if (mine.length === 0 && awaiting.length === 0) {
      await dc.context.sendActivity(options.only === 'awaiting' ? stringsFor(info.locale).awaiting.none : t.noRequests);
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
