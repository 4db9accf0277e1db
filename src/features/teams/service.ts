// Team set-up rules: who may change what. Errors are values: a refusal is a sentence the
// person can act on; exceptions are for bugs and outages.
import type { Actor } from '../../chat/events.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import {
  ensureMember,
  ensureWorkspace,
  findTeamByChannel,
  type Member,
  rolesIn,
  type Team,
} from './members.ts';

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const refuse = (reason: string): Outcome<never> => ({ ok: false, reason });

export interface TeamDefaults {
  readonly timeZone: string;
  readonly crisisRegion: string;
}

const notATeam =
  'This channel is not set up as a team yet. Anyone can start with `/peer setup` here, and becomes its first admin.';

const notAdmin =
  "Only this team's admins can change its set-up. If something here needs changing, ask one of them; `/peer team show` lists who they are.";

export async function setUpTeam(
  prisma: PrismaClient,
  actor: Actor,
  input: { channelId: string; name?: string; timeZone?: string; crisisRegion?: string },
  defaults: TeamDefaults,
): Promise<Outcome<{ team: Team; created: boolean }>> {
  const existing = await findTeamByChannel(prisma, { ...actor, channelId: input.channelId });
  const member = await ensureMember(prisma, actor);
  if (existing) {
    const roles = await rolesIn(prisma, existing.id, member.id);
    if (!roles.has('admin')) return refuse(notAdmin);
    const changes = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      ...(input.crisisRegion ? { crisisRegion: input.crisisRegion } : {}),
    };
    const team = await prisma.$transaction(async (tx) => {
      const updated = await tx.team.update({ where: { id: existing.id }, data: changes });
      await tx.auditLog.create({
        data: {
          actorMemberId: member.id,
          action: 'team.updated',
          subjectType: 'Team',
          subjectId: existing.id,
          detail: { changed: Object.keys(changes) },
        },
      });
      return updated;
    });
    return ok({ team, created: false });
  }
  const workspace = await ensureWorkspace(prisma, actor);
  const team = await prisma.$transaction(async (tx) => {
    const created = await tx.team.create({
      data: {
        workspaceId: workspace.id,
        channelId: input.channelId,
        name: input.name ?? 'Peer team',
        timeZone: input.timeZone ?? defaults.timeZone,
        crisisRegion: input.crisisRegion ?? defaults.crisisRegion,
      },
    });
    await tx.teamRole.createMany({
      data: [
        { teamId: created.id, memberId: member.id, role: 'admin' },
        { teamId: created.id, memberId: member.id, role: 'member' },
      ],
    });
    await tx.auditLog.create({
      data: { actorMemberId: member.id, action: 'team.created', subjectType: 'Team', subjectId: created.id },
    });
    return created;
  });
  return ok({ team, created: true });
}

async function adminContext(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string | undefined,
): Promise<Outcome<{ team: Team; admin: Member }>> {
  if (!channelId) return refuse('Please run this in the team channel, so I know which team you mean.');
  const team = await findTeamByChannel(prisma, { ...actor, channelId });
  if (!team) return refuse(notATeam);
  const admin = await ensureMember(prisma, actor);
  if (!(await rolesIn(prisma, team.id, admin.id)).has('admin')) return refuse(notAdmin);
  return ok({ team, admin });
}

/**
 * Changes to one team's roles and supervisors take turns: each locks the team's row first, so
 * a check made inside the transaction (the last admin, a supervisor's role) still holds when
 * it commits, even with two replicas and two admins acting at once.
 */
async function lockTeam(tx: Db.Prisma.TransactionClient, teamId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
}

const lastAdmin =
  'You are the only admin of this team. Make someone else an admin first, so the team is never left without one.';

export async function changeRole(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string | undefined,
  input: { targetUserId: string; role: Db.TeamRoleKind; remove: boolean },
): Promise<Outcome<{ team: Team; target: Member; changed: boolean; endedAssignments: number }>> {
  const context = await adminContext(prisma, actor, channelId);
  if (!context.ok) return context;
  const { team, admin } = context.value;
  const target = await ensureMember(prisma, { ...actor, userId: input.targetUserId, displayName: undefined });
  const key = { teamId_memberId_role: { teamId: team.id, memberId: target.id, role: input.role } };
  const result = await prisma.$transaction(async (tx) => {
    await lockTeam(tx, team.id);
    const has = (await tx.teamRole.findUnique({ where: key })) !== null;
    if (has !== input.remove) return { changed: false, endedAssignments: 0 };
    let endedAssignments = 0;
    if (input.remove) {
      if (
        input.role === 'admin' &&
        (await tx.teamRole.count({ where: { teamId: team.id, role: 'admin' } })) <= 1
      )
        return 'last-admin' as const;
      await tx.teamRole.delete({ where: key });
      // Someone who is no longer a supervisor must not keep receiving their supervisees' private flags.
      if (input.role === 'supervisor') {
        const ended = await tx.supervisorAssignment.deleteMany({
          where: { teamId: team.id, supervisorId: target.id },
        });
        endedAssignments = ended.count;
      }
    } else {
      await tx.teamRole.create({ data: { teamId: team.id, memberId: target.id, role: input.role } });
      if (input.role !== 'member') {
        await tx.teamRole.upsert({
          where: { teamId_memberId_role: { teamId: team.id, memberId: target.id, role: 'member' } },
          create: { teamId: team.id, memberId: target.id, role: 'member' },
          update: {},
        });
      }
    }
    await tx.auditLog.create({
      data: {
        actorMemberId: admin.id,
        action: input.remove ? 'role.removed' : 'role.added',
        subjectType: 'Member',
        subjectId: target.id,
        detail: { teamId: team.id, role: input.role, ...(endedAssignments > 0 ? { endedAssignments } : {}) },
      },
    });
    return { changed: true, endedAssignments };
  });
  if (result === 'last-admin') return refuse(lastAdmin);
  return ok({ team, target, ...result });
}

