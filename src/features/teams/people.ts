// People named by someone else (a mention in `/peer team role`, a roster later) are confirmed
// with the platform before they get a Member row: Slack `users.info`, Discord's guild member
// fetch, the shell's own world of names. Other features use the same path (index.ts exports
// it), so "the supervisor" and "the roster" are always real, reachable people.
import type { Actor } from '../../chat/events.ts';
import { literal } from '../../chat/markup.ts';
import type { ChatClient, PlatformPerson } from '../../chat/outbound.ts';
import type { Platform } from '../../chat/refs.ts';
import { type Translate, wording } from '../../i18n/index.ts';
import { type DbClient, ensureMember, type Member } from './members.ts';
import { parseMention } from './mentions.ts';
import { type Outcome, ok, refuse } from './outcome.ts';

/** The outbound client of a running platform (FeatureDeps.clientFor). */
export type ClientFor = (platform: Platform) => ChatClient | undefined;

const platformName = (t: Translate, platform: Platform) => t(`teams.people.platforms.${platform}`);

const whoToName = {
  slack: 'teams.people.whoSlack',
  discord: 'teams.people.whoDiscord',
  shell: 'teams.people.whoShell',
  mattermost: 'teams.people.whoMattermost',
} as const satisfies Record<Platform, string>;

/**
 * The person with this id as the platform confirms them in the actor's workspace. Refuses
 * (a sentence for the person who asked) when the platform does not know them, when they are a
 * bot or a deactivated account, or when the platform cannot be asked right now. Writes nothing.
 */
export async function confirmPerson(
  clientFor: ClientFor,
  where: Pick<Actor, 'platform' | 'workspaceId'>,
  userId: string,
): Promise<Outcome<PlatformPerson>> {
  const client = clientFor(where.platform);
  if (!client?.lookupUser) {
    return refuse((t) => t('teams.people.cannotCheck', { platform: platformName(t, where.platform) }));
  }
  let person: PlatformPerson | undefined;
  try {
    person = await client.lookupUser({ platform: where.platform, workspaceId: where.workspaceId, userId });
  } catch {
    return refuse((t) => t('teams.people.noAnswer', { platform: platformName(t, where.platform) }));
  }
  if (!person) {
    const near = await client
      .suggestPeople?.({ platform: where.platform, workspaceId: where.workspaceId, userId })
      .catch(() => []);
    return refuse((t) => {
      const values = { platform: platformName(t, where.platform), who: t(whoToName[where.platform]) };
      return near && near.length > 0
        ? t('teams.people.notFoundClosest', { ...values, names: literal(near.join(', ')) })
        : t('teams.people.notFound', values);
    });
  }
  const name = literal(person.displayName);
  if (person.isBot) return refuse(wording('teams.people.bot', { name }));
  if (person.deleted) return refuse(wording('teams.people.deactivated', { name }));
  return ok(person);
}

/** The Member row for a confirmed person, made on first sight (idempotent, safe in a transaction). */
export function memberForPerson(
  db: DbClient,
  where: Pick<Actor, 'platform' | 'workspaceId'>,
  person: PlatformPerson,
): Promise<Member> {
  return ensureMember(db, { ...where, userId: person.userId, displayName: person.displayName });
}

/**
 * Confirm a person with the platform, then make sure they have a Member row: the one path for
 * any feature that turns a user id it was handed into a member.
 */
export async function confirmMember(
  db: DbClient,
  clientFor: ClientFor,
  where: Pick<Actor, 'platform' | 'workspaceId'>,
  userId: string,
): Promise<Outcome<{ member: Member; person: PlatformPerson }>> {
  const confirmed = await confirmPerson(clientFor, where, userId);
  if (!confirmed.ok) return confirmed;
  return ok({ member: await memberForPerson(db, where, confirmed.value), person: confirmed.value });
}

/** A mention typed in a command, read for the actor's platform and confirmed by it. Writes nothing. */
export async function personFromMention(
  clientFor: ClientFor,
  where: Pick<Actor, 'platform' | 'workspaceId'>,
  text: string,
): Promise<Outcome<PlatformPerson>> {
  const mention = parseMention(text, where.platform);
  if (!mention.ok) return refuse(mention.reason);
  return confirmPerson(clientFor, where, mention.userId);
}
