// Whose data a `/peer privacy` request is about. A person may always act on their own data.
// An admin may act for a member who has left every team (they cannot ask any more), in the
// same workspace, and every such act is audited. Identities come from the platform's
// verified payload (the actor) and a mention resolved within the actor's workspace.
import type { Actor } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';

export interface Subject {
  readonly memberId: string;
  readonly displayName: string;
  readonly platformUserId: string;
  readonly workspace: { readonly platform: Actor['platform']; readonly externalId: string };
  /** The member acting (the subject themselves, or the admin). */
  readonly actorMemberId: string | undefined;
  readonly byAdmin: boolean;
}

export type SubjectOutcome =
  | { readonly ok: true; readonly subject: Subject | undefined }
  | { readonly ok: false; readonly reason: string };

const scopeOf = (actor: Actor) => ({ platform: actor.platform, externalId: actor.workspaceId });

async function findMember(prisma: PrismaClient, actor: Actor, userId: string) {
  return prisma.member.findFirst({ where: { platformUserId: userId, workspace: scopeOf(actor) } });
}

export async function isWorkspaceAdmin(prisma: PrismaClient, memberId: string | undefined): Promise<boolean> {
  if (memberId === undefined) return false;
  return (await prisma.teamRole.count({ where: { memberId, role: 'admin' } })) > 0;
}

const notAdmin =
  'Only a team admin can do this for someone else, and only once they have left every team. You can always see, export or erase your own data with `/peer privacy`.';

/**
 * The subject for `targetUserId` (absent: the actor). `subject: undefined` means the actor
 * asked about themselves and PeerBridge keeps nothing about them yet.
 */
export async function resolveSubject(
  prisma: PrismaClient,
  actor: Actor,
  targetUserId: string | undefined,
): Promise<SubjectOutcome> {
  const me = await findMember(prisma, actor, actor.userId);
  if (targetUserId === undefined || targetUserId === actor.userId) {
    if (!me) return { ok: true, subject: undefined };
    return {
      ok: true,
      subject: {
        memberId: me.id,
        displayName: me.displayName,
        platformUserId: me.platformUserId,
        workspace: scopeOf(actor),
        actorMemberId: me.id,
        byAdmin: false,
      },
    };
  }
  if (!(await isWorkspaceAdmin(prisma, me?.id))) return { ok: false, reason: notAdmin };
  const target = await findMember(prisma, actor, targetUserId);
  if (!target) return { ok: false, reason: 'I keep nothing about that person in this workspace.' };
  if ((await prisma.teamRole.count({ where: { memberId: target.id } })) > 0) {
    return {
      ok: false,
      reason: `${target.displayName} is still on a team, so this is theirs to do: they can use \`/peer privacy\` themselves.`,
    };
  }
  return {
    ok: true,
    subject: {
      memberId: target.id,
      displayName: target.displayName,
      platformUserId: target.platformUserId,
      workspace: scopeOf(actor),
      actorMemberId: me?.id,
      byAdmin: true,
    },
  };
}

/** For a button press: the subject by member id, with the same rules as a typed request. */
export async function resolveSubjectById(
  prisma: PrismaClient,
  actor: Actor,
  memberId: string,
): Promise<SubjectOutcome> {
  const target = await prisma.member.findFirst({ where: { id: memberId, workspace: scopeOf(actor) } });
  if (!target) return { ok: false, reason: 'There is nothing left to erase: that data is already gone.' };
  return resolveSubject(prisma, actor, target.platformUserId);
}
