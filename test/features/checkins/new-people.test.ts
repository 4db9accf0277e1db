// Issue 23, item 1: new people do not miss check-ins. Joining the channel puts a person on the
// roster (and into a round already open); a round reads the platform's list as it opens;
// `/peer team show` shows that list; a second `/peer checkin now` opens nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

let db: Database;
let w: CheckinWorld;

// One database for the file, emptied before each test: a world of its own at a fraction of a clone's cost.
beforeAll(async () => {
  db = await clonedDatabase();
}, 120_000);
beforeEach(async () => {
  await emptyDatabase(db);
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' }, db);
  w.setChannel(['sam', 'sue']);
  await w.team({ admin: 'sam', supervisors: ['sue'] });
  await w.command('sam', ['checkin', 'roster']);
}, 120_000);
afterAll(async () => {
  await db.close();
});

const prompts = async () =>
  (await w.outbox({ keyPrefix: 'checkin-prompt:' })).map((r) => r.recipientId).sort();

describe('new people and check-ins', () => {
  it('sends a prompt to everyone in the channel now, not at the last roster read', async () => {
    w.setChannel(['sam', 'sue', 'ana', 'ben', 'cal', 'dee']);
    const reply = await w.command('sue', ['checkin', 'now']);
    expect(reply.text()).toContain('6 private prompts');
    expect(await prompts()).toEqual(['ana', 'ben', 'cal', 'dee', 'sam', 'sue']);
  });

  it('reads the channel when a scheduled round opens', async () => {
    const opened = await w.command('sam', ['checkin', 'setup']);
    const context = opened.seen.find((s) => s.how === 'form')?.form?.context;
    const values = { name: 'Monday circle', questions: 'One thing', when: 'mon 10:00', hours: '8' };
    expect((await w.form('sam', 'checkins:setup', values, dm, context)).text()).toContain('Monday circle');
    w.setChannel(['sam', 'sue', 'ana']);
    w.clock.advanceTo('2026-03-02T09:01:00Z');
    await w.tick();
    const round = await w.prisma.checkinRound.findFirstOrThrow();
    expect(round.invited).toHaveLength(3);
    expect(await prompts()).toEqual(['ana', 'sam', 'sue']);
  });

  it('puts someone who joins on the roster, with a prompt for the round already open', async () => {
    await w.command('sue', ['checkin', 'now']);
    // The platform has not been asked again: the member-joined event alone puts ana on.
    await w.joined('ana');
    const entry = await w.prisma.checkinRosterEntry.findFirst({
      where: { memberId: await w.memberId('ana') },
    });
    expect(entry).toMatchObject({ active: true });
    expect(await prompts()).toEqual(['ana', 'sam', 'sue']);
  });

  it("shows the platform's list in /peer team show", async () => {
    w.setChannel(['sam', 'sue', 'ana', 'ben']);
    const shown = await w.command('sam', ['team', 'show']);
    expect(shown.text()).toContain('ana');
    expect(shown.text()).toContain('ben');
  });

  it('opens nothing on a second /peer checkin now while a round is open', async () => {
    await w.command('sue', ['checkin', 'now']);
    const second = await w.command('sam', ['checkin', 'now']);
    expect(second.text()).toContain('A round is already open until');
    expect(second.text()).toContain("so I didn't open another one");
    expect(await w.prisma.checkinRound.count()).toBe(1);
    expect(await prompts()).toEqual(['sam', 'sue']);
    await w.command('sam', ['checkin', 'close']);
    expect(await w.outbox({ keyPrefix: 'checkin-digest:' })).toHaveLength(1);
  });
});
