// The roster: who is on the team, as the platform says. Read at set-up and once a day from
// the channel's members (bots and deactivated users left out). People who left the channel
// leave the roster; their answers stay theirs. Without a platform client (or before the
// first read) the team's role holders stand in.
import type { ChatClient, PlatformPerson } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
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
  return people.filter((p) => !p.isBot && !p.deleted);
}

/** Writes what the platform said: new people join, returning people come back, others leave. */
export async function writeRoster(tx: DbClient, team: Team, people: readonly PlatformPerson[], now: Date) {
  const memberIds: string[] = [];
  for (const person of people) {
    const existing = await tx.member.findUnique({
      where: { workspaceId_platformUserId: { workspaceId: team.workspaceId, platformUserId: person.userId } },
    });
    const zone = person.timeZone && isValidTimeZone(person.timeZone) ? person.timeZone : undefined;
    const member = existing
      ? await tx.member.update({
          where: { id: existing.id },
          data: {
            displayName: person.displayName,
            ...(existing.timeZone === null && zone ? { timeZone: zone } : {}),
          },
        })
      : await tx.member.create({
          data: {
            workspaceId: team.workspaceId,
            platformUserId: person.userId,
            displayName: person.displayName,
            ...(zone ? { timeZone: zone } : {}),
          },
        });
    memberIds.push(member.id);
    await tx.checkinRosterEntry.upsert({
      where: { teamId_memberId: { teamId: team.id, memberId: member.id } },
      create: { teamId: team.id, memberId: member.id, seenAt: now },
      update: { active: true, leftAt: null, seenAt: now },
    });
    await tx.teamRole.upsert({
      where: { teamId_memberId_role: { teamId: team.id, memberId: member.id, role: 'member' } },
      create: { teamId: team.id, memberId: member.id, role: 'member' },
      update: {},
    });
  }
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

/** Reads and writes the roster now; false when the platform cannot list the channel. */
export async function refreshRoster(deps: CheckinsDeps, team: Team): Promise<boolean> {
  const people = await readPlatformRoster(deps.clientFor(team.workspace.platform), team);
  if (!people) return false;
  const now = deps.clock.now();
  await deps.prisma.$transaction((tx) => writeRoster(tx, team, people, now));
  return true;
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

/** The roster for other features (`/peer team show`), through the RosterPort. */
export function rosterPort(prisma: PrismaClient): RosterPort {
  return {
    async rosterOf(teamId) {
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
