import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../../src/chat/index.ts';
import type { Database } from '../../../src/db/index.ts';
import { decodePayload } from '../../../src/scheduling/outbox-payload.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase } from '../../support/database.ts';
import { supervisionWorld } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await clonedDatabase();
});
afterAll(() => db.close());

const voters = { lee: 'America/Los_Angeles', ash: 'Europe/London', kai: 'Asia/Tokyo' };

describe('a time poll across three time zones', { timeout: 400_000 }, () => {
  it('shows each slot in each voter’s zone, ranks by yes then if-need-be, and the pick makes one session with RSVPs', async () => {
    const world = supervisionWorld(db);
    await world.team(voters);
    const posted = await world.chat.command('sam', ['supervision', 'poll'], {
      title: 'Case review',
      slots: '2026-03-03 17:00, 2026-03-04 09:00, 2026-03-05 20:00',
      length: 60,
      timezone: 'Europe/Berlin',
    });
    expect(posted.seen.map((r) => r.how)).toEqual(['publicly', 'privately']);
    const poll = await db.prisma.poll.findFirstOrThrow({
      include: { options: { orderBy: { startsAt: 'asc' } } },
    });
    expect(poll.options.map((o) => o.startsAt.toISOString())).toEqual([
      '2026-03-03T16:00:00.000Z',
      '2026-03-04T08:00:00.000Z',
      '2026-03-05T19:00:00.000Z',
    ]);

    const formOf = async (user: string): Promise<Form> => {
      const opened = await world.chat.action(user, 'supervision:vote', poll.id);
      const form = opened.seen[0]?.form;
      if (!form) throw new Error(`no vote form for ${user}: ${opened.text()}`);
      return form;
    };
    const labels = async (user: string) => (await formOf(user)).inputs.map((i) => i.label);
    expect(await labels('lee')).toEqual([
      'Tue 3 Mar 2026, 08:00–09:00',
      'Wed 4 Mar 2026, 00:00–01:00',
      'Thu 5 Mar 2026, 11:00–12:00',
    ]);
    expect(await labels('ash')).toEqual([
      'Tue 3 Mar 2026, 16:00–17:00',
      'Wed 4 Mar 2026, 08:00–09:00',
      'Thu 5 Mar 2026, 19:00–20:00',
    ]);
    expect(await labels('kai')).toEqual([
      'Wed 4 Mar 2026, 01:00–02:00',
      'Wed 4 Mar 2026, 17:00–18:00',
      'Fri 6 Mar 2026, 04:00–05:00',
    ]);
    expect((await formOf('kai')).intro).toContain('Asia/Tokyo');

    const [one, two, three] = poll.options.map((o) => o.id) as [string, string, string];
    const votes = {
      lee: { [one]: 'yes', [two]: 'maybe', [three]: 'yes' },
      ash: { [one]: 'yes', [two]: 'yes', [three]: 'maybe' },
      kai: { [one]: 'no', [two]: 'yes', [three]: 'maybe' },
    };
    for (const [user, values] of Object.entries(votes)) {
      expect((await world.chat.form(user, 'supervision:vote', values, dm, poll.id)).text()).toContain(
        'answers are saved',
      );
    }
    const pick = await world.chat.action('sam', 'supervision:pick', poll.id);
    const choices = pick.seen[0]?.form?.inputs[0];
    expect(choices?.type === 'select' ? choices.choices.map((c) => c.value) : []).toEqual([two, one, three]);

    const picked = await world.chat.form('sam', 'supervision:pick', { option: two }, dm, poll.id);
    expect(picked.text()).toContain('Votes became RSVPs');
    const again = await world.chat.form('sam', 'supervision:pick', { option: one }, dm, poll.id);
    expect(again.text()).toContain('already picked');
    const sessions = await db.prisma.supervisionSession.findMany({
      include: { rsvps: { include: { member: true } } },
    });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.startsAt.toISOString()).toBe('2026-03-04T08:00:00.000Z');
    expect(Object.fromEntries(sessions[0]!.rsvps.map((r) => [r.member.platformUserId, r.response]))).toEqual({
      lee: 'maybe',
      ash: 'yes',
      kai: 'yes',
    });
    // The channel post counts the votes that became RSVPs (it said "Going 0" beside them).
    const post = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: `supervision-post:${sessions[0]?.id}` } },
    });
    expect(JSON.stringify(decodePayload(world.cipher, post).blocks)).toContain('Going 2 · Maybe 1 · Can’t 0');
    const closed = await db.prisma.poll.findUniqueOrThrow({ where: { id: poll.id } });
    expect(closed).toMatchObject({ status: 'closed', sessionId: sessions[0]?.id });

    // A vote on the closed poll is refused and changes nothing.
    const late = await world.chat.form('kai', 'supervision:vote', { [one]: 'yes' }, dm, poll.id);
    expect(late.text()).toContain('This poll has closed');
    expect(
      await db.prisma.pollVote.findFirst({ where: { optionId: one, member: { platformUserId: 'kai' } } }),
    ).toMatchObject({ availability: 'no' });
  });
});
