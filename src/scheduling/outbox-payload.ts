// The outbox stores a neutral View as JSON text (encrypted when private). What comes back out
// of the database is parsed with zod before it reaches an adapter: a row written by an older
// version, or damaged by hand, fails here with a reason instead of rendering garbage.
import { z } from 'zod';
import type { MarkupText } from '../chat/markup.ts';
import type { View } from '../chat/views.ts';
import type { FieldCipher } from '../db/index.ts';

/** The AAD of private payloads: an envelope cannot be moved into another column. */
const PAYLOAD_CONTEXT = 'OutboxMessage.payload';

/**
 * View text read back from an outbox row. Only `encodePayload` writes the column, and it takes a
 * View, whose texts were MarkupText when written (catalog words and literal() values, already
 * escaped); a private row is also authenticated by its envelope. So the text is the same markup
 * it was, read back: this is where the stored form becomes the type again.
 */
const StoredMarkupSchema = z.string().transform((text): MarkupText => text as MarkupText);

const ButtonSchema = z.object({
  type: z.literal('button'),
  actionId: z.string(),
  label: z.string(),
  value: z.string().optional(),
  style: z.enum(['primary', 'danger', 'default']).optional(),
  url: z.string().optional(),
});

const ChoiceSchema = z.object({
  label: z.string(),
  value: z.string(),
  description: z.string().optional(),
});

const SelectSchema = z.object({
  type: z.literal('select'),
  actionId: z.string(),
  placeholder: z.string(),
  choices: z.array(ChoiceSchema),
  initial: z.string().optional(),
});

const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), text: StoredMarkupSchema }),
  z.object({ type: z.literal('text'), text: StoredMarkupSchema }),
  z.object({
    type: z.literal('fields'),
    fields: z.array(z.object({ label: StoredMarkupSchema, value: StoredMarkupSchema })),
  }),
  z.object({ type: z.literal('context'), text: StoredMarkupSchema }),
  z.object({ type: z.literal('divider') }),
  z.object({
    type: z.literal('actions'),
    elements: z.array(z.discriminatedUnion('type', [ButtonSchema, SelectSchema])),
  }),
]);

const ViewSchema = z.object({ text: StoredMarkupSchema, blocks: z.array(BlockSchema) });

/** The fields of an outbox row that say whose message it is: a private payload is bound to them. */
export interface PayloadRow {
  readonly idempotencyKey: string;
  readonly target: 'dm' | 'channel';
  readonly recipientId: string;
}

/**
 * The row binding in a private payload's associated data: its idempotency key and recipient,
 * known before the row has an id. Copied into another row (another recipient or key), the
 * envelope fails its check instead of reaching someone it was not written for.
 */
const rowBinding = (row: PayloadRow): string => `${row.idempotencyKey}\u0000${row.target}:${row.recipientId}`;

export function encodePayload(cipher: FieldCipher, view: View, isPrivate: boolean, row: PayloadRow): string {
  const json = JSON.stringify(view);
  return isPrivate ? cipher.encrypt(json, PAYLOAD_CONTEXT, rowBinding(row)) : json;
}

/** Throws (WrongKeyError, TamperedError, SyntaxError, ZodError) when the row cannot be read. */
export function decodePayload(
  cipher: FieldCipher,
  row: PayloadRow & { readonly payload: string; readonly isPrivate: boolean },
): View {
  const json = row.isPrivate ? cipher.decrypt(row.payload, PAYLOAD_CONTEXT, rowBinding(row)) : row.payload;
  return ViewSchema.parse(JSON.parse(json));
}
