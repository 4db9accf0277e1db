import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, processedEvents } from '../../src/db/index.ts';
import { clonedDatabase } from '../support/database.ts';

let a: Database;
let b: Database;
beforeAll(async () => {
  [a, b] = await Promise.all([clonedDatabase(), clonedDatabase()]);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});

describe('processed platform events', () => {
  it('says first time once per platform and event id, even when asked concurrently', async () => {
    const dedupe = processedEvents(a.prisma);
    const answers = await Promise.all(Array.from({ length: 5 }, () => dedupe.firstTime('slack', 'Ev123')));
    expect(answers.filter(Boolean)).toHaveLength(1);
    expect(await dedupe.firstTime('discord', 'Ev123')).toBe(true);
  });

  it('answers a burst (batched into one insert) per event, across two replicas of the app', async () => {
    // Two deduplicators on one database stand for two app processes.
    const [one, two] = [processedEvents(a.prisma), processedEvents(a.prisma)];
    const ids = Array.from({ length: 40 }, (_, i) => `Burst${i % 20}`);
    const answers = await Promise.all(
      ids.flatMap((id) => [
        one.firstTime('slack', id),
        two.firstTime('slack', id),
        one.firstTime('discord', id),
      ]),
    );
    const firsts = answers.filter(Boolean).length;
    // 20 distinct Slack ids and 20 distinct Discord ids: each is first exactly once.
    expect(firsts).toBe(40);
    expect(await a.prisma.processedEvent.count({ where: { eventId: { startsWith: 'Burst' } } })).toBe(40);
    expect(await two.firstTime('slack', 'Burst3')).toBe(false);
  });

  it('gives each test database its own clone of the migrated template', async () => {
    await a.prisma.workspace.create({ data: { platform: 'shell', externalId: 'only-in-a' } });
    expect(await b.prisma.workspace.count({ where: { externalId: 'only-in-a' } })).toBe(0);
  });
});
