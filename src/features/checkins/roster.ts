// The roster: who is on the team, as the platform says. Read from the channel's members (bots
// and deactivated users left out) whenever it matters: at set-up, when a round opens
// (`/peer checkin now` too), for `/peer team show`, and once a day; a member-joined event adds
// the person at once. A roster read only at set-up missed everyone who joined after it.
// People who left the channel leave the roster; their answers stay theirs. Without a platform
// client (or before the first read) the team's role holders stand in.
import { type ChatClient, errorFields, type PlatformPerson } from '../../chat/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { isValidTimeZone } from '../../scheduling/index.ts';
import type { RosterPort } from '../ports.ts';
import type { CheckinsDeps, Member, Team } from './context.ts';

export interface RosterPerson {
  readonly member: Member;
  readonly roles: readonly string[];
}

/** The platform's people for the team channel, or undefined when the platform cannot say. */
export async function readPlatformRoster(
  client: ChatClient | undefined,
  team: Team,
): Promise<readonly PlatformPerson[] | undefined> {
  if (!client?.listChannelMembers) return undefined;
  const people = await client.listChannelMembers({
    platform: team.workspace.platform,
    workspaceId: team.workspace.externalId,
    channelId: team.channelId,
  });
  const humans = people.filter((p) => !p.isBot && !p.deleted);
  // A team channel always holds at least the person who set it up: an empty list is the
  // platform not saying (a missing scope, a hiccup), and writing it would empty the roster.
  return humans.length > 0 ? humans : undefined;
}

/**
 * Writes what the platform said: new people join, returning people come back, others leave.
 * The roster is read whenever a round opens and for `/peer team show`, so only what changed is
 * written: a channel read again unchanged costs a few reads, not several writes a person.
 */
export async function writeRoster(tx: DbClient, team: Team, people: readonly PlatformPerson[], now: Date) {
  const [known, entries, memberRoles] = await Promise.all([
    tx.member.findMany({
      where: { workspaceId: team.workspaceId, platformUserId: { in: people.map((p) => p.userId) } },
    }),
    tx.checkinRosterEntry.findMany({ where: { teamId: team.id } }),
    tx.teamRole.findMany({ where: { teamId: team.id, role: 'member' }, select: { memberId: true } }),
  ]);
  const byUser = new Map(known.map((m) => [m.platformUserId, m]));
  const entryOf = new Map(entries.map((e) => [e.memberId, e]));
  const hasRole = new Set(memberRoles.map((r) => r.memberId));
  const memberIds: string[] = [];
  for (const person of people) {
    const member = await memberFor(tx, team, person, byUser.get(person.userId));
    memberIds.push(member.id);
    const entry = entryOf.get(member.id);
    if (!entry?.active)
      await tx.checkinRosterEntry.upsert({
        where: { teamId_memberId: { teamId: team.id, memberId: member.id } },
        create: { teamId: team.id, memberId: member.id, seenAt: now },
        update: { active: true, leftAt: null, seenAt: now },
      });
    if (!hasRole.has(member.id))
      await tx.teamRole.upsert({
        where: { teamId_memberId_role: { teamId: team.id, memberId: member.id, role: 'member' } },
        create: { teamId: team.id, memberId: member.id, role: 'member' },
        update: {},
      });
  }
  await tx.checkinRosterEntry.updateMany({
    where: { teamId: team.id, memberId: { in: memberIds } },
    data: { seenAt: now },
  });
  const left = await tx.checkinRosterEntry.updateMany({
    where: { teamId: team.id, active: true, memberId: { notIn: memberIds } },
    data: { active: false, leftAt: now },
  });
  await tx.checkinTeamSettings.upsert({
    where: { teamId: team.id },
    create: { teamId: team.id, rosterReadAt: now },
    update: { rosterReadAt: now },
  });
  return { present: memberIds.length, left: left.count };
}

