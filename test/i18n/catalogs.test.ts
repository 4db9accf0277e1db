// Both catalogs have the same keys (the compiler already refuses a missing key: `Catalog`) and
// the same `{{values}}` in each message, so no Spanish message drops or renames a value; every
// command of the app has its words in the catalog, translating the English it is defined with.
import { describe, expect, it } from 'vitest';
import { createCommandTable } from '../../src/chat/index.ts';
import { literal } from '../../src/chat/markup.ts';
import { composeFeatures } from '../../src/features/compose-features.ts';
import { en } from '../../src/i18n/catalogs/en.ts';
import { es } from '../../src/i18n/catalogs/es.ts';
import { translatorFor } from '../../src/i18n/index.ts';
import { silentLogger } from '../../src/logger.ts';
import { clonedDatabase } from '../support/database.ts';
import { testFeatureList } from '../support/feature-list.ts';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of leaves(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}
const names = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the catalogs', () => {
  const english = leaves(en);
  const spanish = leaves(es);

  it('have the same keys', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('use the same values in each message', () => {
    for (const [key, text] of english)
      expect({ key, names: names(spanish.get(key) ?? '') }).toEqual({ key, names: names(text) });
  });

  it('have no empty message, and no English left in a Spanish one by mistake', () => {
    for (const [key, text] of english)
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    // A Spanish message equal to its English is fine for names and symbols (Discord, `{{usage}}:
    // {{description}}`), never for a sentence.
    const sentences = [...english].filter(
      ([key, text]) => spanish.get(key) === text && /[a-z]{3,} [a-z]{3,}/i.test(text),
    );
    expect(sentences.map(([key]) => key)).toEqual([]);
  });

  it('have the same plural forms for every plural message', () => {
    const plurals = (keys: Iterable<string>) =>
      [...keys].filter((key) => /_(zero|one|two|few|many|other)$/.test(key)).sort();
    expect(plurals(spanish.keys())).toEqual(plurals(english.keys()));
  });

  it('hold every command’s description, help and options, translating the English each is defined with', async () => {
    const db = await clonedDatabase();
    try {
      // The app's own feature list, composed as app.ts composes it.
      const composed = composeFeatures(testFeatureList(db.prisma), silentLogger);
      const table = createCommandTable({ groups: [...composed.groups], commands: [...composed.commands] });
      const missing: string[] = [];
      const expectText = (key: string, source: string) => {
        if (english.get(key) !== source) missing.push(`${key}: ${source}`);
        if (!spanish.get(key)) missing.push(`${key} (Spanish)`);
      };
      for (const command of table.commands) {
        const key = `chat.commands.${command.path.join('.')}`;
        expectText(`${key}.description`, command.description);
        expectText(`${key}.help`, command.help);
        for (const [name, decl] of Object.entries(command.options))
          expectText(`${key}.options.${name}`, decl.description);
      }
      for (const entry of table.entries)
        if (entry.kind === 'group') {
          expectText(`chat.groups.${entry.group.name}.description`, entry.group.description);
          expectText(`chat.groups.${entry.group.name}.help`, entry.group.help);
        }
      expect(missing).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('leave a value exactly as given: no HTML escaping, markup in member text stays literal', () => {
    const t = translatorFor('es');
    expect(t('crisis.header', { region: literal('<b>US</b> **x**') })).toBe(
      'Líneas de crisis para <b>US</b> \\*\\*x\\*\\*',
    );
  });

  it('choose plural forms by Intl.PluralRules', () => {
    const t = translatorFor('es');
    expect(t('checkins.thanks.namedLive', { count: 1 })).toBe(
      'Una respuesta fue al canal del equipo con tu nombre.',
    );
    expect(t('checkins.thanks.namedLive', { count: 3 })).toBe(
      '3 respuestas fueron al canal del equipo con tu nombre.',
    );
  });
});
