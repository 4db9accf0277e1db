// What resources keep about a member: the suggestions they made (what and whether it was
// added). Shared entries are not personal; the name of whoever last checked an entry is kept
// as the entry's "verified by" and is not erased with the member.
import type { PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { PersonalData, PrivacyLine } from '../feature.ts';

export async function resourcesPrivacy(
  prisma: PrismaClient,
  memberId: string,
  t: Translate = english,
): Promise<PrivacyLine[]> {
  const count = await prisma.resourceSuggestion.count({ where: { suggestedById: memberId } });
  return [
    {
      label: t('resources.privacy.suggestions'),
      value: count === 0 ? t('resources.privacy.none') : t('resources.privacy.some', { count }),
    },
  ];
}

export function resourcesPersonalData(prisma: PrismaClient): PersonalData {
  return {
    async export(memberId) {
      const rows = await prisma.resourceSuggestion.findMany({
        where: { suggestedById: memberId },
        orderBy: { createdAt: 'asc' },
      });
      return {
        suggestions: rows.map((row) => ({
          suggestedAt: row.createdAt.toISOString(),
          status: row.status,
          proposal: row.proposal,
          ...(row.resourceId ? { resourceId: row.resourceId } : {}),
        })),
      };
    },
    async erase(memberId, tx) {
      // The admins' notices quote the suggestion: they go with it.
      const mine = await tx.resourceSuggestion.findMany({
        where: { suggestedById: memberId },
        select: { id: true },
      });
      const notices = await tx.outboxMessage.deleteMany({
        where: { OR: mine.map((s) => ({ idempotencyKey: { startsWith: `resources-suggestion:${s.id}:` } })) },
      });
      const { count } = await tx.resourceSuggestion.deleteMany({ where: { suggestedById: memberId } });
      return { rows: count + notices.count };
    },
  };
}
