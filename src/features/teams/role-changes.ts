// Who holds which role in a team, and who supervises whom. Every change reads, checks and
// writes in one transaction that first locks the team's row: a check such as "never the last
// admin" still holds when it commits (two admins, two replicas), and a refused change writes
// nothing at all, not even a Member row for the person it named.

import type { Access, VerbName } from '../../access/index.ts';
import type { Actor } from '../../chat/events.ts';
import { literal } from '../../chat/markup.ts';
import type { PlatformPerson } from '../../chat/outbound.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import { type Wording, wording } from '../../i18n/index.ts';
import type { FlagRoutingPort } from '../ports.ts';
import {
  type DbClient,
  ensureMember,
  findMember,
  findTeamByChannel,
  type Member,
  rolesIn,
  type Team,
} from './members.ts';
import { type Outcome, ok, refuse, refusedBy } from './outcome.ts';
import { memberForPerson } from './people.ts';

export const notATeam = wording('teams.place.notATeam');

export const notInTeamChannel = wording('teams.place.notInTeamChannel');

const lastAdmin = wording('teams.role.lastAdmin');

/**
 * The team of this channel, when the access policy lets the actor use the verb on it (its admins,
 * or a workspace admin). The admin's member row is made only once that is settled, so the audit
 * entry names who acted.
 */
export async function adminContext(
  prisma: PrismaClient,
  access: Access,
  actor: Actor,
  channelId: string | undefined,
  verb: VerbName = 'team.roles',
): Promise<Outcome<{ team: Team; admin: Member }>> {
  if (!channelId) return refuse(notInTeamChannel);
  const team = await findTeamByChannel(prisma, { ...actor, channelId });
  if (!team) return refuse(notATeam);
  const decision = await access.check(actor, verb, { teamId: team.id });
  if (!decision.ok) return refusedBy(decision);
  return ok({ team, admin: await ensureMember(prisma, actor) });
}

async function lockTeam(tx: Db.Prisma.TransactionClient, teamId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
}

/**
 * Locks the team, then asks the policy again: a change committed while this one waited for the
 * lock (the actor's own admin role taken away) is seen now, since it committed before the lock
 * was granted.
 */
async function lockedAndStillAllowed(
  tx: Db.Prisma.TransactionClient,
  access: Access,
  actor: Actor,
  team: Team,
): Promise<Outcome<true>> {
  await lockTeam(tx, team.id);
  const decision = await access.check(actor, 'team.roles', { teamId: team.id }, tx);
  return decision.ok ? ok(true) : refusedBy(decision);
}

export interface RoleChange {
  readonly target: PlatformPerson;
  readonly role: Db.TeamRoleKind;
  readonly remove: boolean;
}

export interface RoleChanged {
  readonly team: Team;
  readonly targetName: string;
  readonly changed: boolean;
  readonly endedAssignments: number;
}

async function removeRole(
  tx: Db.Prisma.TransactionClient,
  team: Team,
  target: Member,
  role: Db.TeamRoleKind,
) {
  if (role === 'admin' && (await tx.teamRole.count({ where: { teamId: team.id, role: 'admin' } })) <= 1)
    return 'last-admin' as const;
  await tx.teamRole.delete({
    where: { teamId_memberId_role: { teamId: team.id, memberId: target.id, role } },
  });
  // Someone who is no longer a supervisor must not keep receiving their supervisees' private flags.
  if (role !== 'supervisor') return 0;
  const ended = await tx.supervisorAssignment.deleteMany({
    where: { teamId: team.id, supervisorId: target.id },
  });
  return ended.count;
}

async function addRole(tx: Db.Prisma.TransactionClient, team: Team, target: Member, role: Db.TeamRoleKind) {
  const roles = role === 'member' ? ['member' as const] : [role, 'member' as const];
  await tx.teamRole.createMany({
    data: roles.map((r) => ({ teamId: team.id, memberId: target.id, role: r })),
    skipDuplicates: true,
  });
}

