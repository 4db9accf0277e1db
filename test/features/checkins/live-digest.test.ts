// A check-in whose digest comes "as answers come": each answer's named part is posted when it
// is given, in a post of its own; what was shared without a name waits for the closing digest,
// which shows it only when at least the minimum group took part, in the order of its words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dm } from '../../support/chat-harness.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

let w: CheckinWorld;

beforeAll(async () => {
  w = await checkinWorld({ start: '2026-03-02T08:00:00Z' });
  await w.team({ admin: 'sam', members: ['ana', 'ben', 'cal'] });
  w.setChannel(['sam', 'ana', 'ben', 'cal']);
});
afterAll(async () => {
  await w.db.close();
});

describe('a live digest', () => {
  it('posts each named answer alone as it comes; anonymous ones wait for the closing digest', async () => {
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
        q2: 'Zzz ANA-ANONYMOUS weight',
        'q2-who': 'anonymous',
      },
      dm,
      round.id,
    );
    await w.form('ben', 'checkins:answer', { q1: 'Slept well', 'q1-who': 'anonymous' }, dm, round.id);
    await w.form('cal', 'checkins:answer', { q2: 'Money worries', 'q2-who': 'supervisor' }, dm, round.id);
    // Only ana's named answer went out, alone in its post: nothing anonymous as it comes.
    const live = await w.outbox({ keyPrefix: 'checkin-live:' });
    expect(live.map((l) => l.shown)).toEqual([
      expect.stringContaining('One thing that went well: Finished my training'),
    ]);
    expect(live[0]?.shown).toContain('**ana**');
    const channel = async () => (await w.outbox()).filter((r) => r.target === 'channel').map((r) => r.shown);
    for (const post of await channel()) expect(post).not.toMatch(/Money|Slept|ANA-ANONYMOUS/);

    await w.command('sam', ['checkin', 'close']);
    const [digest] = await w.outbox({ keyPrefix: 'checkin-digest:' });
    const shown = digest?.shown ?? '';
    expect(shown).toContain('3 people took part');
    // Anonymous answers, by their words (ana's came first but sorts last), and no name at all.
    expect(shown).toMatch(/Slept well[\s\S]*Zzz ANA-ANONYMOUS weight/);
    expect(shown).not.toMatch(/Finished my training|\bana\b|\bben\b|\bcal\b|Money/);
    // The close added no second named post.
    expect(await w.outbox({ keyPrefix: 'checkin-live:' })).toHaveLength(1);
  }, 120_000);
});
