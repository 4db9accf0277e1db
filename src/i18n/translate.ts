// One i18next instance, made once with both catalogs imported statically; each recipient gets a
// fixed translator (`getFixedT`), so concurrent fan-outs never share a current language.
// i18next's HTML escaping is off: views are neutral markup, escaped by construction (only
// literal() text, markup or numbers fill a value), and each renderer escapes for its platform.
import i18next from 'i18next';
import { type MarkupText, markup } from '../chat/markup.ts';
import type { Catalog, MessageKey, ValuesArgument } from './catalog-types.ts';
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

/** Dates and numbers of a language whose catalog a test replaced (replaceCatalogForTests). */
const testLocales = new Map<Language, string>();

/** A translator for one language (and the platform tag its dates and numbers follow). */
export function translatorFor(language: Language, locale: string = language): Translate {
  const bound = lookupFor(language);
  locale = testLocales.get(language) ?? locale;
  const translate = <K extends MessageKey>(key: K, ...values: ValuesArgument<K>): MarkupText => {
    const options = values[0] ? { ...values[0], lng: language } : { lng: language };
    return catalogWords(bound(key, options));
  };
  return Object.assign(translate, { language, locale });
}

/**
 * The one place text becomes the bot's markup: the catalog's words (each value was typed
 * literal/markup/number), and the English source text a catalog entry translates.
 */
function catalogWords(text: string): MarkupText {
  return markup`${text as unknown as MarkupText}`;
}

/** Words that wait for a reader: a refusal decided before anyone knows whose language it is in. */
export type Wording = (t: Translate) => MarkupText;

/** A catalog key that needs no values, as a Wording. */
export const wording =
  <K extends MessageKey>(key: K, ...values: ValuesArgument<K>): Wording =>
  (t) =>
    t(key, ...values);

/**
 * Text written in code beside a catalog entry that translates it (a command's description in
 * its `defineCommand`): the catalog's words at `key` while its English still equals `source`,
 * else `source` itself. So a command whose English changed shows its new English until the
 * catalog catches up (test/i18n/command-texts.test.ts names it), never a stale translation.
 * The source is the bot's own words in code, as trusted as the catalog; never a person's text.
 */
export function translateSource(t: Translate, key: string, source: string): MarkupText {
  if (!instance.exists(key, { lng: 'en' })) return catalogWords(source);
  const englishText = lookupFor('en')(key, { lng: 'en' });
  return catalogWords(englishText === source ? lookupFor(t.language)(key, { lng: t.language }) : source);
}

function lookupFor(language: Language): Lookup {
  let t = fixed.get(language);
  if (!t) {
    t = instance.getFixedT(language) as unknown as Lookup;
    fixed.set(language, t);
  }
  return t;
}

/** English, for callers that have no recipient yet (and the default of localised views). */
export const english: Translate = translatorFor('en', 'en');

/**
 * A test seam, never called in production: `language` reads its words from `catalog`, and its
 * dates and numbers follow `locale`, until the returned function puts the real ones back. The
 * pseudo-locale test (test/i18n/pseudo-locale.test.ts) gives Spanish readers a marked copy of the
 * English catalog, so any word that reaches them without the catalog shows up unmarked.
 */
export function replaceCatalogForTests(language: Language, catalog: Catalog, locale: string): () => void {
  const original: unknown = instance.getResourceBundle(language, 'translation');
  instance.removeResourceBundle(language, 'translation');
  instance.addResourceBundle(language, 'translation', catalog, true, true);
  testLocales.set(language, locale);
  return () => {
    instance.removeResourceBundle(language, 'translation');
    instance.addResourceBundle(language, 'translation', original, true, true);
    testLocales.delete(language);
  };
}
