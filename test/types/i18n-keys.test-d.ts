// Type tests for the catalog (src/i18n): keys come from the English catalog, so a misspelled key
// is a compile error; each key asks for exactly its `{{values}}`, and a value must be literal
// text, markup or a number, so a member's words cannot reach a view unescaped.
import { describe, expectTypeOf, it } from 'vitest';
import { literal, type MarkupText, markup } from '../../src/chat/markup.ts';
import { type Catalog, type MessageKey, translatorFor } from '../../src/i18n/index.ts';

const t = translatorFor('es');

describe('catalog keys', () => {
  it('are the English catalog paths, plurals folded into one key', () => {
    expectTypeOf<'checkins.prompt.answer'>().toMatchTypeOf<MessageKey>();
    expectTypeOf<'checkins.thanks.namedLive'>().toMatchTypeOf<MessageKey>();
    expectTypeOf<'checkins.thanks.namedLive_one'>().not.toMatchTypeOf<MessageKey>();
    // @ts-expect-error a misspelled key does not compile
    t('checkins.prompt.answr');
  });

  it('give view text (MarkupText)', () => {
    expectTypeOf(t('checkins.prompt.answer')).toEqualTypeOf<MarkupText>();
  });

  it('ask for their values, typed literal, markup or number', () => {
    t('crisis.header', { region: literal('US') });
    t('checkins.thanks.supervisorTold', { supervisor: markup`**${literal('Ana')}**` });
    t('checkins.thanks.namedLive', { count: 2 });
    // @ts-expect-error a plain string could carry markup a person wrote
    t('crisis.header', { region: 'US' });
    // @ts-expect-error a value is missing
    t('crisis.header');
    // @ts-expect-error a plural needs its count
    t('checkins.thanks.namedLive');
    // @ts-expect-error a key without values takes none
    t('checkins.prompt.answer', { extra: 1 });
  });

  it('make every catalog the English shape', () => {
    // @ts-expect-error a catalog missing a key does not compile
    const missing: Catalog['crisis'] = { header: 'x' };
    expectTypeOf(missing).not.toBeAny();
  });
});
