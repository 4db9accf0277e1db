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
//
// When the worker drops a held notice because its recipient no longer supervises the member,
// the member is told, in their language, that it did not go to that person and what they can do
// (`tellMemberOfDrop`). That note names no private text: only the section's name or "your flag".
import { literal } from '../chat/markup.ts';
import type { Db, FieldCipher } from '../db/index.ts';
import { en } from '../i18n/catalogs/en.ts';
import { translatorOf } from '../i18n/index.ts';
import {
  type DbClient,
  enqueueOutbox,
  type PrivateDeliveryCheck,
  type PrivateDeliveryRequest,
} from '../scheduling/index.ts';
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

type SectionKey = keyof typeof en.plans.sections;
const isSectionKey = (key: string): key is SectionKey => Object.hasOwn(en.plans.sections, key);

/**
 * After a notice about a member's plan share or open flag was dropped because its recipient no
 * longer supervises them: a direct message to the member, in their language, that it did not go
 * to that person and how to reach whoever supervises them now. Nothing private in it. A closed
 * flag, an erased share or member, or a row for the member themselves: nothing to say (false).
 */
export async function tellMemberOfDrop(
  db: DbClient,
  request: PrivateDeliveryRequest,
  cipher: FieldCipher,
  now: Date,
): Promise<boolean> {
  const formerId = request.recipientMemberId;
  if (formerId === null || formerId === request.aboutMemberId) return false;
  if (request.kind !== 'plan-share' && request.kind !== 'flag') return false;
  const [member, former] = await Promise.all([
    db.member.findUnique({ where: { id: request.aboutMemberId }, include: { workspace: true } }),
    db.member.findUnique({ where: { id: formerId } }),
  ]);
  if (!member || !former) return false;
  const subject =
    request.kind === 'plan-share'
      ? await db.planShare.findUnique({ where: { id: request.subjectId } })
      : await db.triggerFlag.findUnique({ where: { id: request.subjectId } });
  if (!subject || ('authorId' in subject ? subject.authorId : subject.memberId) !== member.id) return false;
  if ('closedAt' in subject && subject.closedAt) return false;
  const team = await db.team.findUnique({ where: { id: subject.teamId } });
  const t = translatorOf({
    choice: member.language,
    platformLocale: member.platformLocale,
    teamLanguage: team?.language,
  });
  const name = literal(former.displayName);
  let text: ReturnType<typeof t>;
  if ('section' in subject) {
    if (!isSectionKey(subject.section)) return false;
    text = t('plans.share.dropped', {
      section: t(`plans.sections.${subject.section}.title`),
      name,
      key: literal(subject.section),
    });
  } else {
    text = t('flags.dropped', { name });
  }
  return enqueueOutbox(db, cipher, {
    idempotencyKey: `private-dropped:${request.kind}:${request.subjectId}:${formerId}`,
    platform: member.workspace.platform,
    workspaceExternalId: member.workspace.externalId,
    teamId: subject.teamId,
    target: { kind: 'dm', userId: member.platformUserId },
    recipientMemberId: member.id,
    view: { text, blocks: [{ type: 'text', text }] },
    notBefore: now,
  });
}

/** The port the delivery worker asks (app.ts wires it), and tells of each drop. */
export function privateDeliveryCheck(db: DbClient): PrivateDeliveryCheck & {
  readonly dropped: (request: PrivateDeliveryRequest, cipher: FieldCipher, now: Date) => Promise<boolean>;
} {
  return {
    mayReceive: (request) => mayReceivePrivate(db, request, request.recipientMemberId),
    dropped: (request, cipher, now) => tellMemberOfDrop(db, request, cipher, now),
  };
}
