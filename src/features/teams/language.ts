// Whose language, from the database: the member's own choice and the platform's last word are
// on their Member row, the team's on its Team row. The order itself is src/i18n's
// (`recipientLanguage`); this file only finds the rows for it.
import type { Actor } from '../../chat/events.ts';
import { type Language, type Translate, translatorOf } from '../../i18n/index.ts';
import {
  type DbClient,
  ensureMember,
  findMember,
  findTeamByChannel,
  type Member,
  type Team,
} from './members.ts';

/** A member's translator for a message about `team` (the event's own locale first, when given). */
export function translatorForMember(
  member: Pick<Member, 'language' | 'platformLocale'> | null | undefined,
  team: Pick<Team, 'language'> | null | undefined,
  eventLocale?: string,
): Translate {
  return translatorOf({
    choice: member?.language,
    platformLocale: eventLocale ?? member?.platformLocale,
    teamLanguage: team?.language,
  });
}

/**
 * The translator for the person who caused an event: their choice, the event's locale (Discord,
 * the shell) or the one remembered (Slack's users.info, an earlier interaction), then the team of
 * this channel (or of `teamId`, or the first team they belong to), then English.
 */
export async function translatorForActor(
  db: DbClient,
  actor: Actor,
  where: { readonly channelId?: string | undefined; readonly teamId?: string | undefined } = {},
): Promise<Translate> {
  const member = await findMember(db, actor);
  const team = where.teamId
    ? await db.team.findUnique({ where: { id: where.teamId } })
    : where.channelId
      ? await findTeamByChannel(db, { ...actor, channelId: where.channelId })
      : null;
  const teamOfMember =
    team ??
    (member
      ? ((await db.teamRole.findFirst({ where: { memberId: member.id }, include: { team: true } }))?.team ??
        null)
      : null);
  return translatorForMember(member, teamOfMember, actor.locale);
}

/**
 * Remembers the locale an event carried (a Discord interaction's), so later direct messages (a
 * check-in prompt, a flag's answer) are in it too: Discord never tells a bot a user's locale.
 */
export async function rememberPlatformLocale(db: DbClient, actor: Actor): Promise<void> {
  if (!actor.locale) return;
  // Asked on every event that carries a locale, so the usual case is a read and nothing more:
  // the stored value is the cache, and it is right on every replica. Writes only on a change
  // (or for someone met for the first time).
  const known = await findMember(db, actor);
  if (known?.platformLocale === actor.locale) return;
  const member = known ?? (await ensureMember(db, actor));
  if (member.platformLocale === actor.locale) return;
  await db.member.update({ where: { id: member.id }, data: { platformLocale: actor.locale } });
}

/** `/peer language es|en|auto`: the member's own choice; `auto` clears it. */
export async function setMemberLanguage(db: DbClient, actor: Actor, choice: Language | 'auto') {
  const member = await ensureMember(db, actor);
  return db.member.update({
    where: { id: member.id },
    data: { language: choice === 'auto' ? null : choice },
  });
}
