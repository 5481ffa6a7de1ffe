import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { myRequestsCard } from '../../cards';
import { isClosed } from '../../domain';
import { handleRequestAction } from '../actions/request-actions';
import type { DialogDeps } from '../dialog-deps';
import { sendCard } from '../replies';
import { cardContext, turnInfo } from '../turn-info';
import { orgsFor, subjectOrgIds } from '../../domain';
import { simpleText } from './simple.text';
import { requestIdIn } from '../recognition/request-id';


/** "Cancel my request": the one named by ID, or a list of the open ones with Cancel buttons. */
export class CancelDialog extends Dialog {
  constructor(private readonly deps: DialogDeps) {
    super('cancel_request');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const info = turnInfo(dc.context);
    const person = info.person!;
    const t = simpleText(info.locale);
    const named = requestIdIn(dc.context.activity.text);
    if (named) {
      const request = await this.deps.service.get(named);
      const version = request?.version ?? 1;
      const card = await handleRequestAction(this.deps, { verb: 'cancel_request', requestId: named, version }, info);
      await sendCard(dc.context, card);
      return dc.endDialog();
    }
    const open = (await this.deps.service.listMine(person.id)).filter((r) => !isClosed(r.status));
    if (open.length === 0) {
      await dc.context.sendActivity(t.nothingToCancel);
      return dc.endDialog();
    }
    const organizations = await orgsFor(this.deps.directory, open.flatMap((r) => subjectOrgIds(r.subject)));
    await dc.context.sendActivity(t.pickToCancel);
    await sendCard(dc.context, myRequestsCard({ requests: open, organizations, viewer: person }, cardContext(info)));
    return dc.endDialog();
  }
}
