// Mattermost does not sign post-action callbacks: anyone who can reach the callback URL could
// post a made-up press. So every button carries, in its `context`, the action id and value the
// bot rendered plus a keyed MAC over them; a callback whose MAC does not match is refused
// before anything else reads it. The key is MATTERMOST_ACTION_SECRET, or one derived from the
// bot token (so every replica agrees without another setting).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export interface SignedAction {
  readonly actionId: string;
  readonly value?: string;
}

const contextSchema = z.object({
  a: z.string().min(1).max(255),
  v: z.string().max(2_000).optional(),
  m: z.string().min(1),
});

export type ActionContext = z.infer<typeof contextSchema>;

export function actionKey(secret: string | undefined, token: string): Buffer {
  return createHmac('sha256', secret ?? token)
    .update('peerbridge mattermost post actions v1')
    .digest();
}

const macOf = (key: Buffer, actionId: string, value: string | undefined) =>
  createHmac('sha256', key)
    .update(JSON.stringify([actionId, value ?? null]))
    .digest('base64url');

export function signAction(key: Buffer, action: SignedAction): ActionContext {
  return {
    a: action.actionId,
    ...(action.value === undefined ? {} : { v: action.value }),
    m: macOf(key, action.actionId, action.value),
  };
}

/** The action a callback's context names, or undefined when its MAC is missing or wrong. */
export function verifyAction(key: Buffer, context: unknown): SignedAction | undefined {
  const parsed = contextSchema.safeParse(context);
  if (!parsed.success) return undefined;
  const { a, v, m } = parsed.data;
  const expected = Buffer.from(macOf(key, a, v));
  const given = Buffer.from(m);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return { actionId: a, ...(v === undefined ? {} : { value: v }) };
}
