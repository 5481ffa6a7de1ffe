import type { Locale } from '../../domain';
import { en } from './en';
import { ja } from './ja';
import type { CardStrings } from './keys';

export type { CardStrings, HelpAudience } from './keys';

const BY_LOCALE: Readonly<Record<Locale, CardStrings>> = { en, ja };

export function stringsFor(locale: Locale): CardStrings {
  return BY_LOCALE[locale];
}
