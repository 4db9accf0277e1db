// discord.js builds an interaction straight from the gateway payload, trusting its shape: a
// payload without a member's user, with a string where a user object belongs or options that
// are not a list throws inside discord.js's gateway handler, where nothing catches it (an
// uncaught exception ends the process). Discord does not send such payloads, but a proxy, a
// test or an API change could, and one bad packet must not take every team's bot down.
//
// So INTERACTION_CREATE is checked first against the fields discord.js and the adapter read;
// one that does not fit is logged (its kind and the problem, never its content) and dropped,
// as Discord's own documentation says to do with an interaction one cannot handle. A throw
// left inside discord.js is caught and logged the same way.
import type { Client } from 'discord.js';
import { z } from 'zod';
import { errorFields, type Logger } from '../../chat/index.ts';

const snowflake = z.string().regex(/^\d{5,25}$/);
const user = z.object({ id: snowflake, username: z.string().optional() });
const option: z.ZodType<unknown> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.number().int(),
    value: z.union([z.string(), z.number(), z.boolean()]).optional(),
    options: z.array(option).optional(),
  }),
);

/** The data of each interaction type that carries one (1 is Discord's ping, without data). */
const dataByType: Record<number, z.ZodType<unknown>> = {
  2: z.object({
    id: snowflake,
    name: z.string(),
    type: z.number().int(),
    options: z.array(option).optional(),
  }),
  3: z.object({
    custom_id: z.string().max(100),
    component_type: z.number().int(),
    values: z.array(z.string()).optional(),
  }),
  4: z.object({
    id: snowflake,
    name: z.string(),
    type: z.number().int(),
    options: z.array(option).optional(),
  }),
  5: z.object({ custom_id: z.string().max(100), components: z.array(z.object({}).passthrough()) }),
};

const interactionSchema = z
  .object({
    id: snowflake,
    application_id: snowflake,
    token: z.string().min(1),
    type: z.number().int(),
    guild_id: snowflake.optional(),
    channel_id: snowflake.optional(),
    channel: z.object({ id: snowflake, type: z.number().int().optional() }).optional(),
    member: z.object({ user }).optional(),
    user: user.optional(),
    data: z.unknown().optional(),
  })
  .refine((i) => i.member !== undefined || i.user !== undefined, 'neither member nor user')
  .refine((i) => i.member === undefined || i.guild_id !== undefined, 'a member outside a guild')
  .refine((i) => i.type === 1 || dataByType[i.type] !== undefined, 'an unknown interaction type')
  .refine((i) => dataByType[i.type]?.safeParse(i.data).success ?? true, 'data that does not fit its type');

/** Why this payload cannot be an interaction the adapter handles; undefined when it can. */
export function interactionProblem(payload: unknown): string | undefined {
  const parsed = interactionSchema.safeParse(payload);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return issue ? `${issue.path.join('.') || 'interaction'}: ${issue.message}` : 'malformed';
}

interface InteractionAction {
  handle(data: unknown): unknown;
}

/** Puts the check in front of discord.js's INTERACTION_CREATE action. */
export function guardInteractions(client: Client, logger: Logger): void {
  // `actions` is private in discord.js's types; the gateway handler calls exactly this.
  const action = (client as unknown as { actions?: { InteractionCreate?: InteractionAction } }).actions
    ?.InteractionCreate;
  if (!action) {
    logger.warn(
      { event: 'discord.interaction.unguarded' },
      'discord.js changed: interactions are not checked',
    );
    return;
  }
  const handle = action.handle.bind(action);
  action.handle = (data: unknown) => {
    const problem = interactionProblem(data);
    const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
    if (problem !== undefined) {
      logger.warn(
        {
          event: 'discord.interaction.malformed',
          type: typeof type === 'number' ? type : undefined,
          problem,
        },
        'Dropped an interaction that does not have the shape Discord sends',
      );
      return {};
    }
    try {
      return handle(data);
    } catch (error) {
      logger.warn(
        { event: 'discord.interaction.malformed', type, err: errorFields(error) },
        'discord.js could not read an interaction; dropped',
      );
      return {};
    }
  };
}
