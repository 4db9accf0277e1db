// One cloned database per test file, emptied before each test: a clone costs about a second
// on a busy machine, a TRUNCATE a few milliseconds, and no test sees another's rows.
import type { PrismaClient } from '../../../src/db/index.ts';

export async function emptyTables(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe(
    'TRUNCATE "OutboxMessage", "OccurrenceClaim", "Schedule", "Member", "Team", "Workspace" CASCADE',
  );
}
