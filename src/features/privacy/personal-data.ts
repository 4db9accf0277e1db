// Export and erase across every feature: each feature's `personalData` holds its own rows;
// this file gathers them, adds what no single feature owns (audit entries about the member,
// messages still queued for them), and writes the audit entry for the act itself.
import type { Db, PrismaClient } from '../../db/index.ts';
import type { Feature } from '../feature.ts';
import type { Subject } from './subject.ts';

/** Every feature in the app, bound by app.ts after composition. */
export type FeatureSource = () => readonly Feature[];

export const EXPORT_FORMAT = 'peerbridge-export/1';

/**
 * Audit entries about the member: those naming them, and those about their own flags (a
 * supervisor reading a flag's note is audited against the flag).
 */
export async function aboutMember(
  prisma: PrismaClient,
  memberId: string,
): Promise<Db.Prisma.AuditLogWhereInput[]> {
  const flags = await prisma.triggerFlag.findMany({ where: { authorId: memberId }, select: { id: true } });
  return [
    { subjectType: 'Member', subjectId: memberId },
    ...(flags.length > 0 ? [{ subjectType: 'TriggerFlag', subjectId: { in: flags.map((f) => f.id) } }] : []),
  ];
}

async function auditAbout(prisma: PrismaClient, memberId: string) {
  const rows = await prisma.auditLog.findMany({
    where: { OR: [...(await aboutMember(prisma, memberId)), { actorMemberId: memberId }] },
    orderBy: { at: 'asc' },
  });
  return rows.map((row) => ({
    at: row.at.toISOString(),
    action: row.action,
    subject: row.subjectType,
    by: row.actorMemberId === memberId ? 'you' : row.actorMemberId === null ? 'PeerBridge' : 'someone else',
  }));
}

export async function exportData(
  prisma: PrismaClient,
  features: FeatureSource,
  subject: Subject,
  now: Date,
): Promise<Record<string, unknown>> {
  const sections: Record<string, unknown> = {};
  for (const feature of features()) {
    if (feature.personalData) sections[feature.name] = await feature.personalData.export(subject.memberId);
  }
  const document = {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    memberId: subject.memberId,
    features: sections,
    audit: await auditAbout(prisma, subject.memberId),
  };
  await prisma.auditLog.create({
    data: {
      actorMemberId: subject.actorMemberId ?? null,
      action: 'privacy.exported',
      subjectType: 'Member',
      subjectId: subject.memberId,
      detail: { byAdmin: subject.byAdmin, sections: Object.keys(sections) },
    },
  });
  return document;
}

/**
 * Erases in one transaction: every feature's rows (in reverse list order, so teams, which owns
 * the member row the others point at, goes last), then the member's queued messages, then the
 * audit entry. Either all of it happens or none. Then each feature's `afterCommit` (posts on
 * the platform that quoted them are edited).
 */
export async function eraseData(
  prisma: PrismaClient,
  features: FeatureSource,
  subject: Subject,
): Promise<{ rows: number; byFeature: Record<string, number> }> {
  const afterCommit: (() => Promise<void>)[] = [];
  const erased = await prisma.$transaction(
    async (tx: Db.Prisma.TransactionClient) => {
      const byFeature: Record<string, number> = {};
      afterCommit.length = 0; // a retried transaction starts over
      for (const feature of [...features()].reverse()) {
        if (!feature.personalData) continue;
        const result = await feature.personalData.erase(subject.memberId, tx);
        byFeature[feature.name] = result.rows;
        if (result.afterCommit) afterCommit.push(result.afterCommit);
      }
      // Every message for them, about them or naming them, in any state: queued ones may hold
      // private text or their name, delivered ones their platform id. `aboutMemberId` marks the
      // ones that name them for someone else (a flag notice, a plan share, a buddy request);
      // keys carrying their id catch rows written before that column existed.
      const queued = await tx.outboxMessage.deleteMany({
        where: {
          OR: [
            { recipientMemberId: subject.memberId },
            { aboutMemberId: subject.memberId },
            { idempotencyKey: { contains: subject.memberId } },
            {
              target: 'dm',
              recipientId: subject.platformUserId,
              platform: subject.workspace.platform,
              workspaceExternalId: subject.workspace.externalId,
            },
          ],
        },
      });
      byFeature.outbox = queued.count;
      const rows = Object.values(byFeature).reduce((sum, n) => sum + n, 0);
      await tx.auditLog.create({
        data: {
          actorMemberId: subject.byAdmin ? (subject.actorMemberId ?? null) : null,
          action: 'privacy.erased',
          subjectType: 'Member',
          subjectId: subject.memberId,
          detail: { byAdmin: subject.byAdmin, rows },
        },
      });
      return { rows, byFeature };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  for (const step of afterCommit) await step();
  return erased;
}
