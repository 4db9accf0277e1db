// "It was heavy" on a self-care prompt: the answer is never stored, and the reply offers both
// the private flag and the crisis lines for the presser's team region, so help is one step away.
import type { Block, Platform, View } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { PrismaClient } from '../../db/index.ts';
import { english, type Language, type Translate } from '../../i18n/index.ts';
import type { CrisisLine, CrisisLinesPort } from '../ports.ts';

/** The crisis lines for the presser's first team's region (else the install's default region). */
export async function crisisLinesFor(
  deps: {
    readonly prisma: PrismaClient;
    readonly crisisLines?: CrisisLinesPort;
    readonly defaultCrisisRegion?: string;
  },
  platform: Platform,
  workspaceId: string,
  userId: string,
  language?: Language,
): Promise<readonly CrisisLine[]> {
  if (!deps.crisisLines) return [];
  const role = await deps.prisma.teamRole.findFirst({
    where: { member: { platformUserId: userId, workspace: { platform, externalId: workspaceId } } },
    include: { team: { select: { crisisRegion: true, workspaceId: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const region = role?.team.crisisRegion ?? deps.defaultCrisisRegion ?? 'US';
  return deps.crisisLines.forRegion(region, role?.team.workspaceId, language);
}

/** One crisis line as a bullet: its fields come from the resources database, shown as written. */
function bullet(line: CrisisLine): MarkupText {
  const contacts = line.contacts.map((c) => `${c.kind}: ${c.value}`).join(' · ');
  const reach = contacts ? markup` (${literal(contacts)})` : markup``;
  const hours = line.hours ? markup`, ${literal(line.hours)}` : markup``;
  return markup`• **${literal(line.title)}**${reach}${hours}`;
}

export function heavyView(lines: readonly CrisisLine[], t: Translate = english): View {
  const shown = lines.slice(0, 5).map(bullet);
  const blocks: Block[] = [
    { type: 'text', text: t('selfcare.heavy.text') },
    shown.length > 0
      ? { type: 'text', text: shown.reduce((out, b) => markup`${out}\n${b}`, t('crisis.intro')) }
      : { type: 'context', text: t('crisis.pointer') },
    {
      type: 'actions',
      elements: [{ type: 'button', actionId: 'flags:start', label: t('selfcare.heavy.flag') }],
    },
  ];
  return { text: t('selfcare.heavy.summary'), blocks };
}
