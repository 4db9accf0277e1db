// `/peer flags`: a supervisor's open flags of their own supervisees (no note in the list), a
// member's own flags with who has seen each, and an admin's anonymous team figures.
import type { Access } from '../../access/index.ts';
import type { Actor, Block, View } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { MIN_GROUP, type TeamFigures, teamFigures } from './figures.ts';
import { joined } from './flag-views.ts';
import { levelLabel, wishLabel } from './levels.ts';
import { accessTo } from './routing.ts';
import { ageOf, clockWords } from './time-words.ts';

type FlagWithPeople = Db.TriggerFlag & {
  author: Db.Member;
  team: Db.Team;
  acknowledgements: (Db.FlagAcknowledgement & { supervisor: Db.Member })[];
  reads: (Db.FlagRead & { reader: Db.Member })[];
};

const withPeople = {
  author: true,
  team: true,
  acknowledgements: { include: { supervisor: true } },
  reads: { include: { reader: true } },
} as const;

const SHOWN = 5;

const statusWords = (flag: Db.TriggerFlag, t: Translate): MarkupText =>
  flag.closedAt
    ? t('flags.list.status.closed')
    : flag.acknowledgedAt
      ? t('flags.list.status.seen')
      : flag.step >= 1 && flag.escalatedAt
        ? t('flags.list.status.passedOn')
        : t('flags.list.status.waiting');

const lines = (pieces: readonly MarkupText[]): MarkupText => joined(pieces, markup`\n`);

export async function supervisedFlags(prisma: PrismaClient, viewer: Db.Member): Promise<FlagWithPeople[]> {
  const candidates = await prisma.triggerFlag.findMany({
    where: { sentToIds: { has: viewer.id }, closedAt: null },
    include: withPeople,
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
    include: withPeople,
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

function supervisorBlocks(flags: readonly FlagWithPeople[], now: Date, t: Translate): Block[] {
  if (flags.length === 0) return [];
  const blocks: Block[] = [{ type: 'header', text: t('flags.list.supervisedHeader') }];
  for (const flag of flags.slice(0, SHOWN)) {
    blocks.push({
      type: 'text',
      text: t('flags.list.row', {
        name: literal(flag.author.displayName),
        age: ageOf(flag.createdAt, now, t),
        level: levelLabel(flag.severity, t),
        wish: wishLabel(flag.wish, t),
        status: statusWords(flag, t),
      }),
    });
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', actionId: 'flags:open', label: t('flags.list.open'), value: flag.id },
        ...(flag.acknowledgedAt
          ? []
          : [
              {
                type: 'button' as const,
                actionId: 'flags:reach-out',
                label: t('flags.list.reachOut'),
                value: flag.id,
                style: 'primary' as const,
              },
            ]),
        { type: 'button', actionId: 'flags:close', label: t('flags.list.closeWithNote'), value: flag.id },
      ],
    });
  }
  if (flags.length > SHOWN)
    blocks.push({ type: 'context', text: t('flags.list.more', { count: flags.length - SHOWN }) });
  return blocks;
}

/** Who has seen a flag, each with the first time: answering it or opening it both count. */
function seenBy(flag: FlagWithPeople, t: Translate): MarkupText | undefined {
  const first = new Map<string, { name: string; at: Date }>();
  const saw = (person: Db.Member, at: Date) => {
    const known = first.get(person.id);
    if (!known || at < known.at) first.set(person.id, { name: person.displayName, at });
  };
  for (const a of flag.acknowledgements) saw(a.supervisor, a.acknowledgedAt);
  for (const r of flag.reads) saw(r.reader, r.firstReadAt);
  if (first.size === 0) return undefined;
  const zone = flag.author.timeZone ?? flag.team.timeZone;
  const entries = [...first.values()]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((s) => t('flags.list.seenEntry', { name: literal(s.name), when: clockWords(s.at, zone, t) }));
  return joined(entries, markup`, `);
}

function ownBlocks(flags: readonly FlagWithPeople[], now: Date, t: Translate): Block[] {
  if (flags.length === 0) return [];
  const rows = flags.map((flag) => {
    const names = seenBy(flag, t);
    const values = {
      age: ageOf(flag.createdAt, now, t),
      level: levelLabel(flag.severity, t),
      seen: names ? t('flags.list.seenBy', { names }) : t('flags.list.notSeen'),
    };
    return flag.closedAt ? t('flags.list.ownRowClosed', values) : t('flags.list.ownRow', values);
  });
  return [
    { type: 'header', text: t('flags.list.ownHeader') },
    { type: 'text', text: lines(rows) },
  ];
}

function figureBlocks(figures: readonly TeamFigures[], t: Translate): Block[] {
  if (figures.length === 0) return [];
  const rows = figures.map((f) =>
    f.medianMinutesToAcknowledge === undefined
      ? t('flags.list.figuresTooFew', { team: literal(f.teamName), min: MIN_GROUP })
      : t('flags.list.figuresRow', {
          team: literal(f.teamName),
          flags: f.flags,
          acknowledged: f.acknowledged,
          minutes: f.medianMinutesToAcknowledge,
        }),
  );
  return [
    { type: 'header', text: t('flags.list.figuresHeader') },
    { type: 'text', text: lines(rows) },
    { type: 'context', text: t('flags.list.figuresNote') },
  ];
}

export function flagsView(input: {
  supervised: readonly FlagWithPeople[];
  own: readonly FlagWithPeople[];
  figures: readonly TeamFigures[];
  now: Date;
  t: Translate;
}): View {
  const { t } = input;
  const blocks = [
    ...supervisorBlocks(input.supervised, input.now, t),
    ...ownBlocks(input.own, input.now, t),
    ...figureBlocks(input.figures, t),
  ];
  if (blocks.length === 0) blocks.push({ type: 'text', text: t('flags.list.empty') });
  blocks.push({ type: 'context', text: t('flags.list.onlyYou') });
  return { text: t('flags.list.summary'), blocks };
}
