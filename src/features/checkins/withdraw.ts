// When a member erases their data, what they shared with the team leaves the channel's
// check-in posts too: a live answer not yet tried is never sent, a sent one now says it was
// taken back, and each digest that counted them is redrawn from the others' answers. The
// stored views change in the erase's transaction; the posts on the platform are edited after
// it commits (`redrawSent`), so a failed erase edits nothing. A live answer whose send was
// already tried may be on its way with the member's words: it is kept, says it was taken
// back, and is edited once the worker records it as sent (`redrawWhenSent`).
import type { FieldCipher } from '../../db/index.ts';
import { type DbClient, replaceOutboxView } from '../../scheduling/index.ts';
import { buildDigest, minGroupOf } from './digest.ts';
import { digestView, withdrawnAnswerView } from './views.ts';

/** Returns the outbox keys whose platform copies must be redrawn once this commits. */
export async function withdrawShared(tx: DbClient, cipher: FieldCipher, memberId: string): Promise<string[]> {
  const answers = await tx.checkinAnswer.findMany({
    where: { memberId, OR: [{ sharedNamed: { gt: 0 } }, { sharedAnon: { gt: 0 } }] },
    select: { id: true, round: { select: { id: true, teamId: true, template: { select: { name: true } } } } },
  });
  if (answers.length === 0) return [];
  const live = await tx.outboxMessage.findMany({
    where: { OR: answers.map((a) => ({ idempotencyKey: { startsWith: `checkin-live:${a.id}:` } })) },
    select: { id: true, idempotencyKey: true, status: true, attempts: true },
  });
  // Never tried: deleted, and a worker that claimed it finds it gone when it counts its try
  // (just before the send) and sends nothing. Tried: it may be out now, so it stays.
  const neverTried = (row: (typeof live)[number]) => row.status !== 'sent' && row.attempts === 0;
  await tx.outboxMessage.deleteMany({ where: { id: { in: live.filter(neverTried).map((row) => row.id) } } });
  const redraw: string[] = [];
  for (const answer of answers) {
    for (const row of live.filter(
      (r) => !neverTried(r) && r.idempotencyKey.startsWith(`checkin-live:${answer.id}:`),
    )) {
      await replaceOutboxView(
        tx,
        cipher,
        row.idempotencyKey,
        withdrawnAnswerView(answer.round.template.name),
      );
      redraw.push(row.idempotencyKey);
    }
  }
  for (const { round } of answers) {
    const others = await tx.checkinAnswer.findMany({
      where: { roundId: round.id, memberId: { not: memberId } },
      include: { member: true },
    });
    const digest = buildDigest(cipher, round.template.name, others, await minGroupOf(tx, round.teamId));
    const key = `checkin-digest:${round.id}`;
    if (await replaceOutboxView(tx, cipher, key, digestView(digest))) redraw.push(key);
  }
  return redraw;
}
