// Two scheduler instances, each with its own connection pool, on one PostgreSQL schema: a due
// check-in opens one round with one prompt each; its reminder and its digest go out once.
import { describe, expect, it } from 'vitest';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';
import { dm } from '../../support/chat-harness.ts';
import { checkinWorld } from './support.ts';

const pg = await postgresPair('pb_checkins');

describe.skipIf(!pg.available)('check-ins with two schedulers on PostgreSQL', () => {
  it('opens one round, reminds once and posts one digest when both tick together', async () => {
    const a = await checkinWorld({ start: '2026-03-02T07:00:00Z' }, pg.a);
    const b = await checkinWorld({ start: '2026-03-02T07:00:00Z' }, pg.b);
    await a.team({ admin: 'sam', members: ['ana', 'ben'] });
    a.setChannel(['sam', 'ana', 'ben']);
    b.setChannel(['sam', 'ana', 'ben']);
    const opened = await a.command('sam', ['checkin', 'setup']);
    const context = opened.seen.find((s) => s.how === 'form')?.form?.context;
    const saved = await a.form(
      'sam',
      'checkins:setup',
      {
        name: 'Monday circle',
        questions: 'scale: How are you arriving?',
        when: 'mon 09:00',
        clock: 'team',
        hours: '8',
        digest: 'close',
      },
      dm,
      context,
    );
    expect(saved.text()).toContain('Saved');

    const due = new Date('2026-03-02T08:00:00Z');
    const [ra, rb] = await Promise.all([a.tick(due), b.tick(due)]);
    expect([...ra.ran, ...rb.ran]).toHaveLength(1);
    expect(await a.prisma.checkinRound.count()).toBe(1);
    expect((await a.outbox({ keyPrefix: 'checkin-prompt:' })).map((p) => p.recipientId).sort()).toEqual([
      'ana',
      'ben',
      'sam',
    ]);
    expect(await a.outbox({ keyPrefix: 'checkin-note:' })).toHaveLength(1);

    const remind = new Date('2026-03-02T14:00:00Z');
    await Promise.all([a.tick(remind), b.tick(remind)]);
    expect(await a.outbox({ keyPrefix: 'checkin-reminder:' })).toHaveLength(3);

    const close = new Date('2026-03-02T16:00:00Z');
    await Promise.all([a.tick(close), b.tick(close), a.tick(close)]);
    expect(await a.outbox({ keyPrefix: 'checkin-digest:' })).toHaveLength(1);
    expect((await a.prisma.checkinRound.findFirstOrThrow()).status).toBe('closed');
  }, 120_000);
});
