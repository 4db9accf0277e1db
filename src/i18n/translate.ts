// One i18next instance, made once with both catalogs imported statically; each recipient gets a
// fixed translator (`getFixedT`), so concurrent fan-outs never share a current language.
// i18next's HTML escaping is off: views are neutral markup, escaped by construction (only
// literal() text, markup or numbers fill a value), and each renderer escapes for its platform.
import i18next from 'i18next';
import { type MarkupText, markup } from '../chat/markup.ts';
import type { MessageKey, ValuesArgument } from './catalog-types.ts';
import { en } from './catalogs/en.ts';
import { es } from './catalogs/es.ts';
import { type Language, languages } from './languages.ts';

const instance = i18next.createInstance();
void instance.init({
  // Synchronous: the resources are in memory, so `t` works as soon as this module is loaded.
  initAsync: false,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...languages],
  resources: { en: { translation: en }, es: { translation: es } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The catalog's words for one recipient, as view text. */
export interface Translate {
  readonly language: Language;
  /** For Intl formats: `es-419`, `es-ES`, `en-US`, or the bare language. */
  readonly locale: string;
  <K extends MessageKey>(key: K, ...values: ValuesArgument<K>): MarkupText;
}

/** The i18next function with plain string keys: our keys are checked by `MessageKey` instead. */
type Lookup = (key: string, options: Readonly<Record<string, unknown>>) => string;
const fixed = new Map<string, Lookup>();

/** A translator for one language (and the platform tag its dates and numbers follow). */
export function translatorFor(language: Language, locale: string = language): Translate {
  let t = fixed.get(language);
  if (!t) {
    t = instance.getFixedT(language) as unknown as Lookup;
    fixed.set(language, t);
  }
  const bound = t;
  const translate = <K extends MessageKey>(key: K, ...values: ValuesArgument<K>): MarkupText => {
    const options = values[0] ? { ...values[0], lng: language } : { lng: language };
    // The catalog's words are the bot's markup; each value was typed literal/markup/number.
    return markup`${bound(key, options) as unknown as MarkupText}`;
  };
  return Object.assign(translate, { language, locale });
}

/** English, for callers that have no recipient yet (and the default of localised views). */
export const english: Translate = translatorFor('en', 'en');