export async function assignSupervisor(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string | undefined,
  input: { superviseeUserId: string; supervisorUserId: string; kind: Db.SupervisorKind },
): Promise<Outcome<{ supervisee: Member; supervisor: Member }>> {
  const context = await adminContext(prisma, actor, channelId);
  if (!context.ok) return context;
  const { team, admin } = context.value;
  if (input.superviseeUserId === input.supervisorUserId) {
    return refuse('A person cannot be their own supervisor. Please pick someone else to support them.');
  }
  const supervisee = await ensureMember(prisma, {
    ...actor,
    userId: input.superviseeUserId,
    displayName: undefined,
  });
  const supervisor = await ensureMember(prisma, {
    ...actor,
    userId: input.supervisorUserId,
    displayName: undefined,
  });
  const refusal = await prisma.$transaction(async (tx) => {
    await lockTeam(tx, team.id);
    const isSupervisor = await tx.teamRole.findUnique({
      where: { teamId_memberId_role: { teamId: team.id, memberId: supervisor.id, role: 'supervisor' } },
    });
    if (!isSupervisor) {
      return `${supervisor.displayName} is not a supervisor in this team yet. Give them the role first: \`/peer team role user:<@${supervisor.platformUserId}> role:supervisor\`.`;
    }
    const other = await tx.supervisorAssignment.findUnique({
      where: {
        teamId_superviseeId_kind: {
          teamId: team.id,
          superviseeId: supervisee.id,
          kind: input.kind === 'primary' ? 'backup' : 'primary',
        },
      },
    });
    if (other?.supervisorId === supervisor.id) {
      return `${supervisor.displayName} is already ${supervisee.displayName}'s ${other.kind} supervisor. Please pick someone else as ${input.kind}, so a flag still reaches a person when one of them is away.`;
    }
    await tx.teamRole.upsert({
      where: { teamId_memberId_role: { teamId: team.id, memberId: supervisee.id, role: 'member' } },
      create: { teamId: team.id, memberId: supervisee.id, role: 'member' },
      update: {},
    });
    await tx.supervisorAssignment.upsert({
      where: { teamId_superviseeId_kind: { teamId: team.id, superviseeId: supervisee.id, kind: input.kind } },
      create: { teamId: team.id, superviseeId: supervisee.id, supervisorId: supervisor.id, kind: input.kind },
      update: { supervisorId: supervisor.id },
    });
    await tx.auditLog.create({
      data: {
        actorMemberId: admin.id,
        action: 'supervisor.assigned',
        subjectType: 'Member',
        subjectId: supervisee.id,
        detail: { teamId: team.id, supervisorId: supervisor.id, kind: input.kind },
      },
    });
    return undefined;
  });
  if (refusal) return refuse(refusal);
  return ok({ supervisee, supervisor });
}

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

export interface TeamOverview {
  readonly team: Team;
  readonly people: readonly {
    readonly member: Member;
    readonly roles: readonly Db.TeamRoleKind[];
    readonly primary?: Member;
    readonly backup?: Member;
  }[];
}

export async function teamOverview(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string | undefined,
): Promise<Outcome<TeamOverview>> {
  if (!channelId) return refuse('Please run this in the team channel, so I know which team you mean.');
  const team = await findTeamByChannel(prisma, { ...actor, channelId });
  if (!team) return refuse(notATeam);
  const [roles, assignments] = await Promise.all([
    prisma.teamRole.findMany({
      where: { teamId: team.id },
      include: { member: true },
      orderBy: { createdAt: 'asc' },
    }),
    prisma.supervisorAssignment.findMany({ where: { teamId: team.id }, include: { supervisor: true } }),
  ]);
  const byMember = new Map<string, { member: Member; roles: Db.TeamRoleKind[] }>();
  for (const row of roles) {
    const entry = byMember.get(row.memberId) ?? { member: row.member, roles: [] };
    entry.roles.push(row.role);
    byMember.set(row.memberId, entry);
  }
  const people = [...byMember.values()].map((entry) => {
    const primary = assignments.find(
      (a) => a.superviseeId === entry.member.id && a.kind === 'primary',
    )?.supervisor;
    const backup = assignments.find(
      (a) => a.superviseeId === entry.member.id && a.kind === 'backup',
    )?.supervisor;
    return { ...entry, ...(primary ? { primary } : {}), ...(backup ? { backup } : {}) };
  });
  return ok({ team, people });
}

/** For help: which commands to show. Roles in any team of this workspace count. */
export async function rolesAnywhere(
  prisma: PrismaClient,
  actor: Actor,
): Promise<{ isAdmin: boolean; isSupervisor: boolean }> {
  const rows = await prisma.teamRole.findMany({
    where: {
      member: {
        platformUserId: actor.userId,
        workspace: { platform: actor.platform, externalId: actor.workspaceId },
      },
      role: { in: ['admin', 'supervisor'] },
    },
    select: { role: true },
  });
  return {
    isAdmin: rows.some((r) => r.role === 'admin'),
    isSupervisor: rows.some((r) => r.role === 'supervisor'),
  };
}

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
