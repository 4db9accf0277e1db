// A scheduler replica in a process of its own, for the two-process exactly-once test:
//   node --import tsx test/scheduling/support/tick-once.ts <postgres url> <iso now> <instance id>
// It connects, prints "ready", waits for a line on stdin (so both replicas tick together),
// ticks once at <iso now> and prints one JSON line: the occurrence keys its handler ran.
import { createInterface } from 'node:readline';
import { openDatabase } from '../../../src/db/index.ts';
import { createScheduler, ManualClock } from '../../../src/scheduling/index.ts';

const [url, iso, instanceId] = process.argv.slice(2);
if (!url || !iso || !instanceId) {
  console.error('usage: tick-once.ts <postgres url> <iso now> <instance id>');
  process.exit(2);
}

const db = await openDatabase({ kind: 'postgres', url });
const ran: string[] = [];
const scheduler = createScheduler({
  prisma: db.prisma,
  instanceId,
  clock: new ManualClock(iso),
  handlers: {
    checkin: async (occurrence) => {
      ran.push(occurrence.key);
    },
  },
});
// Warm the connection pool, so the race is between the ticks and not between connects.
await db.prisma.$queryRaw`SELECT 1`;
console.log('ready');
const lines = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();
await scheduler.tick();
console.log(JSON.stringify({ instanceId, ran }));
await db.close();
process.exit(0);
