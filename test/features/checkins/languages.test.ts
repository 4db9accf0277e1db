// Issue 24 for check-ins: in a Spanish-language team each member reads their own language in
// what reaches them alone (prompt, reminder, skip and thanks), and the channel reads the team's
// (the round's note, the named posts, the digest, a post taken back after an erase). And a
// member's words reach every post as the characters they typed: a link, a mention or **bold**
// in an answer never becomes markup in the bot's voice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMarkup, toPlainText, type View } from '../../../src/chat/index.ts';
import type { Database } from '../../../src/db/index.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

let db: Database;
let w: CheckinWorld;

beforeAll(async () => {
  db = await clonedDatabase();
});

afterAll(async () => {
  await db.close();
});

/** What a person reads of a view: every text and button, markup removed. */
const read = (view: View): string =>
  [
    view.text,
    ...view.blocks.flatMap((b) =>
      'text' in b
        ? [b.text]
        : b.type === 'fields'
          ? b.fields.map((f) => `${f.label}: ${f.value}`)
          : b.type === 'actions'
            ? b.elements.map((e) => ('label' in e ? `[${e.label}]` : ''))
            : [],
    ),
  ]
    .map(toPlainText)
    .join('\n');

/** The team "Faro" in Spanish, set up by sam; ana reads Spanish, ben chose English. */
async function spanishTeam(members: readonly string[]) {
  await w.command('sam', ['setup'], { name: 'Faro', language: 'es' });
  for (const m of members) await w.joined(m);
  w.setChannel(['sam', ...members]);
  await w.command('ana', ['language'], { choice: 'es' }, dm);
  await w.command('ben', ['language'], { choice: 'en' }, dm);
}

/** The one outbox row of a kind for a member. */
async function rowFor(keyPrefix: string, userId: string) {
  const memberId = await w.memberId(userId);
  const rows = (await w.outbox({ keyPrefix })).filter((r) => r.recipientMemberId === memberId);
  expect(rows, `${keyPrefix} for ${userId}`).toHaveLength(1);
  return read(rows[0]!.view);
}

describe('check-ins in a Spanish-language team', () => {
  beforeEach(async () => {
    await emptyDatabase(db);
    w = await checkinWorld({ start: '2026-03-02T08:00:00Z' }, db);
    await spanishTeam(['ana', 'ben']);
  });

  it("gives each member their own language, and the channel the team's", async () => {
    await w.command('sam', ['checkin', 'now']);
    const roundId = (await w.prisma.checkinRound.findFirstOrThrow()).id;

    const note = await w.outbox({ keyPrefix: 'checkin-note:' });
    expect(read(note[0]!.view)).toContain('Les envié un mensaje privado a cada persona');

    const anaPrompt = await rowFor('checkin-prompt:', 'ana');
    expect(anaPrompt).toContain('Responde lo que quieras, en privado');
    expect(anaPrompt).not.toContain('Answer what you like');
    const benPrompt = await rowFor('checkin-prompt:', 'ben');
    expect(benPrompt).toContain('Answer what you like, in private');
    expect(benPrompt).not.toContain('Responde');

    // Three quarters of the way through, neither has answered: a reminder each, in their words.
    w.clock.advance(20 * 3_600_000);
    await w.tick();
    const anaReminder = await rowFor('checkin-reminder:', 'ana');
    expect(anaReminder).toContain('Un recordatorio amable');
    expect(anaReminder).toContain('Saltar esta vez');
    const benReminder = await rowFor('checkin-reminder:', 'ben');
    expect(benReminder).toContain('A gentle nudge');
    expect(benReminder).toContain('Skip this one');

    // Skipping first, then answering after all.
    expect((await w.action('ana', 'checkins:skip', roundId, dm)).text()).toContain(
      'Lo saltamos, no pasa nada',
    );
    expect((await w.action('ben', 'checkins:skip', roundId, dm)).text()).toContain('Skipped, no problem');
    const answer = (who: string, words: string) =>
      w.form(who, 'checkins:answer', { q1: '3', 'q1-who': 'team', q2: words, 'q2-who': 'team' }, dm, roundId);
    const anaThanks = toPlainText((await answer('ana', 'ANA-WORDS')).text());
    expect(anaThanks).toContain('Gracias por compartir cómo estás');
    expect(anaThanks).not.toContain('Thank you');
    const benThanks = toPlainText((await answer('ben', 'BEN-WORDS')).text());
    expect(benThanks).toContain('Thank you for checking in');
    expect(benThanks).not.toContain('Gracias');

    await w.command('sam', ['checkin', 'close']);
    const [digest] = await w.outbox({ keyPrefix: 'checkin-digest:' });
    const digestText = read(digest!.view);
    expect(digestText).toContain('el resumen');
    expect(digestText).toContain('Participaron 2 personas');
    expect(digestText).not.toMatch(/took part|digest/);

    // Each named post in the team's language, whoever wrote it: the built-in question and the
    // scale's words in Spanish, the member's own words as typed.
    const named = (await w.outbox({ keyPrefix: 'checkin-live:' })).map((r) => read(r.view));
    expect(named).toHaveLength(2);
    const benPost = named.find((text) => text.includes('BEN-WORDS'));
    expect(benPost).toContain('ben compartió en Support circle');
    expect(benPost).toContain('¿Cómo llegas hoy?: voy tirando');
    expect(benPost).not.toContain('getting by');

    // ben erases his data: his post, already out, says it was taken back, in the team's words.
    const benPostRow = (await w.outbox({ keyPrefix: 'checkin-live:' })).find((r) =>
      r.shown.includes('BEN-WORDS'),
    );
    await w.prisma.outboxMessage.update({
      where: { id: benPostRow!.id },
      data: { status: 'sent', platformMessageId: 'M-BEN', sentAt: w.clock.now() },
    });
    const ben = await w.memberId('ben');
    const erased = await w.prisma.$transaction((tx) => w.checkins.personalData!.erase(ben, tx as never));
    await erased.afterCommit?.();
    const withdrawn = (await w.outbox({ keyPrefix: 'checkin-live:' })).find((r) => r.id === benPostRow!.id);
    expect(read(withdrawn!.view)).toContain('La persona que compartió esta respuesta la retiró.');
    expect(read(withdrawn!.view)).not.toContain('BEN-WORDS');
  });
});

