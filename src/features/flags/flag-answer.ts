// A supervisor answers a flag: acknowledges it ("I'll reach out" / "Noted"), opens it to read
// the note, or closes it with a private follow-up note. Every read by someone other than the
// author is written to the audit log; so is every refused attempt.
import type { Actor } from '../../chat/index.ts';
import { literal, type MarkupText } from '../../chat/markup.ts';
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { type Clock, type DbClient, enqueueOutbox } from '../../scheduling/index.ts';
import { translatorForMember } from '../teams/index.ts';
import { FOLLOW_UP_CONTEXT, NOTE_CONTEXT } from './flag-create.ts';
import { plainView } from './flag-views.ts';
import { accessTo } from './routing.ts';
import { clockWords } from './time-words.ts';

export interface AnswerDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; reason: MarkupText };

async function audit(
  db: DbClient,
  at: Date,
  actorId: string,
  action: string,
  flagId: string,
  detail: Record<string, string> = {},
) {
  await db.auditLog.create({
    data: { at, actorMemberId: actorId, action, subjectType: 'TriggerFlag', subjectId: flagId, detail },
  });
}

/** The flag if `viewer` may act on it as a supervisor; otherwise a refusal, audited. */
export async function flagForSupervisor(
  deps: AnswerDeps,
  viewer: Db.Member,
  flagId: string,
  t: Translate,
): Promise<Answer<Db.TriggerFlag & { author: Db.Member; team: Db.Team }>> {
  const flag = await deps.prisma.triggerFlag.findUnique({
    where: { id: flagId },
    include: { author: true, team: true },
  });
  if (!flag) return { ok: false, reason: t('flags.errors.notFound') };
  const access = await accessTo(deps.prisma, flag, viewer.id);
  if (access !== 'supervisor') {
    await audit(deps.prisma, deps.clock.now(), viewer.id, 'refused.flag.read', flag.id);
    return { ok: false, reason: access === 'author' ? t('flags.errors.ownFlag') : t('flags.errors.refused') };
  }
  return { ok: true, value: flag };
}

export async function readNote(deps: AnswerDeps, viewer: Db.Member, flagId: string, t: Translate) {
  const found = await flagForSupervisor(deps, viewer, flagId, t);
  if (!found.ok) return found;
  const flag = found.value;
  const note = flag.noteEnc ? deps.cipher.decrypt(flag.noteEnc, NOTE_CONTEXT, flag.id) : undefined;
  const followUp = flag.followUpEnc
    ? deps.cipher.decrypt(flag.followUpEnc, FOLLOW_UP_CONTEXT, flag.id)
    : undefined;
  const now = deps.clock.now();
  await audit(deps.prisma, now, viewer.id, 'read.flag.note', flag.id, { authorId: flag.authorId });
  // A flag read is a flag seen: the member's `/peer flags` says who and when (the first read).
  await deps.prisma.flagRead.createMany({
    data: [{ flagId: flag.id, readerId: viewer.id, firstReadAt: now }],
    skipDuplicates: true,
  });
  return { ok: true as const, value: { flag, note, followUp } };
}

function memberZone(member: Db.Member, team: Db.Team): string {
  return member.timeZone ?? team.timeZone;
}

