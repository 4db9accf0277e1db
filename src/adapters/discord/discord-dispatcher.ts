// discord.js sends with undici 6; Slack's Socket Mode brings undici 7. Every copy of undici
// shares one process-wide dispatcher (a global symbol), made by whichever copy loads first:
// with Slack loaded first (app.ts loads the Slack adapter before Discord's), discord.js's
// requests went through undici 7, which refuses the FormData discord.js builds for a file, so
// every file sent on Discord (a calendar, an export) failed. Discord's REST gets a dispatcher of
// its own undici instead (package.json pins the one discord.js uses).
import { Agent } from 'undici';

let agent: Agent | undefined;

/** One connection pool for all of Discord's REST in this process. */
export function discordDispatcher(): Agent {
  agent ??= new Agent();
  return agent;
}
