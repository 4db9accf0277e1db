import { describe, expect, it } from 'vitest';
import { channelLanguage, languageOfTag, recipientLanguage, tagOfPosixLocale } from '../../src/i18n/index.ts';

describe('whose language a message is in', () => {
  it("takes the member's own choice before everything else", () => {
    const decided = recipientLanguage({ choice: 'en', platformLocale: 'es-419', teamLanguage: 'es' });
    expect(decided).toMatchObject({ language: 'en', source: 'choice' });
  });

  it("takes the platform's locale when the member chose none (auto), with the full tag for formats", () => {
    expect(recipientLanguage({ choice: null, platformLocale: 'es-419', teamLanguage: 'en' })).toEqual({
      language: 'es',
      locale: 'es-419',
      source: 'platform',
    });
  });

  it("takes the team's language when the platform says nothing it speaks", () => {
    expect(recipientLanguage({ platformLocale: 'ja-JP', teamLanguage: 'es' })).toMatchObject({
      language: 'es',
      locale: 'es',
      source: 'team',
    });
    expect(recipientLanguage({ teamLanguage: 'es' })).toMatchObject({ language: 'es', source: 'team' });
  });

  it('falls back to English', () => {
    expect(recipientLanguage({})).toEqual({ language: 'en', locale: 'en', source: 'default' });
    expect(recipientLanguage({ choice: 'fr', platformLocale: 'de-DE', teamLanguage: 'xx' })).toMatchObject({
      language: 'en',
      source: 'default',
    });
  });

  it("posts in a channel in the team's language, whoever caused them", () => {
    expect(channelLanguage('es')).toMatchObject({ language: 'es', source: 'team' });
    expect(channelLanguage(undefined)).toMatchObject({ language: 'en' });
  });

  it('maps every es-* tag (and POSIX locales) to the Spanish catalog', () => {
    for (const tag of ['es', 'es-ES', 'es-419', 'es-MX', 'ES-us', 'es_PR.UTF-8'])
      expect(languageOfTag(tag)).toBe('es');
    expect(languageOfTag('en-GB')).toBe('en');
    expect(languageOfTag('pt-BR')).toBeUndefined();
    expect(tagOfPosixLocale('es_MX.UTF-8')).toBe('es-MX');
    expect(tagOfPosixLocale('C')).toBeUndefined();
    expect(tagOfPosixLocale(undefined)).toBeUndefined();
  });
});
