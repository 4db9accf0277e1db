// What `/peer find` says, through the real router: a Spanish speaker who finds nothing is
// answered in Spanish (with their region's crisis lines), and an entry's own words, even ones
// that look like markup, a mention or a link, are shown exactly as they were written.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseMarkup, toPlainText } from '../../../src/chat/markup.ts';
import type { Button } from '../../../src/chat/views.ts';
import type { Database } from '../../../src/db/index.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { resourcesHarness } from './harness.ts';

let db: Database;
let h: ReturnType<typeof resourcesHarness>;

beforeAll(async () => {
  db = await clonedDatabase();
});
beforeEach(async () => {
  await emptyDatabase(db);
  h = resourcesHarness(db);
  await h.runJobs(); // loads the starting set
  await h.command('ada', ['setup'], { region: 'US-TX', name: 'Peers' });
});
afterAll(async () => db?.close());

type Shown = { seen: { view?: { text: string; blocks: readonly unknown[] } }[] };
const texts = (reply: Shown): string[] =>
  reply.seen.flatMap((r) => [
    r.view?.text ?? '',
    ...((r.view?.blocks ?? []) as { text?: string }[]).flatMap((b) => (b.text ? [b.text] : [])),
  ]);
const plain = (reply: Shown) => texts(reply).map(toPlainText).join('\n');

describe('/peer find in the reader’s language', () => {
  it('a Spanish speaker who finds nothing is answered in Spanish, crisis lines included', async () => {
    await h.command('bo', ['language'], { choice: 'es' });
    const reply = await h.command('bo', ['find'], { words: 'astrología zzqx' });
    const words = plain(reply);
    expect(words).toContain('No encontré nada para “astrología zzqx”');
    expect(words).toContain('la lista está sobre todo en inglés');
    expect(words).toContain('Si necesitas a alguien ahora, estas son las líneas de crisis para US-TX');
    expect(words).toContain('En peligro inmediato: llama al número de emergencias de tu zona.');
    expect(words).toContain('¿Conoces un servicio que debería estar aquí?');
    expect(words).not.toContain('I found nothing');
  });

  it('an English speaker who finds nothing is answered in English', async () => {
    const reply = await h.command('bo', ['find'], { words: 'astrology zzqx' });
    const words = plain(reply);
    expect(words).toContain('I found nothing for “astrology zzqx”');
    expect(words).toContain('If you need someone now, crisis lines for US-TX');
    expect(words).not.toContain('No encontré nada');
  });

  it('a Spanish speaker’s results, buttons and help are in Spanish', async () => {
    await h.command('bo', ['language'], { choice: 'es' });
    const found = await h.command('bo', ['find'], { words: 'peer support' });
    expect(plain(found)).toContain('Resultados para “peer support”');
    const labels = found.seen
      .flatMap((r) => (r.view?.blocks ?? []) as { type: string; elements?: Button[] }[])
      .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
      .map((b) => b.label);
    expect(labels).toContain('Enviármelo');
    expect(labels).not.toContain('Send to me');
    expect(plain(await h.command('bo', ['find'], { words: '' }))).toContain('¿Qué te gustaría encontrar?');
  });
});

describe('an entry’s own words in a find result', () => {
  const summary = '[Join](https://evil.example/x) <@U1> @here **b**';

  it('an approved summary that looks like a link, a mention and bold is shown as typed', async () => {
    await h.form('bo', 'resources:suggest-form', {
      title: 'Round Rock Grief Circle',
      category: 'peer-support-organisation',
      summary,
      contacts: 'phone: (512) 555-0199',
      regions: 'US-TX',
      hours: '',
      tags: 'grief',
      source: '',
    });
    const review = await h.command('ada', ['resources', 'review']);
    const approve = review.seen
      .flatMap((r) => (r.view?.blocks ?? []) as { type: string; elements?: Button[] }[])
      .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
      .find((b) => b.actionId === 'resources:approve');
    expect((await h.action('ada', 'resources:approve', approve?.value)).text()).toContain('Approved');

    const found = await h.command('bo', ['find'], { words: 'grief circle' });
    const shown = texts(found);
    const withSummary = shown.filter((text) => toPlainText(text).includes(summary));
    expect(withSummary.length).toBeGreaterThan(0);
    for (const text of shown) {
      const pieces = parseMarkup(text);
      expect(pieces.filter((p) => p.kind === 'link' && p.url.includes('evil.example'))).toEqual([]);
      expect(pieces.filter((p) => p.kind === 'bold' && p.text === 'b')).toEqual([]);
    }
  });
});
