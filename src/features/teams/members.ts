// Finding (or first meeting) the people and places an event names. Platform ids stay opaque.
import type { Actor } from '../../chat/events.ts';
import type { Db, PrismaClient } from '../../db/index.ts';

export type Member = Db.Member;
export type Team = Db.Team;

export async function ensureWorkspace(prisma: PrismaClient, actor: Pick<Actor, 'platform' | 'workspaceId'>) {
  return prisma.workspace.upsert({
    where: { platform_externalId: { platform: actor.platform, externalId: actor.workspaceId } },
    create: { platform: actor.platform, externalId: actor.workspaceId },
    update: {},
  });
}

/** The member for a platform user, created on first sight; a newer display name is kept. */
export async function ensureMember(
  prisma: PrismaClient,
  who: Pick<Actor, 'platform' | 'workspaceId' | 'userId' | 'displayName'>,
): Promise<Member> {
  const workspace = await ensureWorkspace(prisma, who);
  return prisma.member.upsert({
    where: { workspaceId_platformUserId: { workspaceId: workspace.id, platformUserId: who.userId } },
    create: {
      workspaceId: workspace.id,
      platformUserId: who.userId,
      displayName: who.displayName ?? who.userId,
    },
    update: who.displayName ? { displayName: who.displayName } : {},
  });
}

export async function findTeamByChannel(
  prisma: PrismaClient,
  where: Pick<Actor, 'platform' | 'workspaceId'> & { channelId: string },
): Promise<Team | null> {
  return prisma.team.findFirst({
    where: {
      channelId: where.channelId,
      workspace: { platform: where.platform, externalId: where.workspaceId },
    },
  });
}

export async function rolesIn(
  prisma: PrismaClient,
  teamId: string,
  memberId: string,
): Promise<Set<Db.TeamRoleKind>> {
  const rows = await prisma.teamRole.findMany({ where: { teamId, memberId }, select: { role: true } });
  return new Set(rows.map((row) => row.role));
}

/**
 * A person mentioned in a command: `<@U123>` or `<@U123|name>` (Slack), `<@123>` or
 * `<@!123>` (Discord), `@alex` or `alex` (shell). Returns the platform user id.
 */
export function parseMention(text: string): string | undefined {
  const trimmed = text.trim();
  const tagged = /^<@!?([A-Za-z0-9]+)(\|[^>]*)?>$/.exec(trimmed);
  if (tagged) return tagged[1];
  const plain = /^@?([A-Za-z0-9._-]{1,64})$/.exec(trimmed);
  return plain?.[1];
}
