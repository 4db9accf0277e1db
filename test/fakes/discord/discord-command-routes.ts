import { type APIApplicationCommand, ApplicationCommandType } from 'discord.js';
import { asRecord, asString } from '../shared/http.ts';
import { snowflake } from './discord-ids.ts';
import {
  created,
  discordError,
  noContent,
  ok,
  type RestRequest,
  type Route,
  type RouteContext,
  route,
} from './discord-rest-kit.ts';

/** Loose checks Discord applies to command definitions: catch the mistakes a bot actually makes. */
function validateCommand(raw: Record<string, unknown>): string | undefined {
  const name = asString(raw.name) ?? '';
  const type = typeof raw.type === 'number' ? raw.type : ApplicationCommandType.ChatInput;
  if (type === ApplicationCommandType.ChatInput) {
    if (!/^[-_\p{L}\p{N}]{1,32}$/u.test(name) || name !== name.toLowerCase())
      return `name: invalid "${name}"`;
    const description = asString(raw.description) ?? '';
    if (description.length < 1 || description.length > 100)
      return `description: must be 1-100 characters (${name})`;
  }
  const options = Array.isArray(raw.options) ? raw.options.map(asRecord) : [];
  if (options.length > 25) return `options: at most 25 (${name})`;
  for (const option of options) {
    const problem = validateCommand({ ...option, type: ApplicationCommandType.ChatInput });
    if (problem) return `options.${problem}`;
  }
  return undefined;
}

/** GET/PUT/POST/DELETE of global or guild application commands; ids stay stable per name, like Discord. */
export function commandRoutes(ctx: RouteContext, scope: 'global' | 'guild'): Route[] {
  const { world, store } = ctx;
  const base =
    scope === 'global' ? '/applications/:appId/commands' : '/applications/:appId/guilds/:guildId/commands';
  const key = (request: RestRequest) => (scope === 'global' ? '' : (request.params.guildId ?? ''));
  const wrongApp = (request: RestRequest) =>
    request.params.appId === world.applicationId ? undefined : discordError(403, 50001, 'Missing Access');
  const toCommand = (
    raw: Record<string, unknown>,
    request: RestRequest,
    id?: string,
  ): APIApplicationCommand =>
    ({
      id: id ?? snowflake(),
      application_id: world.applicationId,
      version: snowflake(),
      type: typeof raw.type === 'number' ? raw.type : ApplicationCommandType.ChatInput,
      name: asString(raw.name) ?? '',
      name_localizations: raw.name_localizations ?? null,
      description: asString(raw.description) ?? '',
      description_localizations: raw.description_localizations ?? null,
      default_member_permissions: raw.default_member_permissions ?? null,
      dm_permission: raw.dm_permission ?? true,
      contexts: raw.contexts ?? null,
      integration_types: raw.integration_types ?? [0],
      nsfw: raw.nsfw === true,
      options: Array.isArray(raw.options) ? raw.options : [],
      ...(scope === 'guild' ? { guild_id: request.params.guildId } : {}),
    }) as APIApplicationCommand;
  const invalid = (problem: string) => discordError(400, 50035, 'Invalid Form Body', { detail: problem });
  return [
    route('GET', base, (request) => wrongApp(request) ?? ok(store.commands.get(key(request)) ?? [])),
    route('PUT', base, (request) => {
      const denied = wrongApp(request);
      if (denied) return denied;
      const list = Array.isArray(request.body) ? request.body.map(asRecord) : [];
      if (list.length > 100) return invalid('at most 100 commands');
      for (const raw of list) {
        const problem = validateCommand(raw);
        if (problem) return invalid(problem);
      }
      const previous = store.commands.get(key(request)) ?? [];
      const commands = list.map((raw) =>
        toCommand(raw, request, previous.find((command) => command.name === raw.name)?.id),
      );
      store.commands.set(key(request), commands);
      return ok(commands);
    }),
    route('POST', base, (request) => {
      const denied = wrongApp(request);
      if (denied) return denied;
      const raw = asRecord(request.body);
      const problem = validateCommand(raw);
      if (problem) return invalid(problem);
      const existing = store.commands.get(key(request)) ?? [];
      const previous = existing.find((command) => command.name === raw.name);
      const command = toCommand(raw, request, previous?.id);
      store.commands.set(key(request), [...existing.filter((c) => c !== previous), command]);
      return previous ? ok(command) : created(command);
    }),
    route('DELETE', `${base}/:commandId`, (request) => {
      const existing = store.commands.get(key(request)) ?? [];
      if (!existing.some((command) => command.id === request.params.commandId)) {
        return discordError(404, 10063, 'Unknown application command');
      }
      store.commands.set(
        key(request),
        existing.filter((command) => command.id !== request.params.commandId),
      );
      return noContent();
    }),
  ];
}
