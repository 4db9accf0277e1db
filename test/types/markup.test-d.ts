// Type tests for view text (src/chat/views.ts): a Block's text is MarkupText, so words a person
// wrote reach a view only through literal(), the markup template or the catalog's t(); a plain
// string is a compile error where a view's text goes.
import { describe, expectTypeOf, it } from 'vitest';
import { literal, type MarkupText, markup } from '../../src/chat/markup.ts';
import { type Block, type View, view } from '../../src/chat/views.ts';
import { translatorFor } from '../../src/i18n/index.ts';

const t = translatorFor('en');
const typed = '[Join](https://evil.example/x) <!here>';

describe('view text', () => {
  it('refuses a plain string in a block, a field or the summary', () => {
    // @ts-expect-error a person's words as a plain string could carry a link or a mention
    const text: Block = { type: 'text', text: typed };
    // @ts-expect-error a header too
    const header: Block = { type: 'header', text: typed };
    // @ts-expect-error and a context line
    const context: Block = { type: 'context', text: typed };
    // @ts-expect-error a field's value
    const fields: Block = { type: 'fields', fields: [{ label: t('platform.forms.open'), value: typed }] };
    // @ts-expect-error the notification text
    const summary: View = { text: typed, blocks: [] };
    // @ts-expect-error view() asks for MarkupText too
    view(typed);
    expectTypeOf([text, header, context, fields, summary]).not.toBeAny();
  });

  it('takes literal(), markup`` and t()', () => {
    const blocks: Block[] = [
      { type: 'text', text: markup`${literal(typed)}` },
      { type: 'header', text: t('platform.forms.tryAgainTitle') },
      { type: 'context', text: markup`**${t('platform.forms.open')}** · ${literal(typed)} · ${3}` },
      { type: 'fields', fields: [{ label: t('platform.forms.open'), value: markup`${literal(typed)}` }] },
    ];
    expectTypeOf(view(t('platform.forms.expired'), ...blocks)).toEqualTypeOf<View>();
    expectTypeOf(markup`${literal(typed)}`).toEqualTypeOf<MarkupText>();
  });

  it('refuses a plain string inside markup`` and as a catalog value', () => {
    // @ts-expect-error a plain string in the template could carry markup a person wrote
    markup`Topic: ${typed}`;
    // @ts-expect-error the catalog's values are literal, markup or numbers
    t('platform.forms.readyTitle', { title: typed });
    // a literal is not a whole view text on its own: it joins one through markup``
    // @ts-expect-error LiteralText is not MarkupText
    const raw: MarkupText = literal(typed);
    expectTypeOf(raw).not.toBeAny();
  });
});
