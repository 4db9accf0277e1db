// The team set-up commands: `/peer setup`, `/peer team ...`, `/peer timezone`,
// `/peer quiet-hours`. (`/peer privacy` lives in features/privacy.)
import { defineCommand, defineGroup } from '../../chat/command-table.ts';
import type { PrismaClient } from '../../db/index.ts';
import { formatQuietHours, parseQuietHours } from '../../scheduling/quiet-hours.ts';
import { timeZoneProblem } from '../../scheduling/recurrence.ts';
import { parseMention } from './members.ts';
import {
  assignSupervisor,
  changeRole,
  setQuietHours,
  setTimeZone,
  setUpTeam,
  type TeamDefaults,
  teamOverview,
} from './service.ts';
import {
  quietHoursSetView,
  refusalView,
  roleChangedView,
  supervisorAssignedView,
  teamOverviewView,
  teamSetUpView,
  timeZoneSetView,
} from './views.ts';

const checkZone = (value: string): string | undefined => timeZoneProblem(value) ?? undefined;
const checkRegion = (value: string): string | undefined =>
  /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(value)
    ? undefined
    : `'${value}' is not a region code. Use one like US, GB or US-TX.`;
const checkMention = (value: string): string | undefined =>
  parseMention(value) ? undefined : `I couldn't tell who '${value}' is. Please mention them, like @alex.`;
const checkQuiet = (value: string): string | undefined => {
  if (value.trim().toLowerCase() === 'off') return undefined;
  const parsed = parseQuietHours(value);
  return parsed.ok ? undefined : parsed.reason;
};

export const teamGroup = defineGroup({
  name: 'team',
  description: 'See or change who is on this team',
  help: 'Shows the team, and lets admins give roles and pair members with supervisors.',
});

export interface TeamsDeps {
  readonly prisma: PrismaClient;
  readonly defaults: TeamDefaults;
}

export function teamCommands({ prisma, defaults }: TeamsDeps) {
  const setup = defineCommand({
    name: 'setup',
    description: 'Make this channel a peer team (or change its time zone and region)',
    help: 'Run it in the channel your team uses. The first person to run it becomes the team admin. Later, only admins can change the time zone, crisis region or name.',
    who: 'everyone',
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
      name: { type: 'string', description: 'A name for the team', maxLength: 80, rest: true },
    },
    handler: async ({ actor, place, reply, options }) => {
      if (!place.channelId)
        return reply.privately(refusalView('Please run `/peer setup` in the channel your team uses.'));
      const outcome = await setUpTeam(
        prisma,
        actor,
        {
          channelId: place.channelId,
          ...(options.name ? { name: options.name } : {}),
          ...(options.timezone ? { timeZone: options.timezone } : {}),
          ...(options.region ? { crisisRegion: options.region.toUpperCase() } : {}),
        },
        defaults,
      );
      if (!outcome.ok) return reply.privately(refusalView(outcome.reason));
      const shown = teamSetUpView(outcome.value.team, outcome.value.created);
      if (outcome.value.created) await reply.publicly(shown);
      else await reply.privately(shown);
    },
  });

  const show = defineCommand({
    name: 'show',
    group: 'team',
    description: 'See who is on this team and who supervises whom',
    help: 'Lists the people on this team with their roles and supervisors. Only you see the answer.',
    who: 'everyone',
    where: 'channel',
    handler: async ({ actor, place, reply }) => {
      const outcome = await teamOverview(prisma, actor, place.channelId);
      await reply.privately(outcome.ok ? teamOverviewView(outcome.value) : refusalView(outcome.reason));
    },
  });

  const role = defineCommand({
    name: 'role',
    group: 'team',
    description: 'Give someone a role in this team, or take it back (admins)',
    help: 'Roles are member, supervisor and admin. Add `remove:yes` to take a role back.',
    who: 'admin',
    where: 'channel',
    options: {
      user: { type: 'string', description: 'The person, as a mention', required: true, check: checkMention },
      role: {
        type: 'choice',
        description: 'The role',
        choices: ['member', 'supervisor', 'admin'],
        required: true,
      },
      remove: { type: 'boolean', description: 'Take the role away instead' },
    },
    handler: async ({ actor, place, reply, options }) => {
      const outcome = await changeRole(prisma, actor, place.channelId, {
        targetUserId: parseMention(options.user) ?? options.user,
        role: options.role,
        remove: options.remove ?? false,
      });
      if (!outcome.ok) return reply.privately(refusalView(outcome.reason));
      await reply.privately(
        roleChangedView(
          outcome.value.target.displayName,
          options.role,
          options.remove ?? false,
          outcome.value.changed,
          outcome.value.endedAssignments,
        ),
      );
    },
  });

  const supervisor = defineCommand({
    name: 'supervisor',
    group: 'team',
    description: 'Pair a member with a primary or backup supervisor (admins)',
    help: 'Private flags from the member go to the primary supervisor first, and to the backup when nobody has answered in time.',
    who: 'admin',
    where: 'channel',
    options: {
      member: {
        type: 'string',
        description: 'The member, as a mention',
        required: true,
        check: checkMention,
      },
      supervisor: {
        type: 'string',
        description: 'Their supervisor, as a mention',
        required: true,
        check: checkMention,
      },
      kind: { type: 'choice', description: 'Primary or backup', choices: ['primary', 'backup'] },
    },
    handler: async ({ actor, place, reply, options }) => {
      const kind = options.kind ?? 'primary';
      const outcome = await assignSupervisor(prisma, actor, place.channelId, {
        superviseeUserId: parseMention(options.member) ?? options.member,
        supervisorUserId: parseMention(options.supervisor) ?? options.supervisor,
        kind,
      });
      if (!outcome.ok) return reply.privately(refusalView(outcome.reason));
      await reply.privately(
        supervisorAssignedView(
          outcome.value.supervisee.displayName,
          outcome.value.supervisor.displayName,
          kind,
        ),
      );
    },
  });

  const timezone = defineCommand({
    name: 'timezone',
    description: 'Set your own time zone',
    help: 'Reminders and quiet hours follow your own time zone, like Europe/Berlin or America/Chicago.',
    who: 'everyone',
    where: 'anywhere',
    options: {
      zone: {
        type: 'string',
        description: 'Your time zone, like Europe/Berlin',
        required: true,
        check: checkZone,
      },
    },
    handler: async ({ actor, reply, options }) => {
      await setTimeZone(prisma, actor, options.zone);
      await reply.privately(timeZoneSetView(options.zone));
    },
  });

  const quietHours = defineCommand({
    name: 'quiet-hours',
    description: 'Set hours when I hold non-urgent messages, like 21:00-07:00',
    help: 'During your quiet hours I hold anything that is not urgent until they end, in your own time zone. Use `off` to turn them off.',
    who: 'everyone',
    where: 'anywhere',
    options: {
      hours: { type: 'string', description: 'Like 21:00-07:00, or off', required: true, check: checkQuiet },
    },
    handler: async ({ actor, reply, options }) => {
      const off = options.hours.trim().toLowerCase() === 'off';
      const parsed = off ? undefined : parseQuietHours(options.hours);
      const quiet = parsed?.ok ? parsed.value : null;
      await setQuietHours(prisma, actor, quiet);
      await reply.privately(quietHoursSetView(quiet ? formatQuietHours(quiet) : null));
    },
  });

  return [setup, show, role, supervisor, timezone, quietHours];
}
