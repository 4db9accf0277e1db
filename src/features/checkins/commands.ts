// `/peer checkin …`: set-up and rounds for admins and supervisors; a member's own controls
// for everyone. Every refusal is private and names what to do instead.
import {
  type Actor,
  type CommandContext,
  type CommandHandler,
  defineCommand,
  defineGroup,
  literal,
  type MarkupText,
  type Reply,
} from '../../chat/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { translatorForActor, translatorForMember } from '../teams/index.ts';
import {
  type CheckinsDeps,
  ensureMember,
  HOUR,
  mayManage,
  notATeam,
  notLead,
  teamOfChannel,
  zoneOf,
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

/**
 * The team of the channel, with the actor's member row, whether they lead it, and their
 * translator (their language, the team's when they have none).
 */
async function where(deps: CheckinsDeps, actor: Actor, channelId: string | undefined, reply: Reply) {
  const team = await teamOfChannel(deps.prisma, actor, channelId);
  if (!team) {
    const t = await translatorForActor(deps.prisma, actor, { channelId });
    await reply.privately(textView(notATeam(t)));
    return undefined;
  }
  const member = await ensureMember(deps.prisma, actor);
  const t = translatorForMember(member, team, actor.locale);
  return { team, member, t, lead: await mayManage(deps, actor, team.id) };
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
    if (who === 'leadsOnly' && !at.lead) return context.reply.privately(textView(notLead(at.t)));
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
      await reply.openForm({ ...setupForm(at.team.timeZone, undefined, at.t), context: `new:${at.team.id}` });
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
        return reply.privately(alreadyOpenView(opened.already.closesAt, zoneOf(at.member, at.team), at.t));
      deps.notifyOutbox();
      await reply.privately(textView(at.t('checkins.commands.opened', { count: opened.invitedNow })));
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
      if (open.length === 0) return reply.privately(textView(at.t('checkins.commands.nothingToClose')));
      const now = deps.clock.now();
      let closed = 0;
      for (const round of open) {
        if (await deps.prisma.$transaction((tx) => closeRound(tx, deps.cipher, round.id, now, 'command')))
          closed++;
      }
      deps.notifyOutbox();
      await reply.privately(textView(at.t('checkins.commands.closed', { count: closed })));
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
      await reply.privately(definitionsView(await listDefinitions(deps.prisma, at.team.id), at.lead, at.t));
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
      await reply.privately(rosterView(at.team.name, await rosterOf(deps.prisma, at.team.id), at.t));
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
      await reply.privately(await trendView(deps.prisma, at.team.id, at.team.name, deps.clock.now(), at.t));
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
      await reply.privately(textView(at.t('checkins.commands.minGroup', { size: options.size })));
    }),
  });
  return [list, roster, trend, minGroup];
}

function ownCommands(deps: CheckinsDeps) {
  /** A member's own language, wherever they type: their choice, their platform, their team's. */
  const tOf = (actor: Actor, channelId: string | undefined) =>
    translatorForActor(deps.prisma, actor, { channelId });
  const own = (
    name: string,
    description: string,
    help: string,
    run: (actor: Actor, t: Translate) => Promise<MarkupText>,
  ) =>
    defineCommand({
      name,
      group: 'checkin',
      description,
      help,
      who: 'everyone',
      verb: 'checkin.self',
      where: 'anywhere',
      handler: async ({ actor, place, reply }) =>
        reply.privately(textView(await run(actor, await tOf(actor, place.channelId)))),
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
    handler: async ({ actor, place, reply, options }) => {
      const member = await ensureMember(deps.prisma, actor);
      const t = await tOf(actor, place.channelId);
      const until = endOfLocalDay(options.until, member.timeZone ?? 'UTC');
      if (until <= deps.clock.now()) return reply.privately(textView(t('checkins.commands.pastDate')));
      if (until.getTime() - deps.clock.now().getTime() > 366 * 24 * HOUR)
        return reply.privately(textView(t('checkins.commands.withinYear')));
      await setPreference(deps.prisma, member.id, { pausedUntil: until });
      await reply.privately(
        textView(t('checkins.commands.paused', { until: literal(options.until.trim()) })),
      );
    },
  });
  const resume = own(
    'resume',
    'Come back to check-ins before your pause ends',
    'Ends a pause at once.',
    async (actor, t) => {
      const member = await ensureMember(deps.prisma, actor);
      await setPreference(deps.prisma, member.id, { pausedUntil: null });
      return t('checkins.commands.resumed');
    },
  );
  const optout = own(
    'optout',
    'Stop getting check-ins',
    'You can come back any time with `/peer checkin optin`.',
    async (actor, t) => {
      await setOptOut(deps.prisma, await ensureMember(deps.prisma, actor), true);
      return t('checkins.commands.optedOut');
    },
  );
  const optin = own('optin', 'Get check-ins again', 'Undoes `/peer checkin optout`.', async (actor, t) => {
    await setOptOut(deps.prisma, await ensureMember(deps.prisma, actor), false);
    return t('checkins.commands.optedIn');
  });
  const historyCommand = defineCommand({
    name: 'history',
    group: 'checkin',
    description: 'See your own answers over time (only you)',
    help: 'Your recent answers and a sparkline of your mood. Nobody else can see it.',
    who: 'everyone',
    verb: 'checkin.self',
    where: 'anywhere',
    handler: async ({ actor, place, reply }) => {
      const member = await ensureMember(deps.prisma, actor);
      const t = await tOf(actor, place.channelId);
      await reply.privately(
        await historyView(deps.prisma, deps.cipher, member.id, member.timeZone ?? 'UTC', t),
      );
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
    handler: async ({ actor, place, reply, options }) => {
      const member = await ensureMember(deps.prisma, actor);
      const t = await tOf(actor, place.channelId);
      await setPreference(deps.prisma, member.id, { buddy: options.state === 'on' });
      await reply.privately(
        textView(options.state === 'on' ? t('checkins.commands.buddyOn') : t('checkins.commands.buddyOff')),
      );
    },
  });
  return [pause, resume, optout, optin, buddy, historyCommand];
}

export function checkinCommands(deps: CheckinsDeps) {
  return [...teamCommands(deps), ...viewCommands(deps), ...ownCommands(deps)];
}
