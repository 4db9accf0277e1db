// What check-ins keep about a member, for `/peer privacy`, and export/erase of it.
import type { PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { PersonalData, PrivacyLine } from '../feature.ts';
import { decryptItems } from './answers.ts';
import { type RedrawDeps, redrawPosts } from './redraw-posts.ts';
import { withdrawShared } from './withdraw.ts';

/** `retentionDays`: CHECKIN_ANSWER_RETENTION_DAYS (0: kept until the member erases them). */
export async function privacyLines(
  prisma: PrismaClient,
  memberId: string,
  retentionDays = 0,
  t: Translate = english,
): Promise<PrivacyLine[]> {
  const [sums, skipped, prefs] = await Promise.all([
    prisma.checkinAnswer.aggregate({
      where: { memberId },
      _sum: { sharedNamed: true, sharedAnon: true, supervisorOnly: true },
    }),
    prisma.checkinAnswer.count({ where: { memberId, skipped: true } }),
    prisma.checkinPreference.findUnique({ where: { memberId } }),
  ]);
  const named = sums._sum.sharedNamed ?? 0;
  const anon = sums._sum.sharedAnon ?? 0;
  const supervisor = sums._sum.supervisorOnly ?? 0;
  return [
    {
      label: t('checkins.privacy.byAudience'),
      value: t('checkins.privacy.byAudienceValue', { named, anon, supervisor }),
    },
    { label: t('checkins.privacy.skipped'), value: t('checkins.privacy.skippedValue', { count: skipped }) },
    {
      label: t('checkins.privacy.buddy'),
      value: prefs?.buddy ? t('checkins.privacy.yes') : t('checkins.privacy.no'),
    },
    {
      label: t('checkins.privacy.kept'),
      value:
        retentionDays === 0
          ? t('checkins.privacy.keptUntilErase')
          : t('checkins.privacy.keptDays', { days: retentionDays }),
    },
  ];
}

type PersonalDataDeps = RedrawDeps;

export function checkinsPersonalData(deps: PersonalDataDeps): PersonalData {
  const { prisma, cipher } = deps;
  return {
    async export(memberId) {
      const [answers, prefs, roster] = await Promise.all([
        prisma.checkinAnswer.findMany({
          where: { memberId },
          include: { round: { include: { template: true } } },
        }),
        prisma.checkinPreference.findUnique({ where: { memberId } }),
        prisma.checkinRosterEntry.findMany({ where: { memberId } }),
      ]);
      return {
        answers: answers.map((a) => ({
          checkin: a.round.template.name,
          at: a.answeredAt.toISOString(),
          skipped: a.skipped,
          wantsReachOut: a.wantsReachOut,
          items: decryptItems(cipher, a),
        })),
        preferences: prefs
          ? { pausedUntil: prefs.pausedUntil?.toISOString() ?? null, buddy: prefs.buddy }
          : null,
        teams: roster.map((r) => ({ teamId: r.teamId, active: r.active })),
      };
    },
    async erase(memberId, tx) {
      const redraw = await withdrawShared(tx, cipher, memberId);
      // The supervisor's copy of a supervisor-only answer quotes it: it goes with the answer.
      const ids = await tx.checkinAnswer.findMany({ where: { memberId }, select: { id: true } });
      const copies = await tx.outboxMessage.deleteMany({
        where: { OR: ids.map((a) => ({ idempotencyKey: { startsWith: `checkin-private:${a.id}:` } })) },
      });
      const answers = await tx.checkinAnswer.deleteMany({ where: { memberId } });
      const prefs = await tx.checkinPreference.deleteMany({ where: { memberId } });
      const roster = await tx.checkinRosterEntry.deleteMany({ where: { memberId } });
      return {
        rows: answers.count + prefs.count + roster.count + copies.count,
        ...(redraw.length > 0 ? { afterCommit: () => redrawPosts(deps, redraw, 'erase') } : {}),
      };
    },
  };
}
