// Closing a round and its digest. Closing is a compare-and-set on the round's status plus an
// occurrence claim, inside one transaction with the digest's outbox row: two replicas (or a
// close command racing the close job) post one digest. The digest holds only what members
// shared with the team, anonymous answers without a name, how many took part (never who did
// not), and the mood spread only when at least the team's minimum group answered.
import type { Db, FieldCipher } from '../../db/index.ts';
import { claimOccurrence, type DbClient, enqueueOutbox } from '../../scheduling/index.ts';
import { decryptItems } from './answers.ts';
import type { Team } from './context.ts';
import type { AnswerItem } from './questions.ts';
import { scaleWords } from './questions.ts';
import { type DigestAnswer, digestView, liveAnswerView } from './views.ts';

export const MIN_GROUP_FLOOR = 3;

export async function minGroupOf(tx: DbClient, teamId: string): Promise<number> {
  const settings = await tx.checkinTeamSettings.findUnique({ where: { teamId } });
  return Math.max(MIN_GROUP_FLOOR, settings?.minGroupSize ?? MIN_GROUP_FLOOR);
}

const sharedValue = (item: AnswerItem): string =>
  item.kind === 'scale' ? (scaleWords[Number(item.value) - 1] ?? item.value) : item.value;

/** What of one answer may be shown to the team. Anonymous moods only count in the spread. */
export function sharedAnswers(items: readonly AnswerItem[], author: string): DigestAnswer[] {
  return items
    .filter((i) => i.audience === 'team' || (i.audience === 'anonymous' && i.kind !== 'scale'))
    .map((i) => ({
      question: i.question,
      value: sharedValue(i),
      ...(i.audience === 'team' ? { author } : {}),
    }));
}

/**
 * Where the round's note went, so the digest answers in its thread: the note's Slack ts, or on
 * Discord its message id (a thread started from a message has its id; the adapter starts it).
 */
async function threadOf(tx: DbClient, roundId: string): Promise<string | undefined> {
  const note = await tx.outboxMessage.findUnique({ where: { idempotencyKey: `checkin-note:${roundId}` } });
  return note?.status === 'sent' ? (note.platformMessageId ?? undefined) : undefined;
}

type Answer = Db.CheckinAnswer & { member: Db.Member };

export function buildDigest(cipher: FieldCipher, name: string, answers: readonly Answer[], minGroup: number) {
  const given = answers.filter((a) => !a.skipped);
  const shared: DigestAnswer[] = [];
  for (const answer of given)
    shared.push(...sharedAnswers(decryptItems(cipher, answer), answer.member.displayName));
  // Order says nothing about who answered when: named first by name, anonymous by their words.
  shared.sort(
    (a, b) => (a.author ?? '\uffff').localeCompare(b.author ?? '\uffff') || a.value.localeCompare(b.value),
  );
  const moods = given.map((a) => a.mood).filter((m): m is number => m !== null);
  const spread =
    moods.length >= minGroup ? scaleWords.map((_, i) => moods.filter((m) => m === i + 1).length) : undefined;
  return {
    name,
    took: given.length,
    invited: 0,
    answers: shared,
    minGroup,
    scaleWords,
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
  const digest = buildDigest(cipher, round.template.name, round.answers, await minGroupOf(tx, round.teamId));
  const threadId = await threadOf(tx, round.id);
  await enqueueOutbox(tx, cipher, {
    idempotencyKey: `checkin-digest:${round.id}`,
    platform: round.team.workspace.platform,
    workspaceExternalId: round.team.workspace.externalId,
    teamId: round.teamId,
    target: { kind: 'channel', channelId: round.team.channelId, ...(threadId ? { threadId } : {}) },
    view: digestView(digest),
    notBefore: now,
  });
  await tx.occurrenceClaim.update({
    where: { key: `checkin-close:${round.id}` },
    data: { status: 'done', finishedAt: now },
  });
  return true;
}

/** Live digests: the shared part of one answer, posted as it comes. */
export async function postLiveAnswer(
  tx: DbClient,
  cipher: FieldCipher,
  team: Team,
  round: Db.CheckinRound & { template: Db.CheckinTemplate },
  answer: Db.CheckinAnswer,
  items: readonly AnswerItem[],
  author: string,
  now: Date,
): Promise<void> {
  const shared = sharedAnswers(items, author);
  if (shared.length === 0) return;
  const threadId = await threadOf(tx, round.id);
  await enqueueOutbox(tx, cipher, {
    idempotencyKey: `checkin-live:${answer.id}:${now.getTime()}`,
    platform: team.workspace.platform,
    workspaceExternalId: team.workspace.externalId,
    teamId: team.id,
    target: { kind: 'channel', channelId: team.channelId, ...(threadId ? { threadId } : {}) },
    view: liveAnswerView(round.template.name, shared),
    notBefore: now,
  });
}
