export { interactionToken, snowflake } from './discord-ids.ts';
export type {
  ComponentInteractionOptions,
  InteractionPlace,
  ModalFieldValue,
  ModalSubmitInteractionOptions,
  OptionValue,
  SelectInteractionOptions,
  SlashCommandInteractionOptions,
} from './discord-interactions.ts';
export type { InteractionReply, TrackedInteraction } from './discord-rest-store.ts';
export type { DiscordWorld, GuildSeed, MemberSeed, WorldGuild, WorldUser } from './discord-world.ts';
export {
  DEFAULT_DISCORD_TOKEN,
  FakeDiscord,
  type FakeDiscordOptions,
  type SentInteraction,
} from './fake-discord.ts';
export type { GatewayEvent, GatewayEventKind, IdentifyPayload } from './fake-discord-gateway.ts';
export type {
  DiscordFailurePolicy,
  DiscordRestCall,
  DiscordRestCallKey,
  DiscordRestFailure,
} from './fake-discord-rest.ts';
