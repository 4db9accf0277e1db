// The languages PeerBridge speaks, and how a platform's locale tag maps to one of them.
// Catalogs are per language (`es`), but dates, times and numbers keep the full tag (`es-419`,
// `es-ES`) through Intl, so a member in Mexico and one in Spain each read their own formats.

export const languages = ['en', 'es'] as const;
export type Language = (typeof languages)[number];

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (languages as readonly string[]).includes(value);

/**
 * The catalog for a BCP 47 tag or a POSIX locale: `es`, `es-419`, `es-ES`, `es_MX.UTF-8` are
 * Spanish; `en-US`, `en_GB` English; anything else (or nothing) undefined, so the next source
 * in the order decides (`recipient-language.ts`).
 */
export function languageOfTag(tag: string | null | undefined): Language | undefined {
  if (!tag) return undefined;
  const primary = tag
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return isLanguage(primary) ? primary : undefined;
}

/**
 * A POSIX locale (`es_MX.UTF-8`, `C`, `POSIX`) as a BCP 47 tag (`es-MX`), or undefined when it
 * names no language (`C` and `POSIX` are "no preference").
 */
export function tagOfPosixLocale(value: string | undefined): string | undefined {
  const match = /^([a-z]{2,3})(?:_([A-Za-z]{2}|\d{3}))?/.exec(value?.trim() ?? '');
  if (!match?.[1] || value === 'C' || value === 'POSIX') return undefined;
  return match[2] ? `${match[1]}-${match[2].toUpperCase()}` : match[1];
}

/** A tag Intl can format with: the platform's own when it is this language, else the language. */
export function formattingLocale(language: Language, platformTag?: string | null): string {
  if (platformTag && languageOfTag(platformTag) === language) {
    try {
      return Intl.getCanonicalLocales(platformTag.replace('_', '-'))[0] ?? language;
    } catch {
      return language;
    }
  }
  return language;
}
