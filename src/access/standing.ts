// Which subjects an actor holds towards one target, from the platform and the database only:
// never from what someone typed, never from a role in some other team. The one place (with
// features/teams' own role storage) that reads TeamRole for a decision;
// test/architecture/one-access-policy.test.ts fails if a feature starts doing it itself.
import type { Actor, ChatClient, Platform } from '../chat/index.ts';
import type { Db, PrismaClient } from '../db/index.ts';

/** The app's client, or the transaction a check must read inside (PGlite has one connection). */
export type AccessDb = PrismaClient | Db.Prisma.TransactionClient;

import type { SubjectKind } from './subjects.ts';

/**
 * What a decision is about. Give what you know; the rest is looked up. `channelId` is a channel
 * of the actor's workspace (the event's place); `teamId`, `memberId` and `workspaceId` are
 * database ids of the row's team, the member it is about, and the workspace it belongs to.
 * `shared` marks an install-wide row (the resource starting set), which every workspace reads.
 */
export interface AccessTarget {
  readonly channelId?: string;
  readonly teamId?: string;
  readonly memberId?: string;
  readonly workspaceId?: string;
  readonly shared?: boolean;
}

export interface Standing {
  readonly held: ReadonlySet<SubjectKind>;
  /** The target belongs to a workspace other than the actor's. */
  readonly elsewhere: boolean;
}

export interface StandingDeps {
  readonly prisma: PrismaClient;
  /** The running platforms' clients: workspace admins are asked of the platform (users.info). */
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
}

/**
 * The platform's own word on whether the actor administers their workspace. The event says so
 * where it can (Discord interactions carry permissions; the playground's `/as name
 * --workspace-admin`); otherwise the platform is asked (Slack users.info). When it cannot say,
 * the answer is no: never more access because a platform was slow.
 */
export async function platformSaysWorkspaceAdmin(deps: StandingDeps, actor: Actor): Promise<boolean> {
  if (actor.isWorkspaceAdmin !== undefined) return actor.isWorkspaceAdmin;
  const client = deps.clientFor(actor.platform);
  if (!client?.lookupUser) return false;
  try {
    const person = await client.lookupUser(actor);
    return person !== undefined && !person.deleted && !person.isBot && person.isWorkspaceAdmin === true;
  } catch {
    return false;
  }
}

interface Resolved {
  readonly actorWorkspaceId?: string;
  readonly actorMemberId?: string;
  readonly teamId?: string;
  readonly targetWorkspaceId?: string;
}

async function resolve(prisma: AccessDb, actor: Actor, target: AccessTarget): Promise<Resolved> {
  const workspace = await prisma.workspace.findUnique({
    where: { platform_externalId: { platform: actor.platform, externalId: actor.workspaceId } },
    select: { id: true },
  });
  const me = workspace
    ? await prisma.member.findUnique({
        where: { workspaceId_platformUserId: { workspaceId: workspace.id, platformUserId: actor.userId } },
        select: { id: true },
      })
    : null;
  let teamId = target.teamId;
  let teamWorkspaceId: string | undefined;
  if (teamId !== undefined) {
    const team = await prisma.team.findUnique({ where: { id: teamId }, select: { workspaceId: true } });
    // A team id that names nothing is treated as nobody's: only 'anyone' of no workspace.
    teamWorkspaceId = team?.workspaceId ?? '(gone)';
  } else if (target.channelId !== undefined && workspace) {
    const team = await prisma.team.findFirst({
      where: { channelId: target.channelId, workspaceId: workspace.id },
      select: { id: true, workspaceId: true },
    });
    teamId = team?.id;
    teamWorkspaceId = team?.workspaceId;
  }
  let memberWorkspaceId: string | undefined;
  if (target.memberId !== undefined) {
    const member = await prisma.member.findUnique({
      where: { id: target.memberId },
      select: { workspaceId: true },
    });
    memberWorkspaceId = member?.workspaceId ?? '(gone)';
  }
  const targetWorkspaceId = target.workspaceId ?? teamWorkspaceId ?? memberWorkspaceId;
  return {
    ...(workspace ? { actorWorkspaceId: workspace.id } : {}),
    ...(me ? { actorMemberId: me.id } : {}),
    ...(teamId !== undefined ? { teamId } : {}),
    ...(targetWorkspaceId !== undefined ? { targetWorkspaceId } : {}),
  };
}

/** The team roles and the supervision the actor holds towards the target (same workspace only). */
async function rowSubjects(
  prisma: AccessDb,
  resolved: Resolved,
  target: AccessTarget,
  held: Set<SubjectKind>,
): Promise<void> {
  const me = resolved.actorMemberId;
  if (me === undefined) return;
  if (resolved.teamId !== undefined) {
    const roles = await prisma.teamRole.findMany({
      where: { teamId: resolved.teamId, memberId: me },
      select: { role: true },
    });
    if (roles.length > 0) held.add('team-member');
    for (const { role } of roles) {
      if (role === 'admin') held.add('team-admin');
      if (role === 'supervisor') held.add('team-supervisor');
    }
  }
  if (target.memberId === undefined) return;
  if (target.memberId === me) held.add('self');
  const supervises = await prisma.supervisorAssignment.count({
    where: {
      supervisorId: me,
      superviseeId: target.memberId,
      ...(resolved.teamId !== undefined ? { teamId: resolved.teamId } : {}),
    },
  });
  if (supervises > 0) held.add('own-supervisor');
}

/**
 * The subjects the actor holds towards the target. `wanted` are the subjects that would decide:
 * the platform is asked about workspace admins only when that could change the answer.
 */
export async function standingOf(
  deps: StandingDeps,
  actor: Actor,
  target: AccessTarget,
  wanted: ReadonlySet<SubjectKind>,
  db: AccessDb = deps.prisma,
): Promise<Standing> {
  const resolved = await resolve(db, actor, target);
  const elsewhere =
    resolved.targetWorkspaceId !== undefined && resolved.targetWorkspaceId !== resolved.actorWorkspaceId;
  const held = new Set<SubjectKind>();
  if (elsewhere && !target.shared) return { held, elsewhere };
  held.add('anyone');
  if (!elsewhere) await rowSubjects(db, resolved, target, held);
  const decided = [...wanted].some((subject) => held.has(subject));
  if (!decided && wanted.has('workspace-admin') && (await platformSaysWorkspaceAdmin(deps, actor)))
    held.add('workspace-admin');
  return { held, elsewhere };
}
