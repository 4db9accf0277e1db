// The outbox stores a neutral View as JSON text (encrypted when private). What comes back out
// of the database is parsed with zod before it reaches an adapter: a row written by an older
// version, or damaged by hand, fails here with a reason instead of rendering garbage.
import { z } from 'zod';
import type { View } from '../chat/views.ts';
import type { FieldCipher } from '../db/index.ts';

/** The AAD of private payloads: an envelope cannot be moved into another column. */
const PAYLOAD_CONTEXT = 'OutboxMessage.payload';

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
  z.object({ type: z.literal('header'), text: z.string() }),
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('fields'),
    fields: z.array(z.object({ label: z.string(), value: z.string() })),
  }),
  z.object({ type: z.literal('context'), text: z.string() }),
  z.object({ type: z.literal('divider') }),
  z.object({
    type: z.literal('actions'),
    elements: z.array(z.discriminatedUnion('type', [ButtonSchema, SelectSchema])),
  }),
]);

const ViewSchema = z.object({ text: z.string(), blocks: z.array(BlockSchema) });

export function encodePayload(cipher: FieldCipher, view: View, isPrivate: boolean): string {
  const json = JSON.stringify(view);
  return isPrivate ? cipher.encrypt(json, PAYLOAD_CONTEXT) : json;
}

/** Throws (WrongKeyError, TamperedError, SyntaxError, ZodError) when the row cannot be read. */
export function decodePayload(cipher: FieldCipher, payload: string, isPrivate: boolean): View {
  const json = isPrivate ? cipher.decrypt(payload, PAYLOAD_CONTEXT) : payload;
  return ViewSchema.parse(JSON.parse(json));
}
