// A check-in whose digest comes "as answers come": each answer's shared part is posted when it
// is given (anonymous ones without a name), and the close still posts the summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dm } from '../../support/chat-harness.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

let w: CheckinWorld;

beforeAll(async () => {
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' });
  await w.team({ admin: 'sam', members: ['ana', 'ben'] });
  w.setChannel(['sam', 'ana', 'ben']);
});
afterAll(async () => {
  await w.db.close();
});

describe('a live digest', () => {
  it('posts each shared answer as it comes and keeps private ones out', async () => {
    const opened = await w.command('sam', ['checkin', 'setup']);
    const context = opened.seen.find((s) => s.how === 'form')?.form?.context;
    await w.form(
      'sam',
      'checkins:setup',
      {
        name: 'Live circle',
        questions: 'One thing that went well\nWhat is weighing on you?',
        when: 'none',
        clock: 'team',
        hours: '4',
        digest: 'live',
      },
      dm,
      context,
    );
    await w.command('sam', ['checkin', 'now']);
    const round = await w.prisma.checkinRound.findFirstOrThrow({ include: { template: true } });
    expect(round.template.name).toBe('Live circle');
    await w.form(
      'ana',
      'checkins:answer',
      {
        q1: 'Finished my training',
        'q1-who': 'team',
        q2: 'Money worries',
        'q2-who': 'supervisor',
      },
      dm,
      round.id,
    );
    await w.form('ben', 'checkins:answer', { q1: 'Slept well', 'q1-who': 'anonymous' }, dm, round.id);
    const live = await w.outbox({ keyPrefix: 'checkin-live:' });
    expect(live.map((l) => l.shown)).toEqual([
      expect.stringContaining('**ana**: Finished my training'),
      expect.stringContaining('One thing that went well: Slept well'),
    ]);
    for (const post of live) expect(post.shown).not.toMatch(/Money|ben/);
    await w.command('sam', ['checkin', 'close']);
    expect(await w.outbox({ keyPrefix: 'checkin-digest:' })).toHaveLength(1);
  }, 120_000);
});
