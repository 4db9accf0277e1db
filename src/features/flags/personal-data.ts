// A member's flags in `/peer privacy`, and their export and erase.
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { PersonalData, PrivacyLine } from '../feature.ts';
import { NOTE_CONTEXT } from './flag-create.ts';

export async function flagPrivacy(
  prisma: PrismaClient,
  memberId: string,
  retentionDays: number,
  t: Translate = english,
): Promise<PrivacyLine[]> {
  const count = await prisma.triggerFlag.count({ where: { authorId: memberId } });
  return [
    {
      label: t('flags.privacy.label'),
      value: t('flags.privacy.value', { count, days: retentionDays }),
    },
  ];
}

export function flagPersonalData(prisma: PrismaClient, cipher: FieldCipher): PersonalData {
  return {
    async export(memberId) {
      const flags = await prisma.triggerFlag.findMany({
        where: { authorId: memberId },
        include: { acknowledgements: { include: { supervisor: true } } },
        orderBy: { createdAt: 'asc' },
      });
      return {
        flags: flags.map((f) => ({
          raisedAt: f.createdAt.toISOString(),
          severity: f.severity,
          wish: f.wish,
          note: f.noteEnc ? cipher.decrypt(f.noteEnc, NOTE_CONTEXT, f.id) : null,
          status: f.status,
          seenBy: f.acknowledgements.map((a) => ({
            name: a.supervisor.displayName,
            at: a.acknowledgedAt.toISOString(),
          })),
        })),
      };
    },
    async erase(memberId, tx) {
      // Level and times stay for the anonymous figures; the note, the supervisor's follow-up
      // about them, who read them and every message about them go. An open flag is closed
      // without passing it on: nobody is asked about a person who is no longer here.
      const flags = await tx.triggerFlag.findMany({ where: { authorId: memberId }, select: { id: true } });
      const now = new Date();
      await tx.triggerFlag.updateMany({
        where: { authorId: memberId, closedAt: null },
        data: { status: 'closed', closedAt: now, escalateAt: null },
      });
      const erased = await tx.triggerFlag.updateMany({
        where: { authorId: memberId },
        data: { noteEnc: null, followUpEnc: null, notesErasedAt: now, escalateAt: null },
      });
      await tx.flagRead.deleteMany({ where: { flagId: { in: flags.map((f) => f.id) } } });
      if (flags.length > 0)
        await tx.outboxMessage.deleteMany({
          where: { OR: flags.map((f) => ({ idempotencyKey: { startsWith: `flag:${f.id}:` } })) },
        });
      return { rows: erased.count };
    },
  };
}
