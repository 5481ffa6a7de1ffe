import type { TurnContext } from 'botbuilder';
import type { ApproverAnswer, ApproverOp, ApproverTarget } from '../../app/ports';
import { approverPickCard, approverResultCard, approversCard, approverStrings, type ApproverCardPerson } from '../../cards';
import type { Person } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import { sendCard } from '../replies';
import { cardContext, turnInfo } from '../turn-info';

/**
 * The words a message about approvers has ("approver", "admin", 「承認者」「管理者」…). An approver intent
 * the classifier guessed for a message without any of them ("did the distributor approve yet?") is not
 * acted on: changing who may approve is a setting, where a guess would do harm.
 */
const APPROVER_WORDS = /approver|aprover|admin|approv(e|ing)\s+(requests?|for)|(can|to)\s+approve|承認者|管理者|承認(の)?権限|承認でき|承認する人|承認担当|承認メンバー|しょうにんしゃ/i;

export const speaksOfApprovers = (text: string): boolean => APPROVER_WORDS.test(text.normalize('NFKC'));

export const APPROVER_INTENTS = ['list_approvers', 'add_approver', 'remove_approver'] as const;
export type ApproverIntent = (typeof APPROVER_INTENTS)[number];
export const isApproverIntent = (x: string): x is ApproverIntent => (APPROVER_INTENTS as readonly string[]).includes(x);

const cardPerson = (p: Person, you?: Person): ApproverCardPerson => ({ id: p.id, name: p.name, roles: p.roles, ...(you && p.id === you.id ? { you: true } : {}) });

/**
 * Issue 16: "list our approvers", "make @Ken an approver" / 「@Ken を承認者にして」, "remove Ken as an
 * approver": the application layer decides (only an admin, own organization only, the last admin
 * stays, audited, the person told); this picks whom the message means and shows the outcome as a card.
 */
export async function manageApprovers(context: TurnContext, deps: DialogDeps, intent: ApproverIntent, text: string): Promise<void> {
  const info = turnInfo(context);
  const person = info.person!;
  if (intent === 'list_approvers') return showAnswer(context, await deps.approvers.list(person));
  const op: ApproverOp = intent === 'add_approver' ? 'add' : 'remove';
  const mentions = info.mentions?.length && deps.completeMentions ? await deps.completeMentions(context, info.mentions) : info.mentions;
  const target: ApproverTarget = mentions?.length ? { mentions } : { text };
  await showAnswer(context, await deps.approvers.change(person, op, target, info.platform));
}

/** A person picked on the "whom do you mean?" card, or the card's list button. */
export async function approverClick(context: TurnContext, deps: DialogDeps, click: { verb: 'approver_pick'; op: ApproverOp; personId: string } | { verb: 'list_approvers' }): Promise<void> {
  const info = turnInfo(context);
  const person = info.person!;
  if (click.verb === 'list_approvers') return showAnswer(context, await deps.approvers.list(person));
  await showAnswer(context, await deps.approvers.change(person, click.op, { personId: click.personId }, info.platform));
}

async function showAnswer(context: TurnContext, answer: ApproverAnswer): Promise<void> {
  const info = turnInfo(context);
  const ctx = cardContext(info);
  const s = approverStrings(info.locale);
  const you = info.person;
  const orgName = (o: { name: string; nameJa?: string } | undefined) => (o ? (info.locale === 'ja' && o.nameJa ? o.nameJa : o.name) : (you?.orgId ?? ''));
  switch (answer.kind) {
    case 'listed':
      return sendCard(context, approversCard({ organizationName: orgName(answer.organization), approvers: answer.approvers.map((p) => cardPerson(p, you)), others: answer.others.map((p) => cardPerson(p, you)) }, ctx));
    case 'ask':
      return sendCard(context, approverPickCard({ op: answer.op, reason: answer.reason, candidates: answer.candidates.map((p) => cardPerson(p)) }, ctx));
    case 'added':
    case 'removed': {
      const org = orgName(answer.organization);
      const line = answer.kind === 'added' ? s.added(answer.person.name, org) : s.removed(answer.person.name, org);
      const told = answer.person.id === you?.id ? [] : [answer.told ? s.told : s.toldLater];
      return sendCard(context, approverResultCard({ title: answer.kind === 'added' ? s.addedTitle : s.removedTitle, lines: [line, ...told], style: 'good' }, ctx));
    }
    case 'already':
      return sendCard(context, approverResultCard({ title: s.unchangedTitle, lines: [answer.op === 'add' ? s.alreadyApprover(answer.person.name) : s.notApprover(answer.person.name)] }, ctx));
    case 'not_admin':
      return sendCard(context, approverResultCard({ title: s.notAdminTitle, lines: [s.notAdmin], style: 'attention' }, ctx));
    case 'managed_by_group':
      return sendCard(context, approverResultCard({ title: s.unchangedTitle, lines: [s.managedByGroup], style: 'attention' }, ctx));
    case 'last_admin':
      return sendCard(context, approverResultCard({ title: s.lastAdminTitle, lines: [s.lastAdmin(answer.person.name)], style: 'attention' }, ctx));
  }
}
