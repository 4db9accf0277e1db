// `/peer checkin …`: set-up and rounds for admins and supervisors; a member's own controls
// for everyone. Every refusal is private and names what to do instead.
import {
  type Actor,
  type CommandContext,
  type CommandHandler,
  defineCommand,
  defineGroup,
  type Reply,
} from '../../chat/index.ts';
import {
  type CheckinsDeps,
  ensureMember,
  HOUR,
  mayManage,
  notATeam,
  notLead,
  teamOfChannel,
} from './context.ts';
import { definitionForNow, listDefinitions } from './definitions.ts';
import { closeRound, MIN_GROUP_FLOOR } from './digest.ts';
import { historyView, trendView } from './insights.ts';
import { definitionsView, rosterView } from './list-views.ts';
import { endOfLocalDay, pauseDateProblem, setOptOut, setPreference } from './member-controls.ts';
import { refreshRoster, refreshRosterQuietly, rosterOf } from './roster.ts';
import { openRound } from './rounds.ts';
import { setupForm } from './setup-form.ts';
import { alreadyOpenView, textView } from './views.ts';

export const checkinGroup = defineGroup({
  name: 'checkin',
  description: 'Team check-ins: set up, answer, pause, history',
  help: 'Asynchronous support-circle check-ins: each of you answers in private, when it suits you, and chooses who sees each answer.',
});

/** The team of the channel, with the actor's member row and whether they lead it. */
async function where(deps: CheckinsDeps, actor: Actor, channelId: string | undefined, reply: Reply) {
  const team = await teamOfChannel(deps.prisma, actor, channelId);
  if (!team) {
    await reply.privately(textView(notATeam));
    return undefined;
  }
  const member = await ensureMember(deps.prisma, actor);
  return { team, member, lead: await mayManage(deps, actor, team.id) };
}

type At = NonNullable<Awaited<ReturnType<typeof where>>>;

/**
 * A channel command's handler that first finds the team and the caller (refusing outside a
 * team), and for `leadsOnly` refuses anyone but the team's admins and supervisors.
 */
function inTeam<Options>(
  deps: CheckinsDeps,
  who: 'leadsOnly' | 'anyone',
  run: (at: At, context: CommandContext<Options>) => Promise<unknown>,
): CommandHandler<Options> {
  return async (context) => {
    const at = await where(deps, context.actor, context.place.channelId, context.reply);
    if (!at) return;
    if (who === 'leadsOnly' && !at.lead) return context.reply.privately(textView(notLead));
    await run(at, context);
  };
}

function teamCommands(deps: CheckinsDeps) {
  const setup = defineCommand({
    name: 'setup',
    group: 'checkin',
    description: 'Set up a recurring check-in for this team (admins, supervisors)',
    help: 'Opens a form: name, questions, days and time, whose clock, how long a round stays open, and how the digest comes.',
    who: 'supervisor',
    verb: 'checkin.manage',
    where: 'channel',
    handler: inTeam(deps, 'leadsOnly', async (at, { reply }) => {
      // The roster is read now too, so the first round knows who is on the team.
      await refreshRoster(deps, at.team).catch(() => false);
      await reply.openForm({ ...setupForm(at.team.timeZone), context: `new:${at.team.id}` });
    }),
  });
  const now = defineCommand({
    name: 'now',
    group: 'checkin',
    description: 'Open a check-in round right now (admins, supervisors)',
    help: 'Opens a round of the first check-in (or the support circle if none is set up) and sends everyone a private prompt.',
    who: 'supervisor',
    verb: 'checkin.manage',
    where: 'channel',
    handler: inTeam(deps, 'leadsOnly', async (at, { reply, event }) => {
      // Who is in the channel now, not at the last read: people who just joined get a prompt.
      await refreshRosterQuietly(deps, at.team);
      const opensAt = deps.clock.now();
      const opened = await deps.prisma.$transaction(async (tx) => {
        // One open round a team at a time from here: the team row's lock makes two `now`s
        // typed at once see each other (a parallel round doubled every prompt and digest).
        await tx.$executeRaw`SELECT 1 FROM "Team" WHERE id = ${at.team.id} FOR UPDATE`;
        const already = await tx.checkinRound.findFirst({
          where: { teamId: at.team.id, status: 'open', closesAt: { gt: opensAt } },
          orderBy: { closesAt: 'desc' },
        });
        if (already) return { already };
        const template = await definitionForNow(tx, at.team.id);
        const closesAt = new Date(opensAt.getTime() + template.openHours * HOUR);
        const plan = { key: `now:${at.team.id}:${event.eventId}`, template, opensAt, closesAt };
        return openRound(tx, deps.cipher, at.team, plan, opensAt);
      });
      if ('already' in opened)
        return reply.privately(alreadyOpenView(opened.already.closesAt, at.team.timeZone));
      deps.notifyOutbox();
      await reply.privately(
        textView(
          `A round is open. I am sending ${opened.invitedNow === 1 ? 'one private prompt' : `${opened.invitedNow} private prompts`}; \`/peer checkin close\` closes it early.`,
        ),
      );
    }),
  });
  const close = defineCommand({
    name: 'close',
    group: 'checkin',
    description: 'Close the open check-in round now and post its digest (admins, supervisors)',
    help: 'Closes every open round of this team now; each posts its digest in the channel.',
    who: 'supervisor',
    verb: 'checkin.manage',
    where: 'channel',
    handler: inTeam(deps, 'leadsOnly', async (at, { reply }) => {
      const open = await deps.prisma.checkinRound.findMany({ where: { teamId: at.team.id, status: 'open' } });
      if (open.length === 0)
        return reply.privately(textView('There is no open round to close. `/peer checkin now` opens one.'));
      const now = deps.clock.now();
      let closed = 0;
      for (const round of open) {
        if (await deps.prisma.$transaction((tx) => closeRound(tx, deps.cipher, round.id, now, 'command')))
          closed++;
      }
      deps.notifyOutbox();
      await reply.privately(
        textView(
          `Closed ${closed === 1 ? 'the round' : `${closed} rounds`}; the digest is on its way to the channel.`,
        ),
      );
    }),
  });
  return [setup, now, close];
}

