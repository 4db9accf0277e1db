// What the README's supervision table promises a person: `reminders state:off` stops their own
// reminders, `settings reminders:… agenda:…` changes when the team's go out and posts the
// agenda at the start, `list` shows times in the reader's own zone, and a cancelled session
// reaches everyone who answered by DM. Each test has a world of its own (the file's cloned
// database, emptied).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { toPlainText } from '../../../src/chat/markup.ts';
import type { Database } from '../../../src/db/index.ts';
import { decodePayload } from '../../../src/scheduling/outbox-payload.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { supervisionWorld, viewWords } from './support.ts';

let db: Database;
let world: ReturnType<typeof supervisionWorld>;

beforeAll(async () => {
  db = await clonedDatabase();
});
beforeEach(async () => {
  await emptyDatabase(db);
  world = supervisionWorld(db, '2026-02-27T12:00:00Z');
  await world.team({ riley: 'America/New_York', ash: 'Europe/London', kai: 'Asia/Tokyo' });
});
afterAll(() => db.close());

/** A two-session series on Mondays 18:00 Berlin from 2 March; riley going, ash maybe, kai can't. */
async function seriesWithAnswers() {
  await world.chat.command('sam', ['supervision', 'new'], {
    title: 'Group supervision',
    date: '2026-03-02',
    time: '18:00',
    length: 90,
    timezone: 'Europe/Berlin',
    count: 2,
  });
  const first = await db.prisma.supervisionSession.findFirstOrThrow({ orderBy: { startsAt: 'asc' } });
  await world.chat.action('riley', 'supervision:rsvp', `${first.id}:going`);
  await world.chat.action('ash', 'supervision:rsvp', `${first.id}:maybe`);
  await world.chat.action('kai', 'supervision:rsvp', `${first.id}:cant`);
  return first;
}

async function sent(prefix: string) {
  const rows = await db.prisma.outboxMessage.findMany({
    where: { idempotencyKey: { startsWith: prefix } },
    orderBy: { idempotencyKey: 'asc' },
  });
  return rows.map((r) => ({
    key: r.idempotencyKey,
    to: r.recipientId,
    target: r.target,
    // Everything the view says, as a person reads it: its fallback text and its blocks.
    text: viewWords(decodePayload(world.cipher, r)),
  }));
}

describe('a person’s own supervision settings', () => {
  it('`reminders state:off` stops that person’s reminders only, and `state:on` brings them back', async () => {
    const first = await seriesWithAnswers();
    const off = await world.chat.command('riley', ['supervision', 'reminders'], { state: 'off' });
    expect(off.text()).toMatch(/off/i);
    world.clock.advanceTo('2026-03-01T17:00:00Z');
    await world.tick();
    expect((await sent('supervision-reminder:')).map((r) => r.to)).toEqual(['ash']);

    await world.chat.command('riley', ['supervision', 'reminders'], { state: 'on' });
    world.clock.advanceTo('2026-03-02T16:45:00Z');
    await world.tick();
    const late = (await sent(`supervision-reminder:${first.id}:15@`)).map((r) => r.to).sort();
    expect(late).toEqual(['ash', 'riley']);
  });

  it('`settings reminders:2h agenda:yes` reminds 2 h before instead of 24 h and posts the agenda in the channel at the start', async () => {
    const settings = await world.chat.command('sam', ['supervision', 'settings'], {
      reminders: '2h',
      agenda: true,
    });
    expect(settings.text()).not.toMatch(/only|can’t|cannot/i);
    const first = await seriesWithAnswers();
    await world.chat.command('riley', ['supervision', 'topic'], { text: 'Boundaries after hours' });

    world.clock.advanceTo('2026-03-01T17:00:00Z');
    await world.tick();
    expect(await sent('supervision-reminder:')).toEqual([]);
    world.clock.advanceTo('2026-03-02T15:00:00Z');
    await world.tick();
    const twoHours = await sent('supervision-reminder:');
    expect(twoHours.map((r) => r.to).sort()).toEqual(['ash', 'riley']);
    expect(twoHours.every((r) => r.key.startsWith(`supervision-reminder:${first.id}:120@`))).toBe(true);
    world.clock.advanceTo('2026-03-02T17:00:00Z');
    await world.tick();
    const [agenda, ...more] = await sent('supervision-agenda-post:');
    expect(more).toEqual([]);
    expect(agenda).toMatchObject({ target: 'channel' });
    expect(agenda?.text).toContain('Boundaries after hours');
  });

  it('refuses team settings from a member', async () => {
    const refused = await world.chat.command('riley', ['supervision', 'settings'], { reminders: '1h' });
    expect(refused.text()).toMatch(/supervisors|admins/);
    expect(await db.prisma.supervisionSettings.count()).toBe(0);
  });

  it('`list` shows each session in the reader’s own time zone', async () => {
    await seriesWithAnswers();
    const riley = toPlainText((await world.chat.command('riley', ['supervision', 'list'])).text());
    expect(riley).toContain('Mon 2 Mar 2026, 12:00–13:30 (America/New_York)');
    const kai = toPlainText((await world.chat.command('kai', ['supervision', 'list'])).text());
    expect(kai).toContain('Tue 3 Mar 2026, 02:00–03:30 (Asia/Tokyo)');
    expect(kai).not.toContain('America/New_York');
  });

  it('a cancelled session reaches everyone who answered by DM, in their zone, and nobody else', async () => {
    const first = await seriesWithAnswers();
    const cancelled = await world.chat.command('sam', ['supervision', 'cancel'], {
      session: `#${first.id.slice(-6)}`,
    });
    expect(cancelled.text()).toContain('is cancelled');
    const dms = await sent('supervision-cancelled:');
    expect(dms.map((d) => d.to).sort()).toEqual(['ash', 'kai', 'riley']);
    expect(dms.every((d) => d.target === 'dm')).toBe(true);
    expect(dms.find((d) => d.to === 'kai')?.text).toContain('Asia/Tokyo');
    expect(dms.find((d) => d.to === 'riley')?.text).toContain('12:00 (America/New_York) is cancelled');
  });
});
