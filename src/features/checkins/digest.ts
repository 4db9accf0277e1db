// Closing a round and its digest. Closing is a compare-and-set on the round's status plus an
// occurrence claim, inside one transaction with the digest's outbox rows: two replicas (or a
// close command racing the close job) post one digest. What may be shown follows the one
// anonymity rule (src/anonymity): the digest post holds how many took part (never who did not),
// the mood spread and the anonymous answers, the last two only when at least the team's
// minimum group took part; named answers go in posts of their own (named-posts.ts), one per
// person, so an erase takes a person's post back and never redraws the anonymous one.
import { anonymousForDigest, mayShowCounts, minimumGroup } from '../../anonymity/index.ts';
import type { Db, FieldCipher } from '../../db/index.ts';
import { claimOccurrence, type DbClient, enqueueOutbox } from '../../scheduling/index.ts';
import { decryptItems } from './answers.ts';
import { questionsOf } from './definitions.ts';
import { channelTranslator, enqueueNamedPost, namedItems, threadOf } from './named-posts.ts';
import { type Question, scalePoints } from './questions.ts';
import { type DigestAnswer, digestView } from './views.ts';

export { MIN_GROUP_FLOOR } from '../../anonymity/index.ts';

export async function minGroupOf(tx: DbClient, teamId: string): Promise<number> {
  const settings = await tx.checkinTeamSettings.findUnique({ where: { teamId } });
  return minimumGroup(settings?.minGroupSize);
}

type Answer = Db.CheckinAnswer & { member: Db.Member };

/** The digest post: counts, and (when the rule allows) the spread and the anonymous answers. */
export function buildDigest(
  cipher: FieldCipher,
  name: string,
  questions: readonly Question[],
  answers: readonly Answer[],
  minGroup: number,
) {
  const given = answers.filter((a) => !a.skipped);
  const anonymous = given.flatMap((a) =>
    decryptItems(cipher, a).filter((i) => i.audience === 'anonymous' && i.kind !== 'scale'),
  );
  const shown: DigestAnswer[] = questions.flatMap((q) =>
    anonymousForDigest(
      anonymous.filter((i) => i.questionId === q.id),
      given.length,
      minGroup,
      (i) => i.value,
    ).map((i) => ({ questionId: i.questionId, question: i.question, kind: i.kind, value: i.value })),
  );
  const moods = given.map((a) => a.mood).filter((m): m is number => m !== null);
  const spread = mayShowCounts(moods.length, minGroup)
    ? scalePoints.map((point) => moods.filter((m) => m === point).length)
    : undefined;
  return {
    name,
    took: given.length,
    invited: 0,
    answers: shown,
    minGroup,
    ...(spread ? { spread } : {}),
  };
}

/**
 * A prompt, reminder or "Remind me in an hour" nudge not yet sent when its round closes would
 * arrive saying the round is open: those still waiting (quiet hours, the hour's wait) go with
 * the close. One a worker holds right now is left to it.
 */
async function withdrawUnsentInvitations(tx: DbClient, roundId: string, now: Date) {
  await tx.outboxMessage.deleteMany({
    where: {
      status: 'pending',
      OR: ['checkin-prompt', 'checkin-reminder', 'checkin-snooze'].map((kind) => ({
        idempotencyKey: { startsWith: `${kind}:${roundId}:` },
      })),
      AND: [{ OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] }],
    },
  });
}

/** Closes the round once; false when it was already closed (by another replica or command). */
export async function closeRound(
  tx: DbClient,
  cipher: FieldCipher,
  roundId: string,
  now: Date,
  instanceId: string,
) {
  const round = await tx.checkinRound.findUnique({
    where: { id: roundId },
    include: {
      team: { include: { workspace: true } },
      template: true,
      answers: { include: { member: true } },
    },
  });
  if (round?.status !== 'open') return false;
  const won = await claimOccurrence(tx, {
    key: `checkin-close:${round.id}`,
    dueAt: round.closesAt,
    instanceId,
    at: now,
  });
  if (!won) return false;
  const changed = await tx.checkinRound.updateMany({
    where: { id: round.id, status: 'open' },
    data: { status: 'closed', digestPostedAt: now },
  });
  if (changed.count !== 1) return false;
  await withdrawUnsentInvitations(tx, round.id, now);
  const minGroup = await minGroupOf(tx, round.teamId);
  const digest = buildDigest(
    cipher,
    round.template.name,
    questionsOf(round.template),
    round.answers,
    minGroup,
  );
  const threadId = await threadOf(tx, round.id);
  await enqueueOutbox(tx, cipher, {
    idempotencyKey: `checkin-digest:${round.id}`,
    platform: round.team.workspace.platform,
    workspaceExternalId: round.team.workspace.externalId,
    teamId: round.teamId,
    target: { kind: 'channel', channelId: round.team.channelId, ...(threadId ? { threadId } : {}) },
    view: digestView(digest, channelTranslator(round.team)),
    notBefore: now,
  });
  // Answers as they come were posted already; a digest at close posts each person's named
  // answers now, by name (not by when they answered), after the digest in the same thread.
  if (round.template.digestMode !== 'live') {
    const named = round.answers
      .filter((a) => !a.skipped)
      .map((a) => ({ answer: a, items: namedItems(decryptItems(cipher, a)) }))
      .filter((a) => a.items.length > 0)
      .sort((a, b) => a.answer.member.displayName.localeCompare(b.answer.member.displayName));
    for (const { answer, items } of named)
      await enqueueNamedPost(tx, cipher, round.team, round, answer, items, answer.member.displayName, now);
  }
  await tx.occurrenceClaim.update({
    where: { key: `checkin-close:${round.id}` },
    data: { status: 'done', finishedAt: now },
  });
  return true;
}