function viewCommands(deps: CheckinsDeps) {
  const list = defineCommand({
    name: 'list',
    group: 'checkin',
    description: "See this team's check-ins (admins and supervisors can edit, pause or delete)",
    help: 'Lists the check-ins of this team with their days and times.',
    who: 'everyone',
    verb: 'checkin.view',
    where: 'channel',
    handler: inTeam(deps, 'anyone', async (at, { reply }) => {
      await reply.privately(definitionsView(await listDefinitions(deps.prisma, at.team.id), at.lead));
    }),
  });
  const roster = defineCommand({
    name: 'roster',
    group: 'checkin',
    description: 'See who is on the check-in roster, with their roles',
    help: 'The people in this channel, as the platform lists them (bots left out), with their roles. Admins and supervisors read it again from the platform.',
    who: 'everyone',
    verb: 'checkin.view',
    where: 'channel',
    handler: inTeam(deps, 'anyone', async (at, { reply }) => {
      if (at.lead) await refreshRoster(deps, at.team).catch(() => false);
      await reply.privately(rosterView(at.team.name, await rosterOf(deps.prisma, at.team.id)));
    }),
  });
  const trend = defineCommand({
    name: 'trend',
    group: 'checkin',
    description: "See the team's weekly mood spread and participation (supervisors)",
    help: 'Counts only, by week; the mood spread shows only when enough people shared one.',
    who: 'supervisor',
    verb: 'checkin.trend',
    where: 'channel',
    handler: inTeam(deps, 'leadsOnly', async (at, { reply }) => {
      await reply.privately(await trendView(deps.prisma, at.team.id, at.team.name, deps.clock.now()));
    }),
  });
  const minGroup = defineCommand({
    name: 'min-group',
    group: 'checkin',
    description: 'Smallest group whose mood spread is shown (admins, supervisors; 3 or more)',
    help: 'Digests and trends show the mood spread only when at least this many people answered. It never goes below 3.',
    who: 'supervisor',
    verb: 'checkin.manage',
    where: 'channel',
    options: {
      size: { type: 'integer', description: 'At least 3', required: true, min: MIN_GROUP_FLOOR, max: 50 },
    },
    handler: inTeam(deps, 'leadsOnly', async (at, { reply, options }) => {
      await deps.prisma.checkinTeamSettings.upsert({
        where: { teamId: at.team.id },
        create: { teamId: at.team.id, minGroupSize: options.size },
        update: { minGroupSize: options.size },
      });
      await reply.privately(
        textView(`The mood spread now shows only when at least ${options.size} people answer.`),
      );
    }),
  });
  return [list, roster, trend, minGroup];
}

