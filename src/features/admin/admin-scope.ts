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
  if (!client?.lookupUser) return false;
  try {
    const person = await client.lookupUser(actor);
    return person !== undefined && !person.deleted && person.isWorkspaceAdmin === true;
  } catch {
    // The platform could not say: fall back to the team role, never to more access.
    return false;
  }
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
  const team = await prisma.team.findFirst({
    where: { channelId, workspace: { platform: actor.platform, externalId: actor.workspaceId } },
    select: { id: true, name: true },
  });
  if (!team) return { ok: false, reason: notAdmin };
  const role = await prisma.teamRole.findFirst({
    where: {
      teamId: team.id,
      role: 'admin',
      member: {
        platformUserId: actor.userId,
        workspace: { platform: actor.platform, externalId: actor.workspaceId },
      },
    },
    select: { teamId: true },
  });
  if (!role) return { ok: false, reason: notAdmin };
  return { ok: true, scope: { ...workspace, teamId: team.id }, label: 'this team' };
}
