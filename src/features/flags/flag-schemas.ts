// The flag form and the close form, parsed with zod; a refusal is a plain sentence.
import { z } from 'zod';
import type { FormValues } from '../../chat/index.ts';
import type { FlagInput } from './flag-create.ts';
import { levelChoices, wishChoices } from './levels.ts';

export const NOTE_LIMIT = 2000;

const optionalNote = (what: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .refine((v) => v === undefined || v.length <= NOTE_LIMIT, {
      message: `${what} can be up to ${NOTE_LIMIT.toLocaleString('en-US')} characters`,
    });

const flagSchema = z.object({
  level: z.enum(levelChoices.map((c) => c.value) as [string, ...string[]], {
    error: 'please choose how strong it is, even "noting it" is fine',
  }),
  wish: z.enum(wishChoices.map((c) => c.value) as [string, ...string[]], {
    error: 'please choose what would help',
  }),
  note: optionalNote('The note'),
});

const asText = (value: FormValues[string]) =>
  Array.isArray(value) ? value[0] : (value as string | undefined);

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function parseFlagForm(values: FormValues): Parsed<FlagInput> {
  const parsed = flagSchema.safeParse({
    level: asText(values.level),
    wish: asText(values.wish),
    note: asText(values.note),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => i.message);
    const length = asText(values.note)?.trim().length ?? 0;
    const detail = problems.map((p) =>
      p.startsWith('The note') ? `${p} (this one is ${length.toLocaleString('en-US')})` : p,
    );
    return {
      ok: false,
      reason: `I have not sent anything yet: ${detail.join('; ')}. Nothing was saved; please try \`/peer flag\` again.`,
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

export function parseFollowUp(values: FormValues): Parsed<string | undefined> {
  const parsed = optionalNote('A follow-up note').safeParse(asText(values.followup));
  if (!parsed.success) {
    return {
      ok: false,
      reason: `${parsed.error.issues[0]?.message ?? 'That note is too long'}. Nothing was saved; the flag is still open.`,
    };
  }
  return { ok: true, value: parsed.data };
}
