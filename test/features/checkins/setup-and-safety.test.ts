// Set-up through the form (and every bad value refused with nothing stored), the safety path
// (buddy pairing, the "in a hard place" reply with and without a plan), a member's own
// controls, history, trend, /peer privacy lines and export/erase. Each test has a world of its
// own (the file's cloned database, put back to the team set up once), so it passes alone.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormValues } from '../../../src/chat/index.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import type { CrisisLinesPort, PlanStepsPort } from '../../../src/features/ports.ts';
import { english } from '../../../src/i18n/index.ts';
import { dm } from '../../support/chat-harness.ts';
import {
  clonedDatabase,
  type DatabaseSnapshot,
  emptyDatabase,
  restoreDatabase,
  snapshotDatabase,
} from '../../support/database.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

const crisisLines: CrisisLinesPort = {
  forRegion: async (region) =>
    region === 'DE'
      ? [{ id: 'de-ts', title: 'Telefonseelsorge', contacts: [{ kind: 'phone', value: '0800 111 0 111' }] }]
      : [],
};
const plans = new Map<string, string[]>();
const planSteps: PlanStepsPort = { helpfulSteps: async (memberId) => plans.get(memberId) };

let db: Database;
let w: CheckinWorld;
let teamId: string;
let team: DatabaseSnapshot;
// One key for the file: the team's stored fields, made once, are read by every test's world.
const cipher = createFieldCipher(randomBytes(32));
const world = () => checkinWorld({ start: '2026-03-02T08:00:00Z', crisisLines, planSteps, cipher }, db);

// The team is set up through its commands once (about half of each test's time when it was
// per test), and its rows put back before each test: every test starts from the same team.
beforeAll(async () => {
  db = await clonedDatabase();
  await emptyDatabase(db);
  w = await world();
  teamId = (await w.team({ admin: 'sam', supervisors: ['sue'], members: ['ana', 'ben', 'cal', 'dee'] })).id;
  await w.command('sam', ['team', 'supervisor'], { member: 'cal', supervisor: 'sue' });
  team = await snapshotDatabase(db);
});

beforeEach(async () => {
  await restoreDatabase(db, team);
  w = await world();
  w.setChannel(['sam', 'sue', 'ana', 'ben', 'cal', 'dee']);
});

afterAll(async () => {
  await db.close();
});

const good: FormValues = {
  name: 'Monday circle',
  questions:
    'scale: How are you arriving?\nOne thing that went well\nyes/no: Would you like a peer to reach out?',
  when: 'mon 09:00',
  clock: 'team',
  hours: '24',
  digest: 'close',
};

async function submitSetup(values: FormValues) {
  const opened = await w.command('sam', ['checkin', 'setup']);
  const form = opened.seen.find((s) => s.how === 'form')?.form;
  return w.form('sam', 'checkins:setup', values, dm, form?.context);
}

describe('check-in set-up', () => {
  it.each([
    ['no questions', { questions: '  \n ' }, 'at least one question'],
    ['a time like 25:00', { when: 'mon 25:00' }, "'25:00' is not a time of day"],
    ['an unknown time zone', { when: 'mon 09:00 Mars/Olympus' }, "'Mars/Olympus' is not a known IANA zone"],
    [
      'a window longer than the interval',
      { when: 'daily 09:00', hours: '30' },
      'still be open when the next one starts',
    ],
  ])('refuses %s with a clear message and stores nothing', async (_what, change, message) => {
    const reply = await submitSetup({ ...good, ...change });
    expect(reply.text()).toContain(message);
    expect(reply.text()).toContain('Nothing was saved');
    expect(await w.prisma.checkinTemplate.count()).toBe(0);
    expect(await w.prisma.schedule.count()).toBe(0);
  });

  it('only lets admins and supervisors open the form', async () => {
    const reply = await w.command('ana', ['checkin', 'setup']);
    expect(reply.seen.some((s) => s.how === 'form')).toBe(false);
    expect(reply.text()).toContain('Only the team’s admins and supervisors');
  });

  it("saves a check-in with its schedule in the team's zone and lists it", async () => {
    const reply = await submitSetup(good);
    expect(reply.text()).toContain('Saved **Monday circle**');
    const schedule = await w.prisma.schedule.findFirstOrThrow();
    expect(schedule).toMatchObject({
      kind: 'checkin',
      timeZone: 'Europe/Berlin',
      windowMinutes: 1440,
      teamId,
    });
    const list = await w.command('sue', ['checkin', 'list']);
    expect(list.text()).toContain('Monday circle');
    expect(list.text()).toContain("Mon at 09:00 (the team's time)");
  });
});

