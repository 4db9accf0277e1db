// Personal settings, the team overview, the roles help needs, the privacy summary and the
// member-joined welcome. Set-up is team-setup.ts; role and supervisor changes role-changes.ts.
import type { Actor } from '../../chat/events.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { RosterPort } from '../ports.ts';
import { ensureMember, findTeamByChannel, type Member, type Team } from './members.ts';
import { type Outcome, ok, refuse } from './outcome.ts';
import { notATeam, notInTeamChannel } from './role-changes.ts';

export type { Outcome } from './outcome.ts';
export type { TeamDefaults } from './team-setup.ts';

export async function setTimeZone(prisma: PrismaClient, actor: Actor, timeZone: string): Promise<Member> {
  const member = await ensureMember(prisma, actor);
  return prisma.member.update({ where: { id: member.id }, data: { timeZone } });
}

export async function setQuietHours(
  prisma: PrismaClient,
  actor: Actor,
  quiet: { start: number; end: number } | null,
): Promise<Member> {
  const member = await ensureMember(prisma, actor);
  return prisma.member.update({
    where: { id: member.id },
    data: { quietStart: quiet?.start ?? null, quietEnd: quiet?.end ?? null },
  });
}

export interface OverviewPerson {
  readonly member: Member;
  readonly roles: readonly Db.TeamRoleKind[];
  readonly primary?: Member;
  readonly backup?: Member;
  /** Opted in as a check-in support buddy (known once the roster is read). */
  readonly buddy?: boolean;
  /** Holds a role here but is not in the channel's roster any more. */
  readonly offRoster?: boolean;
}

export interface TeamOverview {
  readonly team: Team;
  readonly people: readonly OverviewPerson[];
}

/** The team of this channel with everyone on it: the roster (when read) plus role holders. */
export async function teamOverview(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string | undefined,
  roster?: RosterPort,
): Promise<Outcome<TeamOverview>> {
  if (!channelId) return refuse(notInTeamChannel);
  const team = await findTeamByChannel(prisma, { ...actor, channelId });
  if (!team) return refuse(notATeam);
  const [roles, assignments, entries] = await Promise.all([
    prisma.teamRole.findMany({ where: { teamId: team.id }, include: { member: true } }),
    prisma.supervisorAssignment.findMany({ where: { teamId: team.id }, include: { supervisor: true } }),
    roster?.rosterOf(team.id),
  ]);
  const onRoster = entries ? new Map(entries.map((e) => [e.memberId, e])) : undefined;
  const byMember = new Map<string, { member: Member; roles: Db.TeamRoleKind[] }>();
  for (const row of roles) {
    const entry = byMember.get(row.memberId) ?? { member: row.member, roles: [] };
    entry.roles.push(row.role);
    byMember.set(row.memberId, entry);
  }
  const rosterOnly = [...(onRoster?.keys() ?? [])].filter((id) => !byMember.has(id));
  for (const member of await prisma.member.findMany({ where: { id: { in: rosterOnly } } }))
    byMember.set(member.id, { member, roles: [] });
  const supervisorOf = (id: string, kind: Db.SupervisorKind) =>
    assignments.find((a) => a.superviseeId === id && a.kind === kind)?.supervisor;
  const people = [...byMember.values()]
    // Someone whose only role is "member" and who left the channel is no longer on the team.
    .filter((p) => !onRoster || onRoster.has(p.member.id) || p.roles.some((r) => r !== 'member'))
    .map((entry): OverviewPerson => {
      const primary = supervisorOf(entry.member.id, 'primary');
      const backup = supervisorOf(entry.member.id, 'backup');
      const rosterEntry = onRoster?.get(entry.member.id);
      return {
        ...entry,
        roles: roleOrder.filter((r) => entry.roles.includes(r)),
        ...(primary ? { primary } : {}),
        ...(backup ? { backup } : {}),
        ...(rosterEntry?.buddy ? { buddy: true } : {}),
        ...(onRoster && !rosterEntry ? { offRoster: true } : {}),
      };
    })
    .sort(
      (a, b) =>
        a.member.displayName.localeCompare(b.member.displayName) || a.member.id.localeCompare(b.member.id),
    );
  return ok({ team, people });
}

const roleOrder: readonly Db.TeamRoleKind[] = ['admin', 'supervisor', 'member'];

export interface PrivacySummary {
  readonly member: Member;
  readonly teams: readonly { name: string; roles: readonly Db.TeamRoleKind[] }[];
  readonly answers: number;
  readonly flags: number;
  readonly hasWellnessPlan: boolean;
  readonly nudges: number;
  readonly readsByOthers: number;
}

export async function privacySummary(prisma: PrismaClient, actor: Actor): Promise<PrivacySummary> {
  const member = await ensureMember(prisma, actor);
  const [roles, answers, flags, plan, nudges, flagIds] = await Promise.all([
    prisma.teamRole.findMany({ where: { memberId: member.id }, include: { team: true } }),
    prisma.checkinAnswer.count({ where: { memberId: member.id } }),
    prisma.triggerFlag.count({ where: { authorId: member.id } }),
    prisma.wellnessPlan.findUnique({ where: { memberId: member.id }, select: { id: true } }),
    prisma.selfCareNudge.count({ where: { memberId: member.id, active: true } }),
    prisma.triggerFlag.findMany({ where: { authorId: member.id }, select: { id: true } }),
  ]);
  const readsByOthers = await prisma.auditLog.count({
    where: {
      action: { startsWith: 'read.' },
      actorMemberId: { not: member.id },
      OR: [
        { subjectType: 'Member', subjectId: member.id },
        { subjectType: 'TriggerFlag', subjectId: { in: flagIds.map((f) => f.id) } },
      ],
    },
  });
  const teams = new Map<string, { name: string; roles: Db.TeamRoleKind[] }>();
  for (const row of roles) {
    const entry = teams.get(row.teamId) ?? { name: row.team.name, roles: [] };
    entry.roles.push(row.role);
    teams.set(row.teamId, entry);
  }
  return {
    member,
    teams: [...teams.values()],
    answers,
    flags,
    hasWellnessPlan: plan !== null,
    nudges,
    readsByOthers,
  };
}

/** A member joined a team channel: they become a team member and, unless they opted out, get a welcome. */
export async function memberJoined(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string,
): Promise<{ team: Team; member: Member; welcome: boolean } | undefined> {
  const team = await findTeamByChannel(prisma, { ...actor, channelId });
  if (!team) return undefined;
  const member = await ensureMember(prisma, actor);
  await prisma.teamRole.upsert({
    where: { teamId_memberId_role: { teamId: team.id, memberId: member.id, role: 'member' } },
    create: { teamId: team.id, memberId: member.id, role: 'member' },
    update: {},
  });
  return { team, member, welcome: !member.optOuts.includes('welcome') };
}
