import { displayName, WORKLOAD_LABELS, type Locale, type Organization, type Workload } from '../../domain';

/**
 * Issue 18: a question typed while a request form is open ("which of these two can do Dynamics 365?",
 * 「この中で Dynamics 365 を扱えるのはどちらですか？」) is answered from the form's own choices, and the form is
 * shown again; it never fills a slot (the workload it names is what it asks about, not a choice).
 */

// English: a question word first (after an optional "and"/"so"/"ok"), or a question mark at the end.
const EN_QUESTION = /^(?:(?:and|so|ok|okay|hmm|but|also|sorry|quick q)[,\s]+)?(?:which|who|what|whats|what's|does|do|can|could|is|are|how|why|where|any)\b/i;
// Asking to pick among the choices: which / who / どちら / どれ / どこ / 誰 / いずれ.
const EN_WHICH = /\b(which|who|whom)\b|\bwhat (partners?|distributors?|ones?|companies)\b/i;
const JA_WHICH = /どちら|どっち|どれ|どこ|誰|だれ|いずれ|どの/;
const JA_QUESTION = /[?？]\s*$|(ですか|ますか|でしょうか|のか|かな|っけ)[。.!！]?\s*$/;

/** Whether the text reads as a question rather than an answer. */
export function isQuestion(text: string): boolean {
  const t = text.trim().normalize('NFKC');
  if (/[?？]\s*$/.test(t)) return true;
  return EN_QUESTION.test(t) || JA_QUESTION.test(t);
}

// "Who approves this?", 「承認って誰がするんですか？」: a question about approving the request, not about the choices.
const ABOUT_APPROVAL = /\bapprov\w*|\bsign(?:s|ed|ing)?\s+off\b|承認|決裁/i;

/** Whether the question asks which of the choices (partners, distributors) fits. */
export function asksWhichChoice(text: string): boolean {
  const t = text.normalize('NFKC');
  return isQuestion(t) && (EN_WHICH.test(t) || JA_WHICH.test(t)) && !ABOUT_APPROVAL.test(t);
}

const names = (orgs: readonly Organization[], locale: Locale) => orgs.map((o) => displayName(o, locale));

function list(items: readonly string[], locale: Locale): string {
  if (locale === 'ja') return items.join('、');
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The answer, in the reader's language: which choices offer the workload asked about, or what each offers. */
export function answerAboutChoices(choices: readonly Organization[], workload: Workload | undefined, locale: Locale): string {
  const label = (w: Workload) => WORKLOAD_LABELS[w][locale];
  if (choices.length === 0) {
    return locale === 'ja'
      ? 'まだ選択肢がありません。フォームの最初の項目を選ぶと、候補が表示されます。'
      : 'There are no choices on the form yet: pick the first item and I will show the candidates.';
  }
  const workloadsOf = (o: Organization) => ('workloads' in o ? o.workloads : []);
  if (!workload) {
    const lines = choices.map((o) => {
      const ws = workloadsOf(o);
      const what = ws.length ? list(ws.map(label), locale) : locale === 'ja' ? '登録なし' : 'none on record';
      return locale === 'ja' ? `・${displayName(o, locale)}: ${what}` : `• ${displayName(o, locale)}: ${what}`;
    });
    return [locale === 'ja' ? '選択肢と、それぞれが扱うワークロードは次のとおりです。' : 'The choices here, and the workloads each one offers:', ...lines].join('\n');
  }
  const yes = choices.filter((o) => workloadsOf(o).includes(workload));
  const no = choices.filter((o) => !workloadsOf(o).includes(workload));
  if (locale === 'ja') {
    if (!yes.length) return `この中に ${label(workload)} を扱っているところはありません。`;
    const not = no.length ? `${names(no, locale).join('、')}は扱っていません。` : '';
    return `この中で ${label(workload)} を扱っているのは、${names(yes, locale).join('、')}です。${not}`;
  }
  if (!yes.length) return `None of the choices here offers ${label(workload)}.`;
  if (!no.length) return `All of the choices here offer ${label(workload)}.`;
  const verb = yes.length === 1 ? 'offers' : 'offer';
  return `Of the choices here, ${list(names(yes, locale), locale)} ${verb} ${label(workload)}; ${list(names(no, locale), locale)} ${no.length === 1 ? 'does' : 'do'} not.`;
}