describe("a member's answer stays the characters they typed", () => {
  const typed = '[Join](https://evil.example/x) <@U123> @here *bold* **loud** _tilt_ `code`';

  beforeEach(async () => {
    await emptyDatabase(db);
    w = await checkinWorld({ start: '2026-03-02T08:00:00Z' }, db);
    await w.team({ admin: 'sam', members: ['ana', 'ben', 'cal'] });
    w.setChannel(['sam', 'ana', 'ben', 'cal']);
  });

  /** Only text pieces where the member's words are, and no link anywhere. */
  function expectLiteral(view: View) {
    const texts = [view.text, ...view.blocks.flatMap((b) => ('text' in b ? [b.text] : []))];
    const holding = texts.filter((text) => toPlainText(text).includes(typed));
    expect(holding.length).toBeGreaterThan(0);
    for (const text of texts) {
      const pieces = parseMarkup(text);
      expect(pieces.filter((p) => p.kind === 'link')).toEqual([]);
      expect(
        pieces.filter(
          (p) => p.kind !== 'text' && /bold|loud|tilt|code|Join/.test('text' in p ? p.text : p.label),
        ),
      ).toEqual([]);
    }
  }

  it('in the live post under their name and in the digest without it', async () => {
    const opened = await w.command('sam', ['checkin', 'setup']);
    const form = opened.seen.find((s) => s.how === 'form')?.form;
    await w.form(
      'sam',
      'checkins:setup',
      {
        name: 'Live circle',
        questions: 'One thing on your mind',
        when: 'mon 09:00',
        clock: 'team',
        hours: '24',
        digest: 'live',
      },
      dm,
      form?.context,
    );
    await w.command('sam', ['checkin', 'now']);
    const roundId = (await w.prisma.checkinRound.findFirstOrThrow()).id;
    await w.form('ana', 'checkins:answer', { q1: typed, 'q1-who': 'team' }, dm, roundId);
    await w.form('ben', 'checkins:answer', { q1: typed, 'q1-who': 'anonymous' }, dm, roundId);
    await w.form('cal', 'checkins:answer', { q1: 'A quiet day', 'q1-who': 'anonymous' }, dm, roundId);

    const [live] = await w.outbox({ keyPrefix: 'checkin-live:' });
    expectLiteral(live!.view);
    expect(read(live!.view)).toContain(`One thing on your mind: ${typed}`);

    await w.command('sam', ['checkin', 'close']);
    const [digest] = await w.outbox({ keyPrefix: 'checkin-digest:' });
    expect(read(digest!.view)).toContain('3 people took part');
    expectLiteral(digest!.view);
  });
});
