// Who is asking, and what they may see and do: their workspace, the teams whose own entries
// they see (the team of this channel and every team they belong to), the region whose crisis
// lines come first, and whether they are an admin.
import type { Actor, ChatClient, Place, Platform } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { ensureMember, findTeamByChannel } from '../teams/index.ts';
import type { Viewer } from './store.ts';

export interface Asker {
  readonly memberId: string;
  readonly displayName: string;
  readonly workspaceId: string;
  readonly viewer: Viewer;
  /** The team of the channel the person is in, when it is one. */
  readonly team?: { readonly id: string; readonly crisisRegion: string };
  /** The crisis region: the channel's team, else the person's first team, else the default. */
  readonly region: string;
  /** Admin of any team in this workspace. */
  readonly isAdmin: boolean;
  /** Teams this person administers. */
  readonly adminTeamIds: readonly string[];
}

export async function askerOf(
  prisma: PrismaClient,
  actor: Actor,
  place: Place,
  defaultRegion: string,
): Promise<Asker> {
  const member = await ensureMember(prisma, actor);
  const [team, roles] = await Promise.all([
    place.channelId
      ? findTeamByChannel(prisma, { ...actor, channelId: place.channelId })
      : Promise.resolve(null),
    prisma.teamRole.findMany({ where: { memberId: member.id }, include: { team: true } }),
  ]);
  const teamIds = new Set(roles.map((r) => r.teamId));
  if (team) teamIds.add(team.id);
  const adminTeamIds = [...new Set(roles.filter((r) => r.role === 'admin').map((r) => r.teamId))];
  return {
    memberId: member.id,
    displayName: member.displayName,
    workspaceId: member.workspaceId,
    viewer: { workspaceId: member.workspaceId, teamIds: [...teamIds] },
    ...(team ? { team: { id: team.id, crisisRegion: team.crisisRegion } } : {}),
    region: team?.crisisRegion ?? roles[0]?.team.crisisRegion ?? defaultRegion,
    isAdmin: adminTeamIds.length > 0,
    adminTeamIds,
  };
}

/** Whether this admin may change the entry: install-wide and workspace entries, or their team's. */
export function mayChange(asker: Asker, row: { workspaceId: string | null; teamId: string | null }): boolean {
  if (!asker.isAdmin) return false;
  if (row.teamId) return asker.adminTeamIds.includes(row.teamId);
  return row.workspaceId === null || row.workspaceId === asker.workspaceId;
}

/** Admins of a workspace (of any of its teams), for suggestions and the monthly review. */
export async function adminsOf(db: DbClient, workspaceId: string, teamId?: string | null) {
  const roles = await db.teamRole.findMany({
    where: { role: 'admin', team: { workspaceId, ...(teamId ? { id: teamId } : {}) } },
    include: { member: { include: { workspace: true } } },
  });
  const seen = new Map<string, (typeof roles)[number]['member']>();
  for (const role of roles) seen.set(role.memberId, role.member);
  return [...seen.values()];
}

/** Asks the platform whether this person administers the whole workspace. */
export type WorkspaceAdminCheck = (actor: Actor) => Promise<boolean>;

/**
 * Whether the platform names this person an admin of the whole workspace (Slack admin or owner
 * from `users.info`, Discord Manage Server, the shell's workspace-admin flag). Never a team role:
 * anyone becomes a team admin with `/peer setup`. Crisis-line changes and imports from chat ask
 * this. When the platform cannot say, the answer is no.
 */
export function workspaceAdminCheck(
  clientFor: ((platform: Platform) => ChatClient | undefined) | undefined,
): WorkspaceAdminCheck {
  return async (actor) => {
    // The event already carries the platform's verdict (Discord interactions): no round trip.
    if (actor.isWorkspaceAdmin !== undefined) return actor.isWorkspaceAdmin;
    const client = clientFor?.(actor.platform);
    if (!client?.lookupUser) return false;
    try {
      const person = await client.lookupUser(actor);
      return person !== undefined && !person.deleted && person.isWorkspaceAdmin === true;
    } catch {
      return false;
    }
  };
}
