// Whose data a `/peer privacy` request is about, and whether the asker may act on it. The rule
// itself is the access policy's (src/access/verbs.ts): a person always acts on their own data;
// an export goes only to its subject (`privacy.export`); erasing someone else is for workspace
// admins as the platform names them (`privacy.erase-departed`), and only when the platform says
// that person has left: deactivated, unknown to it, or in none of this workspace's team
// channels. Identities come from the platform's verified payload (the actor) and a mention
// resolved within the actor's workspace.
import type { Access } from '../../access/index.ts';
import type { Actor, ChatClient, Platform } from '../../chat/index.ts';
import { literal, type MarkupText } from '../../chat/index.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { ensureMember } from '../teams/index.ts';

export interface Subject {
  readonly memberId: string;
  readonly displayName: string;
  readonly platformUserId: string;
  readonly workspace: { readonly platform: Actor['platform']; readonly externalId: string };
  /** The member acting (the subject themselves, or the workspace admin). */
  readonly actorMemberId: string | undefined;
  readonly byAdmin: boolean;
}

export type SubjectOutcome =
  | { readonly ok: true; readonly subject: Subject | undefined }
  | { readonly ok: false; readonly reason: MarkupText };

export type PrivacyAct = 'show' | 'export' | 'erase';

export interface SubjectDeps {
  readonly prisma: PrismaClient;
  readonly access: Access;
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
}

const scopeOf = (actor: Actor) => ({ platform: actor.platform, externalId: actor.workspaceId });

const subjectOf = (member: Db.Member, actor: Actor, actorMemberId: string | undefined, byAdmin: boolean) => ({
  memberId: member.id,
  displayName: member.displayName,
  platformUserId: member.platformUserId,
  workspace: scopeOf(actor),
  actorMemberId,
  byAdmin,
});

/**
 * Whether the platform says this person has left: unknown to it or deactivated, or a member of
 * none of this workspace's team channels. `undefined` when the platform cannot say (then nothing
 * is erased: a guess must never delete someone's data).
 */
async function hasLeft(deps: SubjectDeps, actor: Actor, member: Db.Member): Promise<boolean | undefined> {
  const client = deps.clientFor(actor.platform);
  if (!client?.lookupUser || !client.listChannelMembers) return undefined;
  const where = { platform: actor.platform, workspaceId: actor.workspaceId };
  try {
    const person = await client.lookupUser({ ...where, userId: member.platformUserId });
    if (!person || person.deleted) return true;
    const teams = await deps.prisma.team.findMany({
      where: { workspaceId: member.workspaceId },
      select: { channelId: true },
    });
    for (const team of teams) {
      const people = await client.listChannelMembers({ ...where, channelId: team.channelId });
      if (people.some((p) => p.userId === member.platformUserId)) return false;
    }
    return true;
  } catch {
    return undefined;
  }
}

async function forSomeoneElse(
  deps: SubjectDeps,
  actor: Actor,
  target: Db.Member | null,
  act: PrivacyAct,
  t: Translate,
): Promise<SubjectOutcome> {
  // An export is for its subject's own eyes: nobody else, whatever their role.
  const verb = act === 'export' ? 'privacy.export' : 'privacy.erase-departed';
  const decision = await deps.access.check(actor, verb, target ? { memberId: target.id } : {});
  if (!decision.ok) return { ok: false, reason: t(decision.refusal) };
  if (!target) return { ok: false, reason: t('privacy.subject.unknown') };
  const left = await hasLeft(deps, actor, target);
  const name = literal(target.displayName);
  if (left === undefined) return { ok: false, reason: t('privacy.subject.cannotCheck', { name }) };
  if (!left) return { ok: false, reason: t('privacy.subject.stillHere', { name }) };
  // The admin gets a member row, so the audit entry names who erased.
  const admin = await ensureMember(deps.prisma, actor);
  return { ok: true, subject: subjectOf(target, actor, admin.id, true) };
}

/**
 * The subject for `targetUserId` (absent: the actor). `subject: undefined` means the actor
 * asked about themselves and PeerBridge keeps nothing about them yet.
 */
export async function resolveSubject(
  deps: SubjectDeps,
  actor: Actor,
  targetUserId: string | undefined,
  act: PrivacyAct,
  t: Translate = english,
): Promise<SubjectOutcome> {
  const find = (userId: string) =>
    deps.prisma.member.findFirst({ where: { platformUserId: userId, workspace: scopeOf(actor) } });
  if (targetUserId === undefined || targetUserId === actor.userId) {
    const me = await find(actor.userId);
    return { ok: true, subject: me ? subjectOf(me, actor, me.id, false) : undefined };
  }
  return forSomeoneElse(deps, actor, await find(targetUserId), act, t);
}

/** For a button press: the subject by member id, with the same rules as a typed request. */
export async function resolveSubjectById(
  deps: SubjectDeps,
  actor: Actor,
  memberId: string,
  act: PrivacyAct,
  t: Translate = english,
): Promise<SubjectOutcome> {
  const target = await deps.prisma.member.findFirst({ where: { id: memberId, workspace: scopeOf(actor) } });
  if (!target) return { ok: false, reason: t('privacy.subject.gone') };
  return resolveSubject(deps, actor, target.platformUserId, act, t);
}