describe('the safety path', () => {
  let roundId: string;
  beforeEach(async () => {
    await submitSetup(good);
    await w.command('ana', ['checkin', 'buddy'], { state: 'on' });
    await w.command('ben', ['checkin', 'buddy'], { state: 'on' });
    await w.command('sue', ['checkin', 'now']);
    roundId = (await w.prisma.checkinRound.findFirstOrThrow()).id;
  });

  it('pairs a yes with a support buddy in rotation and tells both privately', async () => {
    await w.form('dee', 'checkins:answer', { q3: 'yes' }, dm, roundId);
    const first = await w.outbox({ keyPrefix: 'checkin-reach:' });
    expect(first.map((m) => m.recipientId).sort()).toEqual(['ana', 'dee']);
    expect(first.every((m) => m.isPrivate && m.target === 'dm')).toBe(true);
    expect(first.find((m) => m.recipientId === 'ana')?.shown).toContain('dee from Harbor asked');
    w.clock.advance(60_000);
    await w.form('sam', 'checkins:answer', { q3: 'yes' }, dm, roundId);
    const second = (await w.outbox({ keyPrefix: 'checkin-reach:' })).slice(2);
    expect(second.map((m) => m.recipientId).sort()).toEqual(['ben', 'sam']);
  });

  it('asks the primary supervisor when no buddy is free (away or in quiet hours)', async () => {
    await w.command('ana', ['checkin', 'pause'], { until: '2026-03-20' });
    await w.command('ben', ['quiet-hours'], { hours: '00:00-23:59' });
    w.clock.advance(60_000);
    await w.form('cal', 'checkins:answer', { q3: 'yes' }, dm, roundId);
    const sent = (await w.outbox({ keyPrefix: 'checkin-reach:' })).filter(
      (m) => m.idempotencyKey.includes(':supervisor') || m.recipientId === 'cal',
    );
    expect(sent.map((m) => m.recipientId).sort()).toEqual(['cal', 'sue']);
    expect(sent.find((m) => m.recipientId === 'sue')).toMatchObject({ urgent: true });
  });

  it('answers "in a hard place" at once, privately, with crisis lines and no plan steps when there is no plan', async () => {
    const reply = await w.form('ben', 'checkins:answer', { q1: '1', 'q1-who': 'supervisor' }, dm, roundId);
    expect(reply.seen[0]?.how).toBe('privately');
    expect(reply.text()).toContain('You do not have to hold it alone');
    expect(reply.text()).toContain('**Telefonseelsorge**: Call 0800 111 0 111');
    expect(reply.text()).not.toContain('From your own wellness plan');
  });

  it('points a "struggling" answer to the crisis lines, one step away, and an easier one not', async () => {
    const struggling = await w.form(
      'cal',
      'checkins:answer',
      { q1: '2', 'q1-who': 'anonymous' },
      dm,
      roundId,
    );
    expect(struggling.text()).toContain('`/peer find category:crisis-line` shows the crisis lines');
    expect(struggling.text()).not.toContain('You do not have to hold it alone');
    const fine = await w.form('cal', 'checkins:answer', { q1: '4', 'q1-who': 'anonymous' }, dm, roundId);
    expect(fine.text()).not.toContain('crisis');
  });

  it('adds the member’s own plan steps when they have a plan', async () => {
    plans.set(await w.memberId('sam'), ['Call my sponsor', 'Walk by the river']);
    const reply = await w.form('sam', 'checkins:answer', { q1: '1', 'q1-who': 'anonymous' }, dm, roundId);
    expect(reply.text()).toContain('From your own wellness plan');
    expect(reply.text()).toContain('• Call my sponsor');
    const channel = (await w.outbox()).filter((r) => r.target === 'channel');
    for (const row of channel) expect(row.shown).not.toContain('sponsor');
  });

  it('refuses a 10,000-character answer and keeps the earlier one', async () => {
    await w.form('dee', 'checkins:answer', { q3: 'yes' }, dm, roundId);
    const before = await w.prisma.checkinAnswer.findFirstOrThrow({
      where: { member: { platformUserId: 'dee' } },
    });
    const reply = await w.form(
      'dee',
      'checkins:answer',
      {
        q2: 'x'.repeat(10_000),
        'q2-who': 'team',
      },
      dm,
      roundId,
    );
    expect(reply.text()).toContain('is 10000 characters, and I can keep up to 1500');
    const after = await w.prisma.checkinAnswer.findFirstOrThrow({
      where: { member: { platformUserId: 'dee' } },
    });
    expect(after).toEqual(before);
  });
});

