// Resource search understands Spanish words as well as English ones (issue 24): accents do not
// matter either way ("línea" = "linea", "crísis" = "crisis"), and a word's plural or gender
// ending does not hide an entry ("líneas" finds "línea", "adicciones" finds "adicción"). On
// PGlite and on PostgreSQL; a Spanish speaker's crisis block leads with the lines that answer
// in Spanish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccess } from '../../../src/access/index.ts';
import { toPlainText } from '../../../src/chat/markup.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { findView } from '../../../src/features/resources/find.ts';
import type { ResourceInput } from '../../../src/features/resources/record.ts';
import { searchResources } from '../../../src/features/resources/search.ts';
import { translatorFor } from '../../../src/i18n/index.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { postgresAvailable } from '../../support/database.ts';
import { everyone, loadEntries, onPgliteAndPostgres } from './support.ts';

const hasPostgres = await postgresAvailable();

const entries: ResourceInput[] = [
  {
    id: 'us-lifeline',
    title: 'National Crisis Lifeline',
    category: 'crisis-line',
    regions: ['US'],
    summary: 'Free, confidential support for anyone in suicidal crisis or emotional distress.',
    contacts: [{ kind: 'phone', value: '988' }],
    languages: ['en'],
  },
  {
    id: 'us-linea-crisis',
    title: 'Línea de Crisis en Español',
    category: 'crisis-line',
    regions: ['US'],
    summary: 'Apoyo gratuito y confidencial, en español, para quien está pasando por una crisis.',
    contacts: [{ kind: 'phone', value: '888-555-0199' }],
    languages: ['es'],
  },
  {
    id: 'us-adiccion',
    title: 'Centro de Ayuda para la Adicción',
    category: 'referral-service',
    regions: ['US'],
    summary: 'Orientación sobre tratamiento de adicción al alcohol y otras sustancias.',
    contacts: [{ kind: 'phone', value: '800-555-0142' }],
    languages: ['es'],
  },
  {
    id: 'us-jovenes',
    title: 'Grupo de apoyo entre pares para jóvenes',
    category: 'peer-support-organisation',
    regions: ['US'],
    summary: 'Encuentros semanales para mujeres y hombres jóvenes.',
    contacts: [{ kind: 'web', value: 'https://example.org/jovenes' }],
    languages: ['es'],
  },
  {
    id: 'us-training',
    title: 'Peer Support Training',
    category: 'training-guidance',
    regions: ['US'],
    summary: 'Courses for new peer support specialists.',
    contacts: [{ kind: 'web', value: 'https://example.org/training' }],
  },
];

const asker = { memberId: 'm', displayName: 'm', workspaceId: 'w', viewer: everyone, region: 'US' };
const actor = { platform: 'shell', workspaceId: 'local', userId: 'm', displayName: 'm' } as const;

const spanishQueries = [
  { q: 'línea', expect: 'us-linea-crisis', why: 'the accented word' },
  { q: 'linea', expect: 'us-linea-crisis', why: 'the word without its accent' },
  { q: 'líneas', expect: 'us-linea-crisis', why: 'the plural' },
  { q: 'lineas de crisis', expect: 'us-linea-crisis', why: 'the plural with a stop word, unaccented' },
  { q: 'crísis en español', expect: 'us-linea-crisis', why: 'an accent where the word has none' },
  { q: 'adicciones', expect: 'us-adiccion', why: 'the plural of adicción' },
  { q: 'adiccion', expect: 'us-adiccion', why: 'adicción without its accent' },
  { q: 'apoyo gratuita', expect: 'us-linea-crisis', why: 'the feminine of gratuito' },
  { q: 'joven', expect: 'us-jovenes', why: 'the singular of jóvenes' },
  { q: 'mujer', expect: 'us-jovenes', why: 'the singular of mujeres' },
  { q: 'peer support trainings', expect: 'us-training', why: 'English still stems as English' },
] as const;

function spanishSuite(name: string, open: () => Promise<{ db: Database; close(): Promise<void> }>) {
  describe(`Spanish resource search on ${name}`, () => {
    let db: Database;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ db, close } = await open());
      await loadEntries(db, entries);
    });
    afterAll(async () => close?.());

    it.each(spanishQueries)('“$q” ($why) finds $expect first', async ({ q, expect: id }) => {
      const found = await searchResources(db.prisma, { words: q, viewer: everyone, limit: 3 });
      expect(found.items[0]?.id).toBe(id);
      // Another form of a known word is not a typo: nothing is "corrected".
      expect(found.correctedTo).toBeUndefined();
      expect(found.how).toBe('words');
    });

    it('a Spanish speaker’s crisis block leads with the line that answers in Spanish', async () => {
      const deps = {
        access: createAccess({ prisma: db.prisma, clientFor: () => undefined }),
        prisma: db.prisma,
        cipher: createFieldCipher(Buffer.alloc(32, 1)),
        clock: new ManualClock(new Date()),
        defaultRegion: 'US',
        notifyOutbox: () => {},
      };
      const request = { words: 'crisis', offset: 0 };
      const inSpanish = await findView(deps, actor, asker, request, translatorFor('es'));
      const inEnglish = await findView(deps, actor, asker, request, translatorFor('en'));
      const crisisText = (view: typeof inSpanish) =>
        toPlainText(String(view.blocks[1] && 'text' in view.blocks[1] ? view.blocks[1].text : ''));
      expect(
        toPlainText(
          String(inSpanish.blocks[0] && 'text' in inSpanish.blocks[0] ? inSpanish.blocks[0].text : ''),
        ),
      ).toBe('Líneas de crisis para US');
      expect(crisisText(inSpanish).indexOf('Línea de Crisis en Español')).toBeLessThan(
        crisisText(inSpanish).indexOf('National Crisis Lifeline'),
      );
      expect(crisisText(inEnglish).indexOf('National Crisis Lifeline')).toBeLessThan(
        crisisText(inEnglish).indexOf('Línea de Crisis en Español'),
      );
    });

    it('a Spanish crisis word brings the crisis lines first too', async () => {
      const deps = {
        access: createAccess({ prisma: db.prisma, clientFor: () => undefined }),
        prisma: db.prisma,
        cipher: createFieldCipher(Buffer.alloc(32, 1)),
        clock: new ManualClock(new Date()),
        defaultRegion: 'US',
        notifyOutbox: () => {},
      };
      const view = await findView(
        deps,
        actor,
        asker,
        { words: 'pensamientos de suicidio', offset: 0 },
        translatorFor('es'),
      );
      const first = view.blocks[0];
      expect(first && 'text' in first ? toPlainText(first.text) : '').toBe('Líneas de crisis para US');
    });
  });
}

onPgliteAndPostgres(hasPostgres, spanishSuite);
