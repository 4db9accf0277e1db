// `/peer` as a custom slash command in every team the bot is in: found by its trigger word and
// URL (GET /commands?team_id=), or made (POST /commands). Each command's token is what the
// callback must carry; the tokens are kept so every request is checked. Making commands needs
// the bot to be allowed to manage slash commands; where it is not, a command made by hand and
// its token in MATTERMOST_COMMAND_TOKEN do the same (docs/platforms/mattermost.md).
import { z } from 'zod';
import { errorFields, type Logger } from '../../chat/index.ts';
import type { MattermostRest } from './mattermost-rest.ts';

const commandSchema = z.object({
  trigger: z.string(),
  url: z.string().default(''),
  token: z.string().default(''),
});
const teamsSchema = z.array(z.object({ id: z.string(), name: z.string().default('') }));

export interface CommandRegistration {
  readonly trigger: string;
  readonly url: string;
  readonly description: string;
}

/** Registers `/peer` where it is missing; answers the tokens of the commands it found or made. */
export async function registerCommands(
  rest: MattermostRest,
  command: CommandRegistration,
  logger: Logger,
): Promise<string[]> {
  const tokens: string[] = [];
  const teams = teamsSchema.parse(await rest.getMyTeams());
  for (const team of teams) {
    try {
      const existing = z
        .array(commandSchema)
        .parse(await rest.getCommandsList(team.id))
        .find((c) => c.trigger === command.trigger && c.url === command.url);
      const made =
        existing ??
        commandSchema.parse(
          await rest.addCommand({
            team_id: team.id,
            trigger: command.trigger,
            url: command.url,
            method: 'P',
            display_name: 'PeerBridge',
            description: command.description.slice(0, 128),
            auto_complete: true,
            auto_complete_desc: command.description.slice(0, 128),
            auto_complete_hint: '[help]',
          } as never),
        );
      if (made.token) tokens.push(made.token);
      logger.info(
        { event: 'mattermost.command.ready', teamId: team.id, made: existing === undefined },
        `/${command.trigger} is ready in team ${team.name || team.id}`,
      );
    } catch (error) {
      logger.warn(
        { event: 'mattermost.command.not-registered', teamId: team.id, err: errorFields(error) },
        `could not register /${command.trigger} in a team; a command made by hand (MATTERMOST_COMMAND_TOKEN) still works`,
      );
    }
  }
  return tokens;
}
