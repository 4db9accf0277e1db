// The one rule for which language a person reads. Every view for one recipient asks it, so a
// fan-out to a mixed team gives each person their own language.
//
// Order: the member's own choice (`/peer language es`), else what their platform says (Slack
// users.info locale, the locale of their last Discord interaction, the shell's LANG), else the
// team's language (`/peer setup language:es`), else English. Channel posts are read by everyone,
// so they use the team's language only (`channelLanguage`).
import { formattingLocale, isLanguage, type Language, languageOfTag } from './languages.ts';

export interface LanguageSources {
  /** `Member.language`: 'en' | 'es', or null/undefined for "auto". */
  readonly choice?: string | null;
  /** The platform's word, a BCP 47 tag: the event's own locale, else `Member.platformLocale`. */
  readonly platformLocale?: string | null;
  /** `Team.language` of the team the message is about. */
  readonly teamLanguage?: string | null;
}

export interface RecipientLanguage {
  readonly language: Language;
  /** For Intl date, time and number formats: the full platform tag when it is this language. */
  readonly locale: string;
  /** Which source decided, for tests and the `/peer language` reply. */
  readonly source: 'choice' | 'platform' | 'team' | 'default';
}

export function recipientLanguage(sources: LanguageSources): RecipientLanguage {
  const decided = (language: Language, source: RecipientLanguage['source']): RecipientLanguage => ({
    language,
    locale: formattingLocale(language, sources.platformLocale),
    source,
  });
  if (isLanguage(sources.choice)) return decided(sources.choice, 'choice');
  const platform = languageOfTag(sources.platformLocale);
  if (platform) return decided(platform, 'platform');
  const team = languageOfTag(sources.teamLanguage);
  if (team) return decided(team, 'team');
  return decided('en', 'default');
}

/** A post everyone in the team's channel reads: the team's language, whoever caused it. */
export function channelLanguage(teamLanguage: string | null | undefined): RecipientLanguage {
  return recipientLanguage({ teamLanguage });
}
