// A person named in a command option, read the way each platform writes them. Identities come
// from the platform only: a plain word is a person only in the shell playground (which has no
// other way to name someone); on Slack, Discord and Mattermost it is refused, so no "ghost" member is ever
// made for a word nobody can act as.
import { literal } from '../../chat/markup.ts';
import type { Platform } from '../../chat/refs.ts';
import type { Wording } from '../../i18n/index.ts';

export type MentionParse =
  | { readonly ok: true; readonly userId: string }
  | { readonly ok: false; readonly reason: Wording };

// Slack sends `<@U…>` or `<@U…|name>` (W… on Enterprise Grid); ids are upper case and case matters.
const slackMention = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/;
// Discord sends `<@123…>` (or `<@!123…>` for a nickname mention); ids are snowflakes.
const discordMention = /^<@!?(\d{17,20})>$/;
const discordId = /^\d{17,20}$/;
// Mattermost sends what was typed, `@name`; its adapter asks the server who that is and hands
// on `<@id>` (26 lower-case letters and digits), so no name is ever trusted here.
const mattermostMention = /^<@([a-z0-9]{26})>$/;
const shellName = /^(?:@?([A-Za-z0-9._-]{1,64})|<@([A-Za-z0-9._-]{1,64})>)$/;

/** The platform user id in `text`, or a sentence saying how to name someone on this platform. */
export function parseMention(text: string, platform: Platform): MentionParse {
  const trimmed = text.trim();
  const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
  const refused = {
    ok: false,
    reason: (t) =>
      t('teams.mentions.unclear', { value: literal(shown), how: t(`teams.mentions.${platform}`) }),
  } as const satisfies MentionParse;
  switch (platform) {
    case 'slack': {
      const id = slackMention.exec(trimmed)?.[1];
      return id ? { ok: true, userId: id } : refused;
    }
    case 'discord': {
      const id = discordMention.exec(trimmed)?.[1] ?? (discordId.test(trimmed) ? trimmed : undefined);
      return id ? { ok: true, userId: id } : refused;
    }
    case 'mattermost': {
      const id = mattermostMention.exec(trimmed)?.[1];
      return id ? { ok: true, userId: id } : refused;
    }
    case 'shell': {
      const match = shellName.exec(trimmed);
      const name = match?.[1] ?? match?.[2];
      return name ? { ok: true, userId: name } : refused;
    }
  }
}
