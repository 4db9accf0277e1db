// Who may receive, and who may open, a member's private text (a flag, a shared plan section, a
// check-in answer for their supervisor only): one rule, asked
//  - by the delivery worker just before it sends a notice (app.ts passes `privateDeliveryCheck`
//    to the outbox worker as its PrivateDeliveryCheck port; a refused row is dropped, audited);
//  - by the Open buttons, just before the text is shown (flags, plans, check-ins);
//  - by `/peer flags`, for which flags a supervisor sees listed.
// Decided on the database as it is at that moment, so a role removed or a pairing changed
// applies at once, to rows already queued too.
//
// The recipient is a member, not a platform actor (the worker has no event), so the subjects
// they hold towards the private text are worked out here from the database; the verb table
// decides (verbs `receive-private` and `receive-private.escalated-flag`, policy.ts).
import type { Db } from '../db/index.ts';
import type { DbClient, PrivateDeliveryCheck, PrivateDeliveryRequest } from '../scheduling/index.ts';
import { decide } from './policy.ts';
import type { SubjectKind } from './subjects.ts';

/** What the recipient is to the member whose private text it is. */
export type Standing = 'self' | 'own-supervisor' | 'escalated-admin-supervisor';

/**
 * The verb `receive-private` (and opening what was received): the member themselves, or a
 * supervisor who supervises them now; a flag also the team's admin supervisors once it was
 * escalated to them (`receive-private.escalated-flag`).
 */
export function allowedToReceive(held: ReadonlySet<Standing>): boolean {
  if (held.has('escalated-admin-supervisor'))
    return decide('receive-private.escalated-flag', new Set<SubjectKind>(['team-supervisor'])).ok;
  const subjects = new Set<SubjectKind>();
  if (held.has('self')) subjects.add('self');
  if (held.has('own-supervisor')) subjects.add('own-supervisor');
  return decide('receive-private', subjects).ok;
}

/** The supervisor role in this team, and a pairing (primary or backup) with the member there. */
export async function supervisesNow(
  db: DbClient,
  teamId: string,
  supervisorId: string,
  memberId: string,
): Promise<boolean> {
  if (supervisorId === memberId) return false;
  const [role, pairing] = await Promise.all([
    db.teamRole.count({ where: { teamId, memberId: supervisorId, role: 'supervisor' } }),
    db.supervisorAssignment.count({ where: { teamId, superviseeId: memberId, supervisorId } }),
  ]);
  return role > 0 && pairing > 0;
}

export type FlagAccess = 'author' | 'supervisor' | 'refused';

/**
 * A flag: its author; a person it was sent to who still supervises the author; or, once it was
 * escalated to the admins (step 2), a person it was sent to who is still an admin and a
 * supervisor of the team. A former supervisor, another team's supervisor, an admin who is not a
 * supervisor and other members: never.
 */
export async function flagAccess(
  db: DbClient,
  flag: Pick<Db.TriggerFlag, 'teamId' | 'authorId' | 'sentToIds' | 'step'>,
  viewerId: string,
): Promise<FlagAccess> {
  if (flag.authorId === viewerId) return 'author';
  if (!flag.sentToIds.includes(viewerId)) return 'refused';
  const roles = await db.teamRole.findMany({ where: { teamId: flag.teamId, memberId: viewerId } });
  if (!roles.some((r) => r.role === 'supervisor')) return 'refused';
  if (flag.step >= 2 && roles.some((r) => r.role === 'admin')) return 'supervisor';
  const assigned = await db.supervisorAssignment.count({
    where: { teamId: flag.teamId, superviseeId: flag.authorId, supervisorId: viewerId },
  });
  return assigned > 0 ? 'supervisor' : 'refused';
}

async function flagStanding(db: DbClient, request: PrivateDeliveryRequest, recipientId: string) {
  const flag = await db.triggerFlag.findUnique({ where: { id: request.subjectId } });
  // A closed flag needs no notice any more; an erased author's flags are closed by the erase.
  if (!flag || flag.authorId !== request.aboutMemberId || flag.closedAt) return new Set<Standing>();
  const access = await flagAccess(db, flag, recipientId);
  if (access === 'author') return new Set<Standing>(['self']);
  if (access === 'refused') return new Set<Standing>();
  return new Set<Standing>([flag.step >= 2 ? 'escalated-admin-supervisor' : 'own-supervisor']);
}

/** The team a private delivery's subject lives in, and whether the subject still exists. */
async function subjectTeam(
  db: DbClient,
  request: PrivateDeliveryRequest,
  recipientId: string,
): Promise<string | undefined> {
  switch (request.kind) {
    case 'plan-share': {
      // A share is for the one supervisor the member chose (and the member): never passed on.
      const share = await db.planShare.findUnique({ where: { id: request.subjectId } });
      const forThem = share?.supervisorId === recipientId || share?.memberId === recipientId;
      return share && share.memberId === request.aboutMemberId && forThem ? share.teamId : undefined;
    }
    case 'checkin-answer': {
      const answer = await db.checkinAnswer.findUnique({
        where: { id: request.subjectId },
        select: { memberId: true, round: { select: { teamId: true } } },
      });
      return answer && answer.memberId === request.aboutMemberId ? answer.round.teamId : undefined;
    }
    default:
      return undefined;
  }
}

/** The standings `recipientId` holds towards the private text a delivery is about, now. */
export async function standingTowards(
  db: DbClient,
  request: PrivateDeliveryRequest,
  recipientId: string,
): Promise<ReadonlySet<Standing>> {
  if (request.kind === 'flag') return flagStanding(db, request, recipientId);
  const teamId = await subjectTeam(db, request, recipientId);
  if (teamId === undefined) return new Set();
  if (recipientId === request.aboutMemberId) return new Set(['self']);
  return (await supervisesNow(db, teamId, recipientId, request.aboutMemberId))
    ? new Set(['own-supervisor'])
    : new Set();
}

/** May `recipientId` receive (or open) this private text now? */
export async function mayReceivePrivate(
  db: DbClient,
  request: PrivateDeliveryRequest,
  recipientId: string | null,
): Promise<boolean> {
  if (recipientId === null) return false;
  return allowedToReceive(await standingTowards(db, request, recipientId));
}

/** The port the delivery worker asks (app.ts wires it). */
export function privateDeliveryCheck(db: DbClient): PrivateDeliveryCheck {
  return { mayReceive: (request) => mayReceivePrivate(db, request, request.recipientMemberId) };
}
