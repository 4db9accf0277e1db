// Type tests for the API feature authors lean on most: what `defineCommand` infers for a
// handler's options. Run by vitest's typecheck (vitest.config.ts), so `npm test` and CI fail
// when the inference regresses, not only when a feature stops compiling somewhere else.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type Command,
  type CommandContext,
  defineCommand,
  type InferOptions,
  type TypedCommand,
} from '../../src/chat/index.ts';

const base = {
  description: 'A test command',
  help: 'Used by the type tests only.',
  who: 'everyone',
  verb: 'help',
  where: 'anywhere',
} as const;

describe('defineCommand option inference', () => {
  it('makes a required option non-optional and leaves the others optional', () => {
    defineCommand({
      ...base,
      name: 'setup',
      options: {
        timezone: { type: 'string', description: 'Zone', required: true },
        name: { type: 'string', description: 'Name' },
      },
      handler: async ({ options }) => {
        expectTypeOf(options.timezone).toEqualTypeOf<string>();
        expectTypeOf(options.name).toEqualTypeOf<string | undefined>();
        expectTypeOf(options).toEqualTypeOf<{ readonly timezone: string; readonly name?: string }>();
      },
    });
  });

  it('turns choices into a union of their literal values', () => {
    defineCommand({
      ...base,
      name: 'role',
      options: {
        role: {
          type: 'choice',
          description: 'Role',
          choices: ['member', 'supervisor', 'admin'],
          required: true,
        },
        kind: { type: 'choice', description: 'Kind', choices: ['primary', 'backup'] },
      },
      handler: async ({ options }) => {
        expectTypeOf(options.role).toEqualTypeOf<'member' | 'supervisor' | 'admin'>();
        expectTypeOf(options.kind).toEqualTypeOf<'primary' | 'backup' | undefined>();
      },
    });
  });

  it('types integers as numbers and booleans as booleans', () => {
    type Options = InferOptions<{
      readonly days: { readonly type: 'integer'; readonly description: 'Days'; readonly required: true };
      readonly remove: { readonly type: 'boolean'; readonly description: 'Remove' };
    }>;
    expectTypeOf<Options>().toEqualTypeOf<{ readonly days: number; readonly remove?: boolean }>();
  });

  it('gives a command without options an empty options object', () => {
    const help = defineCommand({ ...base, name: 'help', handler: async () => {} });
    expectTypeOf(help.handler)
      .parameter(0)
      .toEqualTypeOf<CommandContext<InferOptions<Record<never, never>>>>();
    expectTypeOf<keyof Parameters<typeof help.handler>[0]['options']>().toEqualTypeOf<never>();
  });

  it('keeps the declarations on the typed command, which still fits the table as a Command', () => {
    const wave = defineCommand({
      ...base,
      name: 'wave',
      options: { to: { type: 'string', description: 'Who', required: true } },
      handler: async () => {},
    });
    expectTypeOf(wave).toExtend<Command>();
    expectTypeOf(wave.options.to.type).toEqualTypeOf<'string'>();
    expectTypeOf(wave.options.to.required).toEqualTypeOf<true>();
    expectTypeOf(wave.schema).toExtend<TypedCommand<typeof wave.options>['schema']>();
  });

  it('refuses a handler that reads an option the command does not declare', () => {
    defineCommand({
      ...base,
      name: 'show',
      options: { team: { type: 'string', description: 'Team' } },
      handler: async ({ options }) => {
        // @ts-expect-error `channel` is not one of this command's options
        options.channel;
      },
    });
  });

  it('refuses an option type that does not exist', () => {
    defineCommand({
      ...base,
      name: 'bad',
      options: {
        // @ts-expect-error 'date' is not an option type
        when: { type: 'date', description: 'When' },
      },
      handler: async () => {},
    });
  });
});
