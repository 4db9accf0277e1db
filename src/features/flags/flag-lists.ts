// `/peer flags`: a supervisor's open flags of their own supervisees (no note in the list), a
// member's own flags with who has seen each, and an admin's anonymous team figures.
import type { Access } from '../../access/index.ts';
import type { Actor, Block, View } from '../../chat/index.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import { MIN_GROUP, type TeamFigures, teamFigures } from './figures.ts';
import { levelLabel, wishLabel } from './levels.ts';
import { accessTo } from './routing.ts';
import { ageOf, clockTime } from './time-words.ts';

type FlagWithPeople = Db.TriggerFlag & {
  author: Db.Member;
  team: Db.Team;
  acknowledgements: (Db.FlagAcknowledgement & { supervisor: Db.Member })[];
};

const SHOWN = 5;

const statusWords = (flag: Db.TriggerFlag) =>
  flag.closedAt
    ? 'closed'
    : flag.acknowledgedAt
      ? 'seen'
      : flag.step >= 1 && flag.escalatedAt
        ? 'waiting, passed on'
        : 'waiting';

export async function supervisedFlags(prisma: PrismaClient, viewer: Db.Member): Promise<FlagWithPeople[]> {
  const candidates = await prisma.triggerFlag.findMany({
    where: { sentToIds: { has: viewer.id }, closedAt: null },
    include: { author: true, team: true, acknowledgements: { include: { supervisor: true } } },
    orderBy: { createdAt: 'desc' },
    take: 50,
  });
  const mine: FlagWithPeople[] = [];
  for (const flag of candidates)
    if ((await accessTo(prisma, flag, viewer.id)) === 'supervisor') mine.push(flag);
  return mine;
}

export async function ownFlags(prisma: PrismaClient, author: Db.Member): Promise<FlagWithPeople[]> {
  return prisma.triggerFlag.findMany({
    where: { authorId: author.id },
    include: { author: true, team: true, acknowledgements: { include: { supervisor: true } } },
    orderBy: { createdAt: 'desc' },
    take: 10,
  });
}

/** Figures for each of the viewer's teams where the access policy allows them (`flag.figures`). */
export async function adminFigures(
  prisma: PrismaClient,
  access: Access,
  actor: Actor,
  viewer: Db.Member,
): Promise<TeamFigures[]> {
  const teams = await prisma.teamRole.findMany({
    where: { memberId: viewer.id },
    select: { teamId: true },
    distinct: ['teamId'],
  });
  const figures: TeamFigures[] = [];
  for (const { teamId } of teams)
    if ((await access.check(actor, 'flag.figures', { teamId })).ok)
      figures.push(await teamFigures(prisma, teamId));
  return figures;
}

function supervisorBlocks(flags: readonly FlagWithPeople[], now: Date): Block[] {
  if (flags.length === 0) return [];
  const blocks: Block[] = [{ type: 'header', text: 'Open flags from people you supervise' }];
  for (const flag of flags.slice(0, SHOWN)) {
    blocks.push({
      type: 'text',
      text: `**${flag.author.displayName}** · ${ageOf(flag.createdAt, now)} · ${levelLabel(flag.severity)} · wants: ${wishLabel(flag.wish)} · ${statusWords(flag)}`,
    });
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', actionId: 'flags:open', label: 'Open', value: flag.id },
        ...(flag.acknowledgedAt
          ? []
          : [
              {
                type: 'button' as const,
                actionId: 'flags:reach-out',
                label: "I'll reach out",
                value: flag.id,
                style: 'primary' as const,
              },
            ]),
        { type: 'button', actionId: 'flags:close', label: 'Close with a note', value: flag.id },
      ],
    });
  }
  if (flags.length > SHOWN)
    blocks.push({
      type: 'context',
      text: `${flags.length - SHOWN} more; answer these first and they will show.`,
    });
  return blocks;
}

function ownBlocks(flags: readonly FlagWithPeople[], now: Date): Block[] {
  if (flags.length === 0) return [];
  const lines = flags.map((flag) => {
    const seen = flag.acknowledgements
      .map(
        (a) =>
          `${a.supervisor.displayName} (${clockTime(a.acknowledgedAt, flag.author.timeZone ?? flag.team.timeZone)})`,
      )
      .join(', ');
    return `• ${ageOf(flag.createdAt, now)} · ${levelLabel(flag.severity)} · ${seen ? `seen by ${seen}` : 'not seen yet'}${flag.closedAt ? ' · closed' : ''}`;
  });
  return [
    { type: 'header', text: 'Your flags' },
    { type: 'text', text: lines.join('\n') },
  ];
}

function figureBlocks(figures: readonly TeamFigures[]): Block[] {
  if (figures.length === 0) return [];
  const lines = figures.map((f) =>
    f.medianMinutesToAcknowledge === undefined
      ? `• ${f.teamName}: not enough flags yet to show figures without pointing at anyone (needs flags from at least ${MIN_GROUP} people).`
      : `• ${f.teamName}: ${f.flags} flags, ${f.acknowledged} acknowledged; median time to acknowledge ${f.medianMinutesToAcknowledge} min.`,
  );
  return [
    { type: 'header', text: 'Team figures (anonymous)' },
    { type: 'text', text: lines.join('\n') },
    { type: 'context', text: 'Admins see only these figures, never who flagged or what they wrote.' },
  ];
}

export function flagsView(input: {
  supervised: readonly FlagWithPeople[];
  own: readonly FlagWithPeople[];
  figures: readonly TeamFigures[];
  now: Date;
}): View {
  const blocks = [
    ...supervisorBlocks(input.supervised, input.now),
    ...ownBlocks(input.own, input.now),
    ...figureBlocks(input.figures),
  ];
  if (blocks.length === 0) {
    blocks.push({
      type: 'text',
      text: 'No flags here. If a session weighs on you, `/peer flag` tells your supervisor privately.',
    });
  }
  blocks.push({ type: 'context', text: 'Only you see this list.' });
  return { text: 'Flags', blocks };
}
