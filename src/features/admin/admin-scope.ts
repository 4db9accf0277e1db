// Which deliveries an admin may see and retry. Two roles, and each check names the one it means:
// - a workspace admin, granted by the platform itself (Slack workspace admin or owner from
//   `users.info`, Discord Manage Server), sees the whole workspace's outbox;
// - a team admin (the `admin` team role, which anyone gets by setting up a channel of their
//   own) sees only their team's rows, and only when asking from that team's channel.
// Being admin of some team never opens another team's, or the workspace's, deliveries.
import type { Actor, ChatClient, Platform } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { OutboxScope } from '../../scheduling/index.ts';

export type AdminScope =
  | { readonly ok: true; readonly scope: OutboxScope; readonly label: string }
  | { readonly ok: false; readonly reason: string };

const notAdmin =
  'Only admins can see delivery status: a team admin in their team’s channel (for that team), or a workspace admin (for everything). If a message seems lost, one of them can look here for you.';

async function isWorkspaceAdmin(client: ChatClient | undefined, actor: Actor): Promise<boolean> {
  // The event already carries the platform's verdict (Discord interactions): no round trip.
  if (actor.isWorkspaceAdmin !== undefined) return actor.isWorkspaceAdmin;
  if (!client?.lookupUser) return false;
  try {
    const person = await client.lookupUser(actor);
    return person !== undefined && !person.deleted && person.isWorkspaceAdmin === true;
  } catch {
    // The platform could not say: fall back to the team role, never to more access.
    return false;
  }
}

/**
 * The team of this channel and whether the actor holds its `admin` role, in one statement (every
 * admin button press runs it; the two query-builder reads it replaces cost about three times as
 * much CPU).
 */
async function teamAdminOf(
  prisma: PrismaClient,
  actor: Actor,
  channelId: string,
): Promise<{ id: string; isAdmin: boolean } | undefined> {
  const [team] = await prisma.$queryRaw<{ id: string; isAdmin: boolean }[]>`
    SELECT t."id", EXISTS (
      SELECT 1 FROM "TeamRole" r JOIN "Member" m ON m."id" = r."memberId"
      WHERE r."teamId" = t."id" AND r."role" = 'admin'
        AND m."workspaceId" = w."id" AND m."platformUserId" = ${actor.userId}
    ) AS "isAdmin"
    FROM "Team" t JOIN "Workspace" w ON w."id" = t."workspaceId"
    WHERE t."channelId" = ${channelId}
      AND w."platform" = ${actor.platform}::"Platform" AND w."externalId" = ${actor.workspaceId}`;
  return team;
}

export async function adminScope(
  prisma: PrismaClient,
  clientFor: (platform: Platform) => ChatClient | undefined,
  actor: Actor,
  channelId: string | undefined,
): Promise<AdminScope> {
  const workspace = { platform: actor.platform, workspaceExternalId: actor.workspaceId };
  if (await isWorkspaceAdmin(clientFor(actor.platform), actor)) {
    return { ok: true, scope: workspace, label: 'this workspace' };
  }
  if (!channelId) return { ok: false, reason: notAdmin };
  const team = await teamAdminOf(prisma, actor, channelId);
  if (!team?.isAdmin) return { ok: false, reason: notAdmin };
  return { ok: true, scope: { ...workspace, teamId: team.id }, label: 'this team' };
}
