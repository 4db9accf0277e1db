// One resource as every edge sees it: imports (HSDS JSON, HSDS CSV, simple CSV), the seed file,
// admin forms and exports all go through this zod schema, so a bad row is refused with the
// same plain reason wherever it came from.
import { z } from 'zod';
import { type Category, categories, toCategory } from './categories.ts';
import { normaliseRegion } from './regions.ts';

export const contactKinds = ['phone', 'text', 'chat', 'web', 'email'] as const;
export type ContactKind = (typeof contactKinds)[number];

// Digits with the separators people write (+1 800-662-4357, 13 11 14, 988), at least 3 digits.
const phonePattern = /^\+?[0-9(][0-9 ().-]{1,28}$/;
const digitCount = (value: string) => value.replace(/\D/g, '').length;
const isWebAddress = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

export const ContactSchema = z
  .object({
    kind: z.enum(contactKinds, { error: 'a contact kind must be phone, text, chat, web or email' }),
    value: z.string().trim().min(1, 'a contact needs a number or address'),
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((contact, ctx) => {
    const { kind, value } = contact;
    const bad = (message: string) => ctx.addIssue({ code: 'custom', path: ['value'], message });
    if ((kind === 'phone' || kind === 'text') && (!phonePattern.test(value) || digitCount(value) < 3)) {
      bad(
        `'${value}' is not a phone number I can use (digits, spaces, dashes, brackets and a leading + only)`,
      );
    } else if ((kind === 'web' || kind === 'chat') && !isWebAddress(value)) {
      bad(`'${value}' is not a web address (it should start with https://)`);
    } else if (kind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      bad(`'${value}' is not an email address`);
    }
  });

export type Contact = z.infer<typeof ContactSchema>;

export const resourceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `is longer than ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * Whether YYYY-MM-DD names a real day. JavaScript's Date rolls 2026-02-31 over to 2026-03-03
 * and makes 2026-31-02 an invalid date, so the parts are checked against the day they give back.
 */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export const ResourceRecordSchema = z.object({
  id: z
    .string({ error: 'every entry needs an id' })
    .trim()
    .regex(idPattern, 'an id is 1 to 64 letters, digits, dots, dashes or colons'),
  title: z.string({ error: 'the name is missing' }).trim().min(1, 'the name is missing').max(200),
  category: z.string({ error: 'the category is missing' }).transform((value, ctx): Category => {
    const category = toCategory(value);
    if (category) return category;
    ctx.addIssue({
      code: 'custom',
      message: `'${value}' is not a category I know (use one of: ${categories.join(', ')})`,
    });
    return z.NEVER;
  }),
  organizationName: optionalText(200),
  summary: z.string().trim().max(2000).default(''),
  status: z
    .enum(resourceStatuses, { error: 'the status must be active, inactive, defunct or temporarily closed' })
    .default('active'),
  regions: z
    .array(z.string())
    .default([])
    .transform((codes, ctx) => {
      const out: string[] = [];
      for (const code of codes) {
        const region = normaliseRegion(code);
        if (!region) {
          ctx.addIssue({ code: 'custom', message: `'${code}' is not a region code like US, GB or US-TX` });
          return z.NEVER;
        }
        if (!out.includes(region)) out.push(region);
      }
      return out;
    }),
  city: optionalText(100),
  contacts: z.array(ContactSchema).default([]),
  hours: optionalText(200),
  languages: z.array(z.string().trim().toLowerCase().min(2).max(35)).default([]),
  tags: z.array(z.string().trim().toLowerCase().min(1).max(60)).default([]),
  cost: optionalText(200),
  /** Where the details come from: a web address or a citation. */
  source: optionalText(500),
  verifiedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'the verified date must look like 2026-11-23')
    .refine(isCalendarDate, {
      error: (issue) =>
        `the verified date '${String(issue.input)}' is not a day of the calendar (year-month-day, like 2026-11-23)`,
    })
    .nullish()
    .transform((v) => v ?? undefined),
  verifiedBy: optionalText(200),
  extras: z.record(z.string(), z.unknown()).default({}),
});

/** A parsed, valid resource: what the store writes and every export reads back. */
export type ResourceRecord = z.output<typeof ResourceRecordSchema>;
export type ResourceInput = z.input<typeof ResourceRecordSchema>;

/** The zod issues of one record as plain reasons: "the name is missing; 'abc' is not …". */
export function reasonsOf(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.filter((part) => typeof part === 'string').at(-1);
      const generic = issue.message.startsWith('Invalid') || issue.message.startsWith('Too');
      return generic && field ? `${field}: ${issue.message.toLowerCase()}` : issue.message;
    })
    .join('; ');
}

/** A stable, readable id for an entry made in chat: its name, shortened, plus a short suffix. */
export function idFromTitle(title: string, suffix: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'resource'}-${suffix}`;
}
