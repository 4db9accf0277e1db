// Languages: the catalogs, the translator, and the one rule for whose language a message is in.
export type { Catalog, MessageKey, MessageValue, MessageValues } from './catalog-types.ts';
export {
  formattingLocale,
  isLanguage,
  type Language,
  languageOfTag,
  languages,
  tagOfPosixLocale,
} from './languages.ts';
export {
  channelLanguage,
  type LanguageSources,
  type RecipientLanguage,
  recipientLanguage,
} from './recipient-language.ts';
export {
  english,
  type Translate,
  translateSource,
  translatorFor,
  type Wording,
  wording,
} from './translate.ts';

import { type LanguageSources, type RecipientLanguage, recipientLanguage } from './recipient-language.ts';
import { type Translate, translatorFor } from './translate.ts';

/** The translator for a recipient, by the one order (choice, platform, team, English). */
export function translatorOf(sources: LanguageSources | RecipientLanguage): Translate {
  const decided = 'language' in sources ? sources : recipientLanguage(sources);
  return translatorFor(decided.language, decided.locale);
}
