// `/peer setup`: make this channel a team, or (admins) change its time zone, region or name.
import { defineCommand } from '../../../chat/command-table.ts';
import { channelLanguage, translatorOf } from '../../../i18n/index.ts';
import { checkRegion, checkZone } from '../checks.ts';
import type { BoundTeamsDeps } from '../deps.ts';
import { translatorForActor } from '../language.ts';
import { setUpTeam } from '../team-setup.ts';
import { refusalView, teamSetUpView } from '../views.ts';

export function setupCommand({ prisma, access, defaults }: BoundTeamsDeps) {
  return defineCommand({
    name: 'setup',
    description: 'Make this channel a peer team (or change its time zone, region or language)',
    help: 'Run it in the channel your team uses. The first person to run it becomes the team admin. Later, only admins can change the time zone, crisis region, language or name.',
    who: 'everyone',
    verb: 'team.setup',
    where: 'channel',
    options: {
      timezone: {
        type: 'string',
        description: 'The team time zone, like America/New_York',
        check: checkZone,
      },
      region: {
        type: 'string',
        description: 'Where crisis lines should come from, like US or GB',
        check: checkRegion,
      },
      language: {
        type: 'choice',
        description: 'The team language for channel posts: en or es',
        choices: ['en', 'es'],
      },
      name: { type: 'string', description: 'A name for the team', maxLength: 80, rest: true },
    },
    handler: async ({ actor, place, reply, options }) => {
      const mine = await translatorForActor(prisma, actor, { channelId: place.channelId });
      if (!place.channelId) return reply.privately(refusalView(mine('teams.setUp.runHere')));
      const outcome = await setUpTeam(
        prisma,
        access,
        actor,
        {
          channelId: place.channelId,
          // A team made without a name is named in the words of the person who made it.
          defaultName: mine('teams.setUp.defaultName'),
          ...(options.name ? { name: options.name } : {}),
          ...(options.timezone ? { timeZone: options.timezone } : {}),
          ...(options.region ? { crisisRegion: options.region.toUpperCase() } : {}),
          ...(options.language ? { language: options.language } : {}),
        },
        defaults,
      );
      if (!outcome.ok) return reply.privately(refusalView(outcome.reason(mine)));
      // A new team's set-up is posted in its channel, in the team's language; a change is told
      // privately to the admin who made it, in their own.
      const t = outcome.value.created
        ? translatorOf(channelLanguage(outcome.value.team.language))
        : await translatorForActor(prisma, actor, { teamId: outcome.value.team.id });
      const set = teamSetUpView(outcome.value.team, outcome.value.created, t);
      const teamLanguage = channelLanguage(outcome.value.team.language).language;
      const name = t(teamLanguage === 'es' ? 'language.names.es' : 'language.names.en');
      const shown = options.language
        ? {
            ...set,
            blocks: [
              ...set.blocks,
              { type: 'text' as const, text: t('language.teamSet', { language: name }) },
            ],
          }
        : set;
      if (outcome.value.created) await reply.publicly(shown);
      else await reply.privately(shown);
    },
  });
}
