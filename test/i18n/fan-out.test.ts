// A fan-out to a mixed team, built concurrently: each member's prompt in their own language,
// whatever order the translators are asked in (one fixed translator per recipient, never a
// shared "current language" that one recipient could switch under another).
import { describe, expect, it } from 'vitest';
import { promptView } from '../../src/features/checkins/views.ts';
import { translatorForMember } from '../../src/features/teams/index.ts';

const team = { language: 'en' };
const members = Array.from({ length: 40 }, (_, i) => ({
  id: `m${i}`,
  language: i % 3 === 0 ? 'es' : null,
  platformLocale: i % 3 === 1 ? 'es-419' : i % 3 === 2 ? 'en-US' : null,
}));
const expected = (i: number) => (i % 3 === 2 ? 'Remind me in an hour' : 'Recuérdamelo en una hora');

describe('a mixed-language fan-out', () => {
  it('gives each member their own language under concurrency', async () => {
    const views = await Promise.all(
      members.map(async (member, i) => {
        // Interleave: every other prompt waits a turn, so the builds overlap.
        if (i % 2 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        const t = translatorForMember(member, team);
        return promptView(
          'round',
          'Círculo',
          'Faro',
          new Date('2026-12-07T15:00:00Z'),
          'America/Mexico_City',
          t,
        );
      }),
    );
    views.forEach((view, i) => {
      const shown = JSON.stringify(view);
      expect(shown, members[i]?.id).toContain(expected(i));
    });
  });
});
