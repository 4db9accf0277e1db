// The team's anonymous figures for admins: how quickly flags are acknowledged. Shown only when
// acknowledged flags from at least three different people count, so a figure never points at
// one person's flags (three flags from one member are still one person).
import type { PrismaClient } from '../../db/index.ts';

export const MIN_GROUP = 3;

export interface TeamFigures {
  readonly teamName: string;
  readonly flags: number;
  /** Minutes; absent while the acknowledged flags come from fewer than MIN_GROUP people. */
  readonly medianMinutesToAcknowledge?: number;
  readonly acknowledged: number;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function teamFigures(prisma: PrismaClient, teamId: string): Promise<TeamFigures> {
  const team = await prisma.team.findUniqueOrThrow({ where: { id: teamId } });
  const flags = await prisma.triggerFlag.findMany({
    where: { teamId },
    select: { createdAt: true, acknowledgedAt: true, authorId: true },
  });
  const acknowledged = flags.filter((f) => f.acknowledgedAt !== null);
  const waits = acknowledged.map(
    (f) => ((f.acknowledgedAt?.getTime() ?? 0) - f.createdAt.getTime()) / 60_000,
  );
  const people = new Set(acknowledged.map((f) => f.authorId)).size;
  const middle = people >= MIN_GROUP ? median(waits) : undefined;
  return {
    teamName: team.name,
    flags: flags.length,
    acknowledged: waits.length,
    ...(middle === undefined ? {} : { medianMinutesToAcknowledge: Math.round(middle) }),
  };
}
