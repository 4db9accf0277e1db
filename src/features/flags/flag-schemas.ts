// The flag form and the close form, parsed with zod; a refusal is a plain sentence.
import { z } from 'zod';
import type { FormValues } from '../../chat/index.ts';
import { literal, type MarkupText } from '../../chat/markup.ts';
import type { Translate } from '../../i18n/index.ts';
import type { FlagInput } from './flag-create.ts';
import { joined } from './flag-views.ts';
import { levelChoices, wishChoices } from './levels.ts';

export const NOTE_LIMIT = 2000;

// zod's messages are codes; the reader's words come from the catalog.
const optionalNote = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined))
  .refine((v) => v === undefined || v.length <= NOTE_LIMIT, { message: 'note' });

const flagSchema = z.object({
  level: z.enum(levelChoices.map((c) => c.value) as [string, ...string[]], { error: 'level' }),
  wish: z.enum(wishChoices.map((c) => c.value) as [string, ...string[]], { error: 'wish' }),
  note: optionalNote,
});

const count = (n: number, t: Translate) =>
  literal(n.toLocaleString(t.locale.startsWith('en') ? 'en-US' : t.locale));

const asText = (value: FormValues[string]) =>
  Array.isArray(value) ? value[0] : (value as string | undefined);

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: MarkupText };

export function parseFlagForm(values: FormValues, t: Translate): Parsed<FlagInput> {
  const parsed = flagSchema.safeParse({
    level: asText(values.level),
    wish: asText(values.wish),
    note: asText(values.note),
  });
  if (!parsed.success) {
    const length = asText(values.note)?.trim().length ?? 0;
    const problems = parsed.error.issues.map((issue) =>
      issue.message === 'note'
        ? t('flags.errors.noteTooLong', { limit: count(NOTE_LIMIT, t), length: count(length, t) })
        : issue.message === 'wish'
          ? t('flags.errors.wish')
          : t('flags.errors.level'),
    );
    return {
      ok: false,
      reason: t('flags.errors.notSent', { problems: joined(problems, t('flags.errors.join')) }),
    };
  }
  const level = levelChoices.find((c) => c.value === parsed.data.level)!;
  const wish = wishChoices.find((c) => c.value === parsed.data.wish)!;
  return {
    ok: true,
    value: {
      severity: level.severity,
      wish: wish.wish,
      ...(parsed.data.note ? { note: parsed.data.note } : {}),
    },
  };
}

export function parseFollowUp(values: FormValues, t: Translate): Parsed<string | undefined> {
  const parsed = optionalNote.safeParse(asText(values.followup));
  if (!parsed.success)
    return { ok: false, reason: t('flags.errors.followUpTooLong', { limit: count(NOTE_LIMIT, t) }) };
  return { ok: true, value: parsed.data };
}
