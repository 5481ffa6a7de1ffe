import type { TurnContext } from 'botbuilder';
import { formatDateTime } from '../../cards';
import { refusal, REQUESTER_REMINDER_GAP_MS, type Locale, type PartnerRequest } from '../../domain';
import type { DialogDeps } from '../dialog-deps';
import { cardContext, turnInfo, type TurnInfo } from '../turn-info';
import { requestIdIn } from '../recognition/request-id';


const TEXT = {
  en: {
    reminded: (names: string, id: string) => `I reminded ${names} about ${id}.`,
    before: (at: string) => ` The reminder before this one went out on ${at}.`,
    first: ' It is the first reminder about it.',
    nextFrom: (at: string) => ` You can send another one from ${at}.`,
    noApprovers: (id: string) => `Nobody can be reminded about ${id} yet: no admin of the organization that must decide has talked to Partner Link.`,
    recently: (id: string, at: string, next: string) => `The last reminder about ${id} went out on ${at}, so I did not send another. You can send one from ${next}.`,
  },
  ja: {
    reminded: (names: string, id: string) => `${id} について ${names} さんに催促しました。`,
    before: (at: string) => `前回の催促は ${at} に送られました。`,
    first: 'この申請への催促は今回が初めてです。',
    nextFrom: (at: string) => `次の催促は ${at} から送れます。`,
    noApprovers: (id: string) => `${id} について催促できる相手がまだいません。判断する組織の管理者が Partner Link をまだ使っていません。`,
    recently: (id: string, at: string, next: string) => `${id} の前回の催促は ${at} に送られたため、今回は送っていません。次の催促は ${next} から送れます。`,
  },
} as const satisfies Record<Locale, unknown>;

/** The answers' text, exported so the Japanese-text check renders them with sample names. */
export const remindText = (locale: Locale) => TEXT[locale];

/**
 * Issue 15: the requester says "remind them" / 「催促して」: the approvers of each of their requests
 * awaiting approval (or the one named by ID) are reminded, at most once a day per request; the answer
 * says when the last reminder went out, in the requester's language and time zone.
 */
export async function remindApprovers(context: TurnContext, deps: DialogDeps): Promise<void> {
  const info = turnInfo(context);
  const person = info.person!;
  const named = requestIdIn(context.activity.text);
  const targets: string[] = named ? [named] : (await deps.service.listMinePending(person.id)).map((r) => r.id);
  if (targets.length === 0) {
    await context.sendActivity(refusal('NOT_AWAITING_APPROVAL').message[info.locale]);
    return;
  }
  for (const id of targets) await context.sendActivity(await remindOne(deps, id, info));
}

async function remindOne(deps: DialogDeps, id: string, info: TurnInfo): Promise<string> {
  const t = TEXT[info.locale];
  const ctx = cardContext(info);
  const when = (d: Date) => formatDateTime(d, ctx);
  const out = await deps.service.remindNow(id, info.person!, info.platform);
  if (out.kind === 'refused') {
    if (out.expired) await deps.notifier.requestExpired(out.expired.request, out.expired.previous);
    const last = lastReminder(out.request);
    if (out.refusal.code === 'REMINDED_RECENTLY' && last) return t.recently(id, when(last), when(new Date(last.getTime() + REQUESTER_REMINDER_GAP_MS)));
    return out.refusal.message[info.locale];
  }
  await deps.notifier.remind(out.reminded);
  const lastAt = out.reminded.request.reminders!.lastAt;
  if (out.approvers.length === 0) return t.noApprovers(id);
  const names = out.approvers.map((p) => p.name).join(info.locale === 'ja' ? '、' : ', ');
  return t.reminded(names, id) + (out.previousAt ? t.before(when(out.previousAt)) : t.first) + t.nextFrom(when(new Date(lastAt.getTime() + REQUESTER_REMINDER_GAP_MS)));
}

const lastReminder = (r: PartnerRequest | undefined) => r?.reminders?.lastAt;