export async function acknowledge(
  deps: AnswerDeps,
  actor: Actor,
  viewer: Db.Member,
  flagId: string,
  kind: Db.FlagAckKind,
  t: Translate,
): Promise<Answer<{ authorName: string; kind: Db.FlagAckKind }>> {
  const found = await flagForSupervisor(deps, viewer, flagId, t);
  if (!found.ok) return found;
  const flag = found.value;
  const now = deps.clock.now();
  const done = await deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.triggerFlag.updateMany({
      where: { id: flag.id, acknowledgedAt: null, closedAt: null },
      data: { status: 'acknowledged', acknowledgedAt: now, escalateAt: null },
    });
    if (claimed.count === 0) return false;
    await tx.flagAcknowledgement.create({
      data: { flagId: flag.id, supervisorId: viewer.id, kind, acknowledgedAt: now },
    });
    // The author's words, in the author's language (the viewer's `t` is for the viewer's replies).
    const theirs = translatorForMember(flag.author, flag.team);
    const when = clockWords(now, memberZone(flag.author, flag.team), theirs);
    const name = literal(viewer.displayName);
    await enqueueOutbox(tx, deps.cipher, {
      idempotencyKey: `flag:${flag.id}:acknowledged`,
      platform: actor.platform,
      workspaceExternalId: actor.workspaceId,
      teamId: flag.teamId,
      target: { kind: 'dm', userId: flag.author.platformUserId },
      recipientMemberId: flag.authorId,
      view: plainView(
        kind === 'reach_out'
          ? theirs('flags.answer.seenReachOut', { name, when })
          : theirs('flags.answer.seenNoted', { name, when }),
      ),
      isPrivate: true,
      urgent: true,
      notBefore: now,
    });
    return true;
  });
  if (!done) return { ok: false, reason: await alreadyAnswered(deps.prisma, flag, t) };
  return { ok: true, value: { authorName: flag.author.displayName, kind } };
}

async function alreadyAnswered(
  prisma: PrismaClient,
  flag: Db.TriggerFlag & { team: Db.Team },
  t: Translate,
): Promise<MarkupText> {
  const ack = await prisma.flagAcknowledgement.findFirst({
    where: { flagId: flag.id },
    include: { supervisor: true },
    orderBy: { acknowledgedAt: 'asc' },
  });
  const current = await prisma.triggerFlag.findUniqueOrThrow({ where: { id: flag.id } });
  const by = ack
    ? t('flags.answer.answeredBy', {
        name: literal(ack.supervisor.displayName),
        when: clockWords(ack.acknowledgedAt, flag.team.timeZone, t),
      })
    : t('flags.answer.answeredSomeone');
  return current.closedAt ? t('flags.answer.alreadyClosed') : t('flags.answer.alreadyAnswered', { by });
}

export async function closeFlag(
  deps: AnswerDeps,
  actor: Actor,
  viewer: Db.Member,
  flagId: string,
  followUp: string | undefined,
  t: Translate,
): Promise<Answer<{ authorName: string }>> {
  const found = await flagForSupervisor(deps, viewer, flagId, t);
  if (!found.ok) return found;
  const flag = found.value;
  const now = deps.clock.now();
  const done = await deps.prisma.$transaction(async (tx) => {
    const closed = await tx.triggerFlag.updateMany({
      where: { id: flag.id, closedAt: null },
      data: {
        status: 'closed',
        closedAt: now,
        escalateAt: null,
        followUpEnc: followUp ? deps.cipher.encrypt(followUp, FOLLOW_UP_CONTEXT, flag.id) : null,
        ...(flag.acknowledgedAt ? {} : { acknowledgedAt: now }),
      },
    });
    if (closed.count === 0) return false;
    if (!flag.acknowledgedAt) {
      await tx.flagAcknowledgement.create({
        data: { flagId: flag.id, supervisorId: viewer.id, kind: 'noted', acknowledgedAt: now },
      });
    }
    await enqueueOutbox(tx, deps.cipher, {
      idempotencyKey: `flag:${flag.id}:closed`,
      platform: actor.platform,
      workspaceExternalId: actor.workspaceId,
      teamId: flag.teamId,
      target: { kind: 'dm', userId: flag.author.platformUserId },
      recipientMemberId: flag.authorId,
      view: plainView(
        translatorForMember(flag.author, flag.team)('flags.answer.closedDm', {
          name: literal(viewer.displayName),
        }),
      ),
      isPrivate: true,
      notBefore: now,
    });
    return true;
  });
  if (!done) return { ok: false, reason: t('flags.answer.alreadyClosed') };
  return { ok: true, value: { authorName: flag.author.displayName } };
}
