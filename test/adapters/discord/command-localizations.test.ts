// The Spanish command names and descriptions Discord shows (name_localizations,
// description_localizations for es-ES and es-419): each one current, within Discord's limits,
// on the real command table; and a choice typed in Spanish means its English value.
import type { APIApplicationCommandOption } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandTableWithoutDatabase } from '../../../scripts/slack-manifest.ts';
import { buildDiscordCommand } from '../../../src/adapters/discord/command-registration.ts';
import { spanishChoices, spanishCommands, spanishOptions } from '../../../src/i18n/command-names-es.ts';

const table = commandTableWithoutDatabase();
const body = buildDiscordCommand(table);
// Discord's rule for command and option names (lowercase where the script has case).
const namePattern = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

function englishOf(path: string): string | undefined {
  if (path === '') return table.root.description;
  const [first, second] = path.split(' ');
  for (const entry of table.entries) {
    if (entry.kind === 'command' && !second && entry.command.name === first) return entry.command.description;
    if (entry.kind === 'group' && entry.group.name === first) {
      if (!second) return entry.group.description;
      return entry.commands.find((c) => c.name === second)?.description;
    }
  }
  return undefined;
}

const find = (options: readonly APIApplicationCommandOption[] | undefined, name: string) =>
  options?.find((o) => o.name === name);

describe('Spanish command names on Discord', () => {
  it('translate the current English of every command they name (a stale one says which)', () => {
    for (const [path, translation] of Object.entries(spanishCommands))
      expect({ path, en: englishOf(path) }).toEqual({ path, en: translation.en });
  });

  it('stay within Discord’s limits: names 1 to 32 lowercase characters, descriptions up to 100', () => {
    const all = [
      ...Object.values(spanishCommands),
      ...Object.values(spanishOptions).flatMap((options) => Object.values(options)),
    ];
    for (const t of all) {
      expect(t.name, t.name).toMatch(namePattern);
      expect(t.description.length, t.description).toBeLessThanOrEqual(100);
    }
    for (const name of Object.values(spanishChoices)) expect(name.length).toBeLessThanOrEqual(100);
  });

  it('are registered for es-ES and es-419, with the options and choices of the Spanish journey', () => {
    expect(body.name_localizations).toEqual({ 'es-ES': 'peer', 'es-419': 'peer' });
    const flag = find(body.options, 'flag');
    expect(flag?.name_localizations).toEqual({ 'es-ES': 'avisar', 'es-419': 'avisar' });
    expect(flag?.description_localizations?.['es-419']).toContain('supervisa');
    const checkin = find(body.options, 'checkin');
    const now = checkin && 'options' in checkin ? find(checkin.options, 'now') : undefined;
    expect(now?.name_localizations?.['es-ES']).toBe('ahora');
    const findCommand = find(body.options, 'find');
    const category =
      findCommand && 'options' in findCommand ? find(findCommand.options, 'category') : undefined;
    expect(category?.name_localizations?.['es-ES']).toBe('categoria');
    const choices = category && 'choices' in category ? (category.choices ?? []) : [];
    expect(choices.find((c) => c.value === 'crisis-line')?.name_localizations?.['es-419']).toBe(
      'linea-de-crisis',
    );
    // Sibling names stay unique in Spanish too.
    const spanishNames = (body.options ?? []).map((o) => o.name_localizations?.['es-ES'] ?? o.name);
    expect(new Set(spanishNames).size).toBe(spanishNames.length);
  });

  it('accepts a choice typed in Spanish, with or without accents, as its English value', () => {
    const command = table.find(['find']);
    for (const typed of ['linea-de-crisis', 'Línea-de-crisis', 'crisis-line']) {
      const prepared = command?.prepare({ words: 'ayuda', category: typed });
      expect(prepared?.ok, typed).toBe(true);
    }
    expect(table.find(['find'])?.prepare({ words: 'ayuda', category: 'linea-de-nada' }).ok).toBe(false);
  });
});
