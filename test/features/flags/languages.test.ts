// Each person reads a flag in their own language (issue 24): a Spanish-speaking member's form,
// confirmation, crisis reply and privacy summary are Spanish, while the supervisor who chose
// nothing gets the notice in English. And what a person wrote (a flag's note, a plan section)
// is shown by Open as the characters they typed: never a link, bold text or a mention in the
// bot's voice (issue 21 item 5).
import { describe, expect, it } from 'vitest';
import type { View } from '../../../src/chat/index.ts';
import { parseMarkup, toPlainText } from '../../../src/chat/markup.ts';
import { dm } from '../../support/chat-harness.ts';
import { standardTeamPerTest, type World } from './support/world.ts';

let w: World;
standardTeamPerTest((world) => {
  w = world;
});

/** Every text a view shows (markup read as a person sees it). */
function words(view: View | undefined): string {
  if (!view) return '';
  const parts: string[] = [view.text];
  for (const block of view.blocks) {
    if (block.type === 'fields') for (const f of block.fields) parts.push(f.label, f.value);
    else if (block.type === 'actions')
      for (const e of block.elements) parts.push('label' in e ? String(e.label) : '');
    else if (block.type !== 'divider') parts.push(block.text);
  }
  return parts.map(toPlainText).join('\n');
}

/** Every piece of markup in the view's texts, for "did anything become a link or bold?". */
function pieces(view: View | undefined) {
  if (!view) return [];
  return view.blocks.flatMap((block) =>
    block.type === 'header' || block.type === 'text' || block.type === 'context'
      ? parseMarkup(block.text)
      : block.type === 'fields'
        ? block.fields.flatMap((f) => [...parseMarkup(f.label), ...parseMarkup(f.value)])
        : [],
  );
}

const hostile = '[x](https://evil.example) <@U1> @everyone **b** MARK-5q';

describe('a flag in each reader’s language', () => {
  it('shows a Spanish-speaking member the form, confirmation, crisis reply and privacy summary in Spanish, and the English supervisor an English notice', async () => {
    await w.command('maya', ['language'], { choice: 'es' }, dm);

    const { opened, submitted } = await w.flag('maya', { level: 'talk-now', wish: 'talk-now', note: 'nota' });
    const form = opened.seen.find((s) => s.how === 'form')?.form;
    expect(form?.title).toBe('Avisar en privado');
    expect(toPlainText(form?.intro ?? '')).toContain('Quién lo verá: solo sam');
    const level = form?.inputs.find((i) => i.id === 'level');
    const wish = form?.inputs.find((i) => i.id === 'wish');
    // The glossary's four levels and wishes.
    expect(level && 'choices' in level ? level.choices.map((c) => c.label) : []).toEqual([
      'Solo lo anoto',
      'Me está pesando',
      'Me está costando mucho',
      'Necesito hablar ahora',
    ]);
    expect(wish && 'choices' in wish ? wish.choices.map((c) => c.label) : []).toEqual([
      'Hablar ahora',
      'Hablar hoy',
      'Hablar en mi próxima supervisión',
      'Solo quiero dejarlo anotado',
    ]);

    const reply = words(submitted.seen[0]?.view);
    expect(reply).toContain('Gracias por decirlo. Tu aviso llegó en privado a sam.');
    expect(reply).toContain('Si necesitas a alguien ahora mismo');
    expect(reply).toContain('988 Suicide & Crisis Lifeline');
    expect(reply).not.toMatch(/Thank you|If you need someone/);

    const privacy = words((await w.command('maya', ['privacy'], {}, dm)).seen[0]?.view);
    expect(privacy).toContain('Lo que guardo sobre ti, y quién puede verlo');
    expect(privacy).toContain('Avisos privados');
    expect(privacy).toContain('Plan de bienestar');
    expect(privacy).toContain('Mensajes de autocuidado');
    expect(privacy).not.toMatch(/What I store|Private flags|Wellness plan|Self-care prompts/);

    const [toSam] = await w.inbox('sam');
    const notice = words(toSam);
    expect(notice).toContain('A private flag from maya');
    expect(notice).toContain('I need to talk now');
    expect(notice).toContain('Open');
    expect(notice).not.toMatch(/aviso|Necesito/);

    // sam's answer reaches maya in Spanish; sam's own reply stays English.
    const flag = await w.prisma.triggerFlag.findFirstOrThrow();
    const answered = await w.action('sam', 'flags:reach-out', flag.id, dm);
    expect(words(answered.seen[0]?.view)).toContain('Thank you. I told maya you have seen it');
    const toMaya = (await w.inbox('maya')).map(words).join('\n');
    expect(toMaya).toContain('sam vio tu aviso');
  });
});

describe('person-written text in the Open views', () => {
  it('shows a flag note with a link, a mention, @everyone and bold as the characters typed', async () => {
    await w.flag('maya', { level: 'weighing', wish: 'talk-today', note: hostile });
    const flag = await w.prisma.triggerFlag.findFirstOrThrow();
    const opened = (await w.action('sam', 'flags:open', flag.id, dm)).seen[0]?.view;

    expect(words(opened)).toContain(hostile);
    const found = pieces(opened);
    expect(found.filter((p) => p.kind === 'link')).toEqual([]);
    // The only bold is the bot's own "Their note:" label.
    expect(found.filter((p) => p.kind === 'bold').map((p) => ('text' in p ? p.text : ''))).toEqual([
      'Their note:',
    ]);
  });

  it('shows a shared plan section with a link, a mention, @everyone and bold as the characters typed', async () => {
    await w.form('maya', 'plans:section', { text: hostile }, dm, 'triggers');
    await w.command('maya', ['plan'], { action: 'share', section: 'triggers' }, dm);
    const share = await w.prisma.planShare.findFirstOrThrow();
    const opened = (await w.action('sam', 'plans:open-share', share.id, dm)).seen[0]?.view;

    expect(words(opened)).toContain(hostile);
    const found = pieces(opened);
    expect(found.filter((p) => p.kind === 'link' || p.kind === 'bold')).toEqual([]);

    // The member's own plan view shows it the same way.
    const own = (await w.action('maya', 'plans:show', undefined, dm)).seen[0]?.view;
    expect(words(own)).toContain(hostile);
    expect(pieces(own).filter((p) => p.kind === 'link')).toEqual([]);
    expect(pieces(own).some((p) => p.kind === 'bold' && p.text === 'b')).toBe(false);
  });
});
