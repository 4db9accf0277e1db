// What supervision says, and in whose words: an anonymous topic is the person's text, never
// the bot's markup (no link, no bold, no mass mention in the channel at the start); channel
// posts are in the team's language, replies in the reader's own.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderSlackMessage } from '../../../src/adapters/slack/render-blocks.ts';
import { parseMarkup, toPlainText } from '../../../src/chat/markup.ts';
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
});
afterAll(() => db.close());

const outboxView = async (prefix: string) => {
  const rows = await db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: prefix } } });
  expect(rows).toHaveLength(1);
  return decodePayload(world.cipher, rows[0]!);
};

const newSeries = (channelId = 'C-team') =>
  world.chat.command(
    'sam',
    ['supervision', 'new'],
    { title: 'Group supervision', date: '2026-03-02', time: '18:00', length: 90, count: 1 },
    channelId,
  );

describe('whose words supervision shows', () => {
  it('an anonymous topic with a link, a mass mention and bold shows as typed at the session start', async () => {
    await world.team({ riley: 'America/New_York' });
    await world.chat.command('sam', ['supervision', 'settings'], { agenda: true });
    await newSeries();
    const typed = '[Join the call](https://evil.example/t) <!here> **x**';
    await world.chat.command('riley', ['supervision', 'topic'], { text: typed, anonymous: true });

    world.clock.advanceTo('2026-03-02T17:00:00Z');
    await world.tick();
    const posted = await outboxView('supervision-agenda-post:');
    const texts = posted.blocks.flatMap((b) => ('text' in b ? [b.text] : []));
    const topicBlock = texts.find((text) => toPlainText(text).includes(typed));
    expect(topicBlock).toBeDefined();
    const pieces = parseMarkup(topicBlock ?? '');
    expect(pieces.filter((p) => p.kind === 'link')).toEqual([]);
    // The one bold run is the bot's own heading; nothing of the topic became bold.
    expect(pieces.filter((p) => p.kind === 'bold')).toEqual([{ kind: 'bold', text: 'Without a name' }]);
    expect(toPlainText(topicBlock ?? '')).toContain(`• ${typed}`);

    // On Slack the topic stays characters: no link to the evil site, no @here for the channel.
    const slack = JSON.stringify(renderSlackMessage(posted));
    expect(slack).not.toContain('<https://evil.example/t|');
    expect(slack).not.toContain('<!here>');
  });

  it('a Spanish-speaking team gets the announcement in Spanish; an English-speaking member’s RSVP reply is English', async () => {
    await world.chat.command(
      'sam',
      ['setup'],
      { timezone: 'Europe/Berlin', name: 'Puerto', language: 'es' },
      'C-es',
    );
    await world.chat.command('sam', ['team', 'role'], { user: '@riley', role: 'member' }, 'C-es');
    await world.chat.command('riley', ['language'], { choice: 'en' }, 'C-es');

    const planned = await newSeries('C-es');
    expect(toPlainText(planned.text())).toContain('"Group supervision" está planificada: 1 sesión');

    const announcement = await outboxView('supervision-post:');
    const words = viewWords(announcement);
    expect(words).toContain('Una nueva serie de supervisión: Cada semana (MO), 90 minutos');
    expect(words).toContain('lun 2 mar 2026, 18:00–19:30 (Europe/Berlin)');
    expect(words).not.toMatch(/Will you come|Going/);
    const buttons = announcement.blocks.flatMap((b) =>
      b.type === 'actions' ? b.elements.map((e) => (e.type === 'button' ? e.label : '')) : [],
    );
    expect(buttons).toEqual(expect.arrayContaining(['Voy', 'Quizás', 'No puedo']));

    const first = await db.prisma.supervisionSession.findFirstOrThrow();
    const answered = await world.chat.action('riley', 'supervision:rsvp', `${first.id}:going`, 'C-es');
    const reply = toPlainText(answered.text());
    expect(reply).toContain(
      'Thanks, you’re down as going for "Group supervision" (Mon 2 Mar 2026, 18:00–19:30',
    );
    expect(reply).toContain('Going 1 · Maybe 0 · Can’t 0');
  });
});