/** The person's member row: made when new, renamed (and given the platform's zone) only when that changed. */
async function memberFor(tx: DbClient, team: Team, person: PlatformPerson, existing: Member | undefined) {
  const zone = person.timeZone && isValidTimeZone(person.timeZone) ? person.timeZone : undefined;
  if (!existing)
    return tx.member.create({
      data: {
        workspaceId: team.workspaceId,
        platformUserId: person.userId,
        displayName: person.displayName,
        ...(zone ? { timeZone: zone } : {}),
        ...(person.locale ? { platformLocale: person.locale } : {}),
      },
    });
  const fillZone = existing.timeZone === null && zone !== undefined;
  // The platform's locale is refreshed with the roster (issue 24): a member who changes their
  // Slack language reads PeerBridge in it from the next round on, unless they chose their own.
  const newLocale = person.locale !== undefined && person.locale !== existing.platformLocale;
  if (existing.displayName === person.displayName && !fillZone && !newLocale) return existing;
  return tx.member.update({
    where: { id: existing.id },
    data: {
      displayName: person.displayName,
      ...(fillZone ? { timeZone: zone } : {}),
      ...(newLocale ? { platformLocale: person.locale } : {}),
    },
  });
}

type RosterDeps = Pick<CheckinsDeps, 'prisma' | 'clientFor' | 'clock' | 'logger'>;

export async function refreshRoster(deps: RosterDeps, team: Team): Promise<boolean> {
  const people = await readPlatformRoster(deps.clientFor(team.workspace.platform), team);
  if (!people) return false;
  const now = deps.clock.now();
  await deps.prisma.$transaction((tx) => writeRoster(tx, team, people, now));
  return true;
}

/**
 * Reads the platform's roster when it can; a platform that fails leaves the last read in place
 * (logged, names only), so a round still opens for the people already known.
 */
export async function refreshRosterQuietly(deps: RosterDeps, team: Team): Promise<boolean> {
  try {
    return await refreshRoster(deps, team);
  } catch (error) {
    deps.logger.warn(
      { event: 'checkins.roster.failed', teamId: team.id, err: errorFields(error) },
      'could not read the channel roster',
    );
    return false;
  }
}

/** Everyone on the team now, with their roles: the roster once read, else the role holders. */
export async function rosterOf(db: DbClient, teamId: string): Promise<RosterPerson[]> {
  const [entries, roles, settings] = await Promise.all([
    db.checkinRosterEntry.findMany({ where: { teamId, active: true }, include: { member: true } }),
    db.teamRole.findMany({ where: { teamId }, include: { member: true } }),
    db.checkinTeamSettings.findUnique({ where: { teamId } }),
  ]);
  const byMember = new Map<string, { member: Member; roles: string[] }>();
  const source = settings?.rosterReadAt ? entries.map((e) => e.member) : roles.map((r) => r.member);
  for (const member of source) byMember.set(member.id, { member, roles: [] });
  for (const role of roles) byMember.get(role.memberId)?.roles.push(role.role);
  return [...byMember.values()].sort((a, b) => a.member.displayName.localeCompare(b.member.displayName));
}

/** The roster for other features (`/peer team show`), through the RosterPort: read from the platform first. */
export function rosterPort(deps: RosterDeps): RosterPort {
  const { prisma } = deps;
  return {
    async rosterOf(teamId) {
      const team = await prisma.team.findUnique({ where: { id: teamId }, include: { workspace: true } });
      if (team) await refreshRosterQuietly(deps, team);
      const settings = await prisma.checkinTeamSettings.findUnique({ where: { teamId } });
      if (!settings?.rosterReadAt) return undefined;
      const entries = await prisma.checkinRosterEntry.findMany({
        where: { teamId, active: true },
        include: { member: { include: { checkinPrefs: true } } },
      });
      return entries.map((e) => ({ memberId: e.memberId, buddy: e.member.checkinPrefs?.buddy ?? false }));
    },
  };
}
