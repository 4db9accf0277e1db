// Who a member's flag goes to, step by step, and who may read it. The chain: the primary
// supervisor, then the backup, then the team's admins who are also supervisors. Only people a
// flag was actually sent to, and who still supervise the member (or are still admin
// supervisors of the team), may read it; a former supervisor, another team's supervisor, an
// admin who is not a supervisor and other members may not.
import { type FlagAccess, flagAccess } from '../../access/index.ts';
import type { Db } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';

export interface Chain {
  readonly primary?: Db.Member;
  readonly backup?: Db.Member;
  readonly admins: readonly Db.Member[];
}

async function supervisorIds(db: DbClient, teamId: string): Promise<Set<string>> {
  const rows = await db.teamRole.findMany({
    where: { teamId, role: 'supervisor' },
    select: { memberId: true },
  });
  return new Set(rows.map((r) => r.memberId));
}

export async function chainFor(db: DbClient, teamId: string, authorId: string): Promise<Chain> {
  const [assignments, supervisors, adminRoles] = await Promise.all([
    db.supervisorAssignment.findMany({
      where: { teamId, superviseeId: authorId },
      include: { supervisor: true },
    }),
    supervisorIds(db, teamId),
    db.teamRole.findMany({
      where: { teamId, role: 'admin' },
      include: { member: true },
      orderBy: { createdAt: 'asc' },
    }),
  ]);
  const current = (kind: Db.SupervisorKind) =>
    assignments.find((a) => a.kind === kind && supervisors.has(a.supervisorId) && a.supervisorId !== authorId)
      ?.supervisor;
  const primary = current('primary');
  const backup = current('backup');
  const taken = new Set([authorId, primary?.id, backup?.id]);
  const admins = adminRoles.map((r) => r.member).filter((m) => supervisors.has(m.id) && !taken.has(m.id));
  return { ...(primary ? { primary } : {}), ...(backup ? { backup } : {}), admins };
}

/** The people the flag goes to at `step` (0 primary, 1 backup, 2 admins), skipping empty steps. */
export function recipientsFrom(chain: Chain, step: number): { step: number; to: readonly Db.Member[] } {
  for (let s = step; s <= 2; s++) {
    const to =
      s === 0
        ? chain.primary
          ? [chain.primary]
          : []
        : s === 1
          ? chain.backup
            ? [chain.backup]
            : []
          : chain.admins;
    if (to.length > 0) return { step: s, to };
  }
  return { step: 3, to: [] };
}

export type Access = FlagAccess;

/** Decided on the database as it is now, so a change of roles applies at once (src/access). */
export const accessTo = flagAccess;
