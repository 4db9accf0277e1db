// When a member erases their data, what they shared with the team under their name leaves the
// channel: each of their named posts (named-posts.ts) is deleted if never tried, or says it was
// taken back. The stored views change in the erase's transaction; the posts on the platform are
// edited after it commits (`redrawSent`), so a failed erase edits nothing. A post whose send was
// already tried may be on its way with the member's words: it is kept, says it was taken back,
// and is edited once the worker records it as sent (`redrawWhenSent`).
//
// The digest is never redrawn: it holds only counts and anonymous answers (src/anonymity), and
// a before/after pair of it would show which anonymous answer and which mood were theirs.
import type { FieldCipher } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { channelTranslator, replaceNamedPosts } from './named-posts.ts';

/** Returns the outbox keys whose platform copies must be redrawn once this commits. */
export async function withdrawShared(tx: DbClient, cipher: FieldCipher, memberId: string): Promise<string[]> {
  const answers = await tx.checkinAnswer.findMany({
    where: { memberId, skipped: false },
    select: {
      id: true,
      round: { select: { template: { select: { name: true } }, team: { select: { language: true } } } },
    },
  });
  const redraw: string[] = [];
  for (const answer of answers)
    redraw.push(
      ...(
        await replaceNamedPosts(
          tx,
          cipher,
          answer.id,
          answer.round.template.name,
          channelTranslator(answer.round.team),
        )
      ).redraw,
    );
  return redraw;
}
