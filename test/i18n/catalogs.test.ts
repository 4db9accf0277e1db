// Both catalogs have the same keys (the compiler already refuses a missing key: `Catalog`) and
// the same `{{values}}` in each message, so no Spanish message drops or renames a value.
import { describe, expect, it } from 'vitest';
import { literal } from '../../src/chat/markup.ts';
import { en } from '../../src/i18n/catalogs/en.ts';
import { es } from '../../src/i18n/catalogs/es.ts';
import { translatorFor } from '../../src/i18n/index.ts';

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
