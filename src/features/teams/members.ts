// Finding (or first meeting) the people and places an event names. Platform ids stay opaque.
//
// First contact is idempotent: two replicas (or two quick clicks) meeting the same workspace or
// person at once must both succeed. Each first meeting is an `INSERT ... ON CONFLICT DO
// NOTHING` (createMany with skipDuplicates) followed by a read, never a bare create or an
// upsert that can lose the race with a unique violation. It also never aborts a surrounding
// transaction, so these work inside one too.
import type { Actor } from '../../chat/events.ts';
import type { Db, PrismaClient } from '../../db/index.ts';

export type Member = Db.Member;
export type Team = Db.Team;
/** A Prisma client or an interactive transaction's client. */
export type DbClient = Db.Prisma.TransactionClient | PrismaClient;

export async function ensureWorkspace(db: DbClient, actor: Pick<Actor, 'platform' | 'workspaceId'>) {
  const key = { platform: actor.platform, externalId: actor.workspaceId };
  await db.workspace.createMany({ data: [key], skipDuplicates: true });
  return db.workspace.findUniqueOrThrow({ where: { platform_externalId: key } });
}

/**
 * The member for a platform user, created on first sight; a newer display name is kept. Only
 * for the person who caused an event (the platform vouched for them) or a person confirmed
 * with `confirmPerson` (people.ts): never for a typed name.
 */
export async function ensureMember(
  db: DbClient,
  who: Pick<Actor, 'platform' | 'workspaceId' | 'userId' | 'displayName'>,
): Promise<Member> {
  const workspace = await ensureWorkspace(db, who);
  const key = { workspaceId: workspace.id, platformUserId: who.userId };
  await db.member.createMany({
    data: [{ ...key, displayName: who.displayName ?? who.userId }],
    skipDuplicates: true,
  });
  const member = await db.member.findUniqueOrThrow({ where: { workspaceId_platformUserId: key } });
  if (!who.displayName || who.displayName === member.displayName) return member;
  return db.member.update({ where: { id: member.id }, data: { displayName: who.displayName } });
}

/** The member for a platform user if we have met them; never creates one. */
export async function findMember(
  db: DbClient,
  who: Pick<Actor, 'platform' | 'workspaceId' | 'userId'>,
): Promise<Member | null> {
  return db.member.findFirst({
    where: {
      platformUserId: who.userId,
      workspace: { platform: who.platform, externalId: who.workspaceId },
    },
  });
}

export async function findTeamByChannel(
  db: DbClient,
  where: Pick<Actor, 'platform' | 'workspaceId'> & { channelId: string },
): Promise<Team | null> {
  return db.team.findFirst({
    where: {
      channelId: where.channelId,
      workspace: { platform: where.platform, externalId: where.workspaceId },
    },
  });
}

/**
 * The team of a channel from any workspace of the platform. Slack Connect and Enterprise Grid
 * share one channel id between workspaces; one channel has one team, whoever asks.
 */
export async function findTeamOfChannelAnywhere(
  db: DbClient,
  where: Pick<Actor, 'platform'> & { channelId: string },
) {
  return db.team.findFirst({
    where: { channelId: where.channelId, workspace: { platform: where.platform } },
    include: { workspace: true },
  });
}

export async function rolesIn(db: DbClient, teamId: string, memberId: string): Promise<Set<Db.TeamRoleKind>> {
  const rows = await db.teamRole.findMany({ where: { teamId, memberId }, select: { role: true } });
  return new Set(rows.map((row) => row.role));
}