export async function changeRole(
  prisma: PrismaClient,
  access: Access,
  actor: Actor,
  channelId: string | undefined,
  input: RoleChange,
  flagRouting?: FlagRoutingPort,
): Promise<Outcome<RoleChanged>> {
  const context = await adminContext(prisma, access, actor, channelId);
  if (!context.ok) return context;
  const { team, admin } = context.value;
  const unchanged = ok({ team, targetName: input.target.displayName, changed: false, endedAssignments: 0 });
  return prisma.$transaction(async (tx): Promise<Outcome<RoleChanged>> => {
    const still = await lockedAndStillAllowed(tx, access, actor, team);
    if (!still.ok) return still;
    const known = await findMember(tx, { ...actor, userId: input.target.userId });
    const has = known !== null && (await rolesIn(tx, team.id, known.id)).has(input.role);
    if (has !== input.remove) return unchanged;
    // Made only now, after every check passed: adding a role is the first write.
    const target = known ?? (await memberForPerson(tx, actor, input.target));
    let endedAssignments = 0;
    if (input.remove) {
      const removed = await removeRole(tx, team, target, input.role);
      if (removed === 'last-admin') return refuse(lastAdmin);
      endedAssignments = removed;
      // Their open flags follow the new chain now, in this transaction (flags/reroute.ts).
      await flagRouting?.rerouteOpenFlags(tx, team.id);
    } else {
      await addRole(tx, team, target, input.role);
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
    return ok({ team, targetName: target.displayName, changed: true, endedAssignments });
  });
}

export interface Pairing {
  readonly supervisee: PlatformPerson;
  readonly supervisor: PlatformPerson;
  readonly kind: Db.SupervisorKind;
}

/** Why this pairing cannot be made, or undefined when it can. Reads only. */
async function pairingProblem(
  tx: DbClient,
  actor: Actor,
  team: Team,
  input: Pairing,
): Promise<Wording | undefined> {
  const { kind } = input;
  const supervisee = literal(input.supervisee.displayName);
  const supervisor = literal(input.supervisor.displayName);
  if (input.supervisee.userId === input.supervisor.userId) return wording('teams.supervisor.ownSupervisor');
  const supervising = await findMember(tx, { ...actor, userId: input.supervisor.userId });
  if (!supervising || !(await rolesIn(tx, team.id, supervising.id)).has('supervisor'))
    return wording('teams.supervisor.notSupervisorYet', {
      name: supervisor,
      mention: literal(`<@${input.supervisor.userId}>`),
    });
  const member = await findMember(tx, { ...actor, userId: input.supervisee.userId });
  const other = member
    ? await tx.supervisorAssignment.findUnique({
        where: {
          teamId_superviseeId_kind: {
            teamId: team.id,
            superviseeId: member.id,
            kind: kind === 'primary' ? 'backup' : 'primary',
          },
        },
      })
    : null;
  if (other?.supervisorId === supervising.id)
    return other.kind === 'primary'
      ? wording('teams.supervisor.alreadyPrimary', { supervisor, supervisee })
      : wording('teams.supervisor.alreadyBackup', { supervisor, supervisee });
  return undefined;
}

export async function assignSupervisor(
  prisma: PrismaClient,
  access: Access,
  actor: Actor,
  channelId: string | undefined,
  input: Pairing,
  flagRouting?: FlagRoutingPort,
): Promise<Outcome<{ supervisee: Member; supervisor: Member }>> {
  const context = await adminContext(prisma, access, actor, channelId);
  if (!context.ok) return context;
  const { team, admin } = context.value;
  return prisma.$transaction(async (tx): Promise<Outcome<{ supervisee: Member; supervisor: Member }>> => {
    const still = await lockedAndStillAllowed(tx, access, actor, team);
    if (!still.ok) return still;
    const problem = await pairingProblem(tx, actor, team, input);
    if (problem) return refuse(problem);
    const supervisor = await memberForPerson(tx, actor, input.supervisor);
    const supervisee = await memberForPerson(tx, actor, input.supervisee);
    await addRole(tx, team, supervisee, 'member');
    await tx.supervisorAssignment.upsert({
      where: { teamId_superviseeId_kind: { teamId: team.id, superviseeId: supervisee.id, kind: input.kind } },
      create: { teamId: team.id, superviseeId: supervisee.id, supervisorId: supervisor.id, kind: input.kind },
      update: { supervisorId: supervisor.id },
    });
    // An open flag reaches the new supervisor now, in this transaction (flags/reroute.ts).
    await flagRouting?.rerouteOpenFlags(tx, team.id);
    await tx.auditLog.create({
      data: {
        actorMemberId: admin.id,
        action: 'supervisor.assigned',
        subjectType: 'Member',
        subjectId: supervisee.id,
        detail: { teamId: team.id, supervisorId: supervisor.id, kind: input.kind },
      },
    });
    return ok({ supervisee, supervisor });
  });
}

/** Whether the team has an admin who is also a supervisor: the last step of a flag's chain. */
export async function hasAdminSupervisor(db: DbClient, teamId: string): Promise<boolean> {
  const admins = await db.teamRole.findMany({ where: { teamId, role: 'admin' }, select: { memberId: true } });
  if (admins.length === 0) return false;
  const both = await db.teamRole.count({
    where: { teamId, role: 'supervisor', memberId: { in: admins.map((a) => a.memberId) } },
  });
  return both > 0;
}