describe("a member's own controls", () => {
  beforeEach(async () => {
    await submitSetup(good);
  });

  /** A round in which sam says he is in a hard place, shared with the team without his name. */
  async function samInAHardPlace() {
    await w.command('sue', ['checkin', 'now']);
    const round = await w.prisma.checkinRound.findFirstOrThrow({ where: { status: 'open' } });
    await w.form('sam', 'checkins:answer', { q1: '1', 'q1-who': 'anonymous' }, dm, round.id);
  }

  it('counts a paused member as away, not missing, and sends them no prompt', async () => {
    await w.command('ana', ['checkin', 'pause'], { until: '2026-03-20' });
    await w.command('sue', ['checkin', 'now']);
    const round = await w.prisma.checkinRound.findFirstOrThrow({ where: { status: 'open' } });
    expect(round.away).toBe(1);
    expect(round.invited).not.toContain(await w.memberId('ana'));
  });

  it('leaves out members who opted out, and brings them back when they opt in', async () => {
    await w.command('dee', ['checkin', 'optout']);
    await w.command('sam', ['checkin', 'close']);
    await w.command('sue', ['checkin', 'now']);
    let round = await w.prisma.checkinRound.findFirstOrThrow({ where: { status: 'open' } });
    expect(round.invited).not.toContain(await w.memberId('dee'));
    await w.command('dee', ['checkin', 'optin']);
    await w.command('ana', ['checkin', 'resume']);
    await w.command('sam', ['checkin', 'close']);
    await w.command('sue', ['checkin', 'now']);
    round = await w.prisma.checkinRound.findFirstOrThrow({ where: { status: 'open' } });
    expect(round.invited).toEqual(expect.arrayContaining([await w.memberId('dee'), await w.memberId('ana')]));
  });

  it('refuses a pause date that is not a date or has passed', async () => {
    expect((await w.command('ana', ['checkin', 'pause'], { until: 'next week' })).text()).toContain(
      "isn't a date I can read",
    );
    expect((await w.command('ana', ['checkin', 'pause'], { until: '2020-01-01' })).text()).toContain(
      'already passed',
    );
  });

  it('shows a member their own history with a mood sparkline, only to them', async () => {
    await samInAHardPlace();
    const reply = await w.command('sam', ['checkin', 'history']);
    expect(reply.seen[0]?.how).toBe('privately');
    expect(reply.text()).toContain('▁');
    expect(reply.text()).toContain('How are you arriving?: in a hard place');
  });

  it('gives supervisors the weekly trend with the minimum group size, and refuses members', async () => {
    await samInAHardPlace();
    // The trend counts closed rounds only (an open round's figures move with each answer).
    await w.command('sue', ['checkin', 'close']);
    const trend = await w.command('sue', ['checkin', 'trend']);
    expect(trend.text()).toMatch(/week of 2026-03-02: \d+% took part/);
    expect(trend.text()).toContain('mood spread hidden');
    expect((await w.command('ana', ['checkin', 'trend'])).text()).toContain('Only the team’s admins');
    expect((await w.command('sam', ['checkin', 'min-group'], { size: 2 })).text()).toContain('from 3 to 50');
  });

  it('counts answers by audience in /peer privacy, exports and erases them', async () => {
    await samInAHardPlace();
    const privacy = await w.checkins.privacy?.(await w.memberId('sam'), english);
    expect(privacy?.[0]?.value).toContain('the team without your name: 1');
    const data = w.checkins.personalData!;
    const sam = await w.memberId('sam');
    const exported = await data.export(sam);
    expect(JSON.stringify(exported)).toContain(
      '"question":"How are you arriving?","kind":"scale","value":"1"',
    );
    const erased = await w.prisma.$transaction((tx) => data.erase(sam, tx as never));
    expect(erased.rows).toBeGreaterThan(0);
    expect(await w.prisma.checkinAnswer.count({ where: { member: { platformUserId: 'sam' } } })).toBe(0);
  });
});
