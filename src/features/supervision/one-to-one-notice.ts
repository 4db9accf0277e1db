// A supervisor hears of each one-to-one booked with them, and of each move: a booking they
// learnt of only from its reminder was easy to miss. Through the outbox, keyed by the
// booking and its change counter, so a retried command sends it once.
import type { Db } from '../../db/index.ts';
import { dmMembers, teamWithWorkspace } from './delivery.ts';
import type { SupervisionDeps } from './deps.ts';
import { bookedForSupervisorView } from './views.ts';

export async function tellSupervisor(
  deps: Pick<SupervisionDeps, 'prisma' | 'outbox'>,
  session: Db.SupervisionSession,
  superviseeName: string,
  moved: boolean,
): Promise<void> {
  const supervisorId = session.supervisorId;
  if (!supervisorId) return;
  await deps.prisma.$transaction(async (tx) => {
    const team = await teamWithWorkspace(tx, session.teamId);
    const supervisor = await tx.member.findUniqueOrThrow({ where: { id: supervisorId } });
    await dmMembers(
      tx,
      deps.outbox,
      team,
      [supervisor],
      `one-to-one-booked:${session.id}:${session.sequence}`,
      (_, zone, t) => bookedForSupervisorView(session, superviseeName, zone, moved, t),
    );
  });
  deps.outbox.notify();
}
