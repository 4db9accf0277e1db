// Issue 24: the words the adapters say themselves (a form asked in parts, the shell's prompts,
// the note for a form that was lost) come from catalogs/*/platform.ts, in the reader's language
// where the platform says which it is.
import { describe, expect, it } from 'vitest';
import { discordFormPages, renderDiscordModal } from '../../src/adapters/discord/render-components.ts';
import { expiredFormView, platformTranslator } from '../../src/adapters/form-parts.ts';
import { nextPartView, PendingForms } from '../../src/adapters/mattermost/mattermost-forms.ts';
import { renderMattermostPosts } from '../../src/adapters/mattermost/render-markdown.ts';
import { parseShellAnswer, renderShellForm, renderShellText } from '../../src/adapters/shell/render-text.ts';
import { toPlainText } from '../../src/chat/markup.ts';
import { translatorFor } from '../../src/i18n/index.ts';
import { checkinForm, shortForm } from '../chat/sample-views.ts';

const es = translatorFor('es', 'es-MX');
const mattermost = { actionUrl: 'https://peerbridge.example/mattermost/action', key: Buffer.alloc(32, 1) };

describe('the platform catalog', () => {
  it('asks a long Discord form in parts, in Spanish for a Spanish client', () => {
    const pages = discordFormPages(checkinForm, es);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.form.intro).toContain('Parte 1 de');
    expect(pages[0]!.form.submitLabel).toBe('Siguiente');
    expect(pages.at(-1)!.form.submitLabel).toBe(checkinForm.submitLabel);
    // English stays the default, with today's words.
    expect(discordFormPages(checkinForm)[0]!.form.intro).toContain('Part 1 of');
    expect(renderDiscordModal(pages[0]!, es).custom_id).toContain('|1/');
  });

  it('speaks the Spanish of a form opened by a Spanish locale between parts on Mattermost', () => {
    const forms = new PendingForms();
    const entry = forms.open('u1', checkinForm, 'es-419');
    forms.submitted(entry, {});
    const shown = renderMattermostPosts(nextPartView(entry), mattermost)
      .map((post) => post.message)
      .join('\n');
    expect(shown).toContain('Gracias, ya tengo la parte 1 de');
    expect(shown).toContain('No se envía nada hasta que llegue la última parte.');
    expect(forms.page(entry).form.intro).toContain('Parte 2 de');
  });

  it('says a lost form was not saved, in the language of the platform', () => {
    expect(toPlainText(expiredFormView(platformTranslator('es-ES')).text)).toContain('No se guardó nada');
    expect(toPlainText(expiredFormView(platformTranslator(undefined)).text)).toContain('Nothing was saved');
    expect(toPlainText(expiredFormView(platformTranslator('fr-FR')).text)).toContain('Nothing was saved');
  });

  it('prompts in the shell in Spanish: optional, Enter to skip, and a kind reason to try again', () => {
    const shell = renderShellForm(shortForm, es);
    const optional = shell.prompts.find((prompt) => prompt.input.optional);
    expect(optional?.text).toContain('(opcional, Enter para saltar)');
    const [required] = renderShellForm(
      { formId: 'x:y', title: 'T', submitLabel: 'Send', inputs: [{ type: 'text', id: 'a', label: 'A' }] },
      es,
    ).prompts;
    expect(parseShellAnswer(required!, '', es)).toEqual({
      ok: false,
      reason: 'Esta necesita una respuesta. Con unas pocas palabras basta.',
    });
    expect(renderShellForm(shortForm).prompts.find((p) => p.input.optional)?.text).toContain(
      '(optional, Enter to skip)',
    );
    expect(renderShellText({ text: es('platform.forms.open'), blocks: [] }, { t: es }).text).toBe(
      'Abrir el formulario',
    );
  });
});