function ownCommands(deps: CheckinsDeps) {
  const own = (name: string, description: string, help: string, run: (actor: Actor) => Promise<string>) =>
    defineCommand({
      name,
      group: 'checkin',
      description,
      help,
      who: 'everyone',
      verb: 'checkin.self',
      where: 'anywhere',
      handler: async ({ actor, reply }) => reply.privately(textView(await run(actor))),
    });
  const pause = defineCommand({
    name: 'pause',
    group: 'checkin',
    description: 'Take a break from check-ins until a date (leave, vacation)',
    help: 'While you are away you get no prompts, and rounds count you as away, not missing.',
    who: 'everyone',
    verb: 'checkin.self',
    where: 'anywhere',
    options: {
      until: {
        type: 'string',
        description: 'The last day away, like 2026-12-24',
        required: true,
        check: pauseDateProblem,
      },
    },
    handler: async ({ actor, reply, options }) => {
      const member = await ensureMember(deps.prisma, actor);
      const until = endOfLocalDay(options.until, member.timeZone ?? 'UTC');
      if (until <= deps.clock.now())
        return reply.privately(textView('That date has already passed. Pick a day from today on.'));
      if (until.getTime() - deps.clock.now().getTime() > 366 * 24 * HOUR)
        return reply.privately(textView('Please pick a date within a year; you can pause again later.'));
      await setPreference(deps.prisma, member.id, { pausedUntil: until });
      await reply.privately(
        textView(
          `Enjoy the break. No check-ins reach you until after ${options.until}; \`/peer checkin resume\` brings them back sooner.`,
        ),
      );
    },
  });
  const resume = own(
    'resume',
    'Come back to check-ins before your pause ends',
    'Ends a pause at once.',
    async (actor) => {
      const member = await ensureMember(deps.prisma, actor);
      await setPreference(deps.prisma, member.id, { pausedUntil: null });
      return 'Welcome back. The next check-in will reach you as usual.';
    },
  );
  const optout = own(
    'optout',
    'Stop getting check-ins',
    'You can come back any time with `/peer checkin optin`.',
    async (actor) => {
      await setOptOut(deps.prisma, await ensureMember(deps.prisma, actor), true);
      return 'Done: no more check-in prompts for you. `/peer checkin optin` brings them back whenever you like.';
    },
  );
  const optin = own('optin', 'Get check-ins again', 'Undoes `/peer checkin optout`.', async (actor) => {
    await setOptOut(deps.prisma, await ensureMember(deps.prisma, actor), false);
    return 'You are back in. The next check-in will reach you.';
  });
  const historyCommand = defineCommand({
    name: 'history',
    group: 'checkin',
    description: 'See your own answers over time (only you)',
    help: 'Your recent answers and a sparkline of your mood. Nobody else can see it.',
    who: 'everyone',
    verb: 'checkin.self',
    where: 'anywhere',
    handler: async ({ actor, reply }) => {
      const member = await ensureMember(deps.prisma, actor);
      await reply.privately(await historyView(deps.prisma, deps.cipher, member.id, member.timeZone ?? 'UTC'));
    },
  });
  const buddy = defineCommand({
    name: 'buddy',
    group: 'checkin',
    description: 'Offer to be a support buddy when a teammate asks for a peer (on or off)',
    help: 'When someone answers "yes" to "would you like a peer to reach out?", a support buddy is asked, in turn. Never while you are paused or in your quiet hours.',
    who: 'everyone',
    verb: 'checkin.self',
    where: 'anywhere',
    options: { state: { type: 'choice', description: 'on or off', required: true, choices: ['on', 'off'] } },
    handler: async ({ actor, reply, options }) => {
      const member = await ensureMember(deps.prisma, actor);
      await setPreference(deps.prisma, member.id, { buddy: options.state === 'on' });
      await reply.privately(
        textView(
          options.state === 'on'
            ? 'Thank you. You are a support buddy now; I will ask you, in turn, when a teammate would like a peer to reach out.'
            : 'You are no longer a support buddy. Thank you for the care you gave.',
        ),
      );
    },
  });
  return [pause, resume, optout, optin, buddy, historyCommand];
}

export function checkinCommands(deps: CheckinsDeps) {
  return [...teamCommands(deps), ...viewCommands(deps), ...ownCommands(deps)];
}
