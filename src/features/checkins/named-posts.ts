// Named answers in the channel: one post per person's answer, holding only what they shared
// with the team under their name (never an anonymous item: src/anonymity). With answers as
// they come, the post goes out when they answer; with one digest at close, at close. A
// replaced answer edits its earlier post (or takes it back when nothing named is left), and an
// erase takes it back (withdraw.ts): the anonymous digest is never redrawn for either.
import type { Db, FieldCipher } from '../../db/index.ts';
import { channelLanguage, type Translate, translatorOf } from '../../i18n/index.ts';
import { type DbClient, enqueueOutbox, replaceOutboxView } from '../../scheduling/index.ts';
import type { Team } from './context.ts';
import type { AnswerItem } from './questions.ts';
import { type DigestAnswer, namedAnswerView, withdrawnAnswerView } from './views.ts';

/**
 * Every named post of an answer has a key with this prefix (`checkin-live:` from when only
 * live rounds had them; retention and erase find them by it).
 */
export const namedPostPrefix = (answerId: string) => `checkin-live:${answerId}:`;

/** What of one answer goes out under the member's name. */
export function namedItems(items: readonly AnswerItem[]): DigestAnswer[] {
  return items
    .filter((i) => i.audience === 'team')
    .map((i) => ({ questionId: i.questionId, question: i.question, kind: i.kind, value: i.value }));
}

/** Posts in the team's channel are read by everyone: the team's language. */
export function channelTranslator(team: Pick<Db.Team, 'language'>): Translate {
  return translatorOf(channelLanguage(team.language));
}

/**
 * Where the round's note went, so posts answer in its thread: the note's Slack ts, or on
 * Discord its message id (a thread started from a message has its id; the adapter starts it).
 */
export async function threadOf(tx: DbClient, roundId: string): Promise<string | undefined> {
  const note = await tx.outboxMessage.findUnique({ where: { idempotencyKey: `checkin-note:${roundId}` } });
  return note?.status === 'sent' ? (note.platformMessageId ?? undefined) : undefined;
}

type Round = Db.CheckinRound & { template: Db.CheckinTemplate };

export async function enqueueNamedPost(
  tx: DbClient,
  cipher: FieldCipher,
  team: Team,
  round: Round,
  answer: Db.CheckinAnswer,
  named: readonly DigestAnswer[],
  author: string,
  now: Date,
): Promise<void> {
  const threadId = await threadOf(tx, round.id);
  await enqueueOutbox(tx, cipher, {
    idempotencyKey: `${namedPostPrefix(answer.id)}${now.getTime()}`,
    platform: team.workspace.platform,
    workspaceExternalId: team.workspace.externalId,
    teamId: team.id,
    target: { kind: 'channel', channelId: team.channelId, ...(threadId ? { threadId } : {}) },
    view: namedAnswerView(round.template.name, author, named, channelTranslator(team)),
    notBefore: now,
  });
}

/**
 * Takes the posts of an answer back (erase, or a replacement with nothing named left) or shows
 * `replacement` in them. A post never tried is deleted, so it is never sent; one tried may be
 * out, so its stored view changes and the keys returned are edited on the platform once this
 * commits (`redrawSent`).
 */
export async function replaceNamedPosts(
  tx: DbClient,
  cipher: FieldCipher,
  answerId: string,
  name: string,
  t: Translate,
  replacement?: { author: string; named: readonly DigestAnswer[] },
): Promise<{ redraw: string[]; tried: number }> {
  const rows = await tx.outboxMessage.findMany({
    where: { idempotencyKey: { startsWith: namedPostPrefix(answerId) } },
    select: { id: true, idempotencyKey: true, status: true, attempts: true },
  });
  // Never tried: a worker that claimed it finds it gone when it counts its try (just before the
  // send) and sends nothing.
  const neverTried = (row: (typeof rows)[number]) => row.status !== 'sent' && row.attempts === 0;
  await tx.outboxMessage.deleteMany({ where: { id: { in: rows.filter(neverTried).map((row) => row.id) } } });
  const tried = rows.filter((row) => !neverTried(row));
  const view =
    replacement && replacement.named.length > 0
      ? namedAnswerView(name, replacement.author, replacement.named, t)
      : withdrawnAnswerView(name, t);
  for (const row of tried) await replaceOutboxView(tx, cipher, row.idempotencyKey, view);
  return { redraw: tried.map((row) => row.idempotencyKey), tried: tried.length };
}

/**
 * Answers as they come: the named part of an answer, in its own post. A replaced answer edits
 * the post it had (or takes it back) instead of adding a second one. Returns the keys to edit on
 * the platform once the answer's transaction commits.
 */
export async function postNamedAnswer(
  tx: DbClient,
  cipher: FieldCipher,
  team: Team,
  round: Round,
  answer: Db.CheckinAnswer,
  items: readonly AnswerItem[],
  author: string,
  now: Date,
): Promise<string[]> {
  const named = namedItems(items);
  const t = channelTranslator(team);
  const earlier = await replaceNamedPosts(tx, cipher, answer.id, round.template.name, t, { author, named });
  if (earlier.tried > 0 || named.length === 0) return earlier.redraw;
  await enqueueNamedPost(tx, cipher, team, round, answer, named, author, now);
  return [];
}
