// "It was heavy" on a self-care prompt: the answer is never stored, and the reply offers both
// the private flag and the crisis lines for the presser's team region, so help is one step away.
import type { Block, Platform, View } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { CrisisLine, CrisisLinesPort } from '../ports.ts';

const pointer =
  'If it gets heavier, `/peer find category:crisis-line` shows the crisis lines for your region, any time.';

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
): Promise<readonly CrisisLine[]> {
  if (!deps.crisisLines) return [];
  const role = await deps.prisma.teamRole.findFirst({
    where: { member: { platformUserId: userId, workspace: { platform, externalId: workspaceId } } },
    include: { team: { select: { crisisRegion: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const region = role?.team.crisisRegion ?? deps.defaultCrisisRegion ?? 'US';
  return deps.crisisLines.forRegion(region);
}

export function heavyView(lines: readonly CrisisLine[]): View {
  const shown = lines.slice(0, 5).map((line) => {
    const contacts = line.contacts.map((c) => `${c.kind}: ${c.value}`).join(' · ');
    return `• **${line.title}**${contacts ? ` (${contacts})` : ''}${line.hours ? `, ${line.hours}` : ''}`;
  });
  const blocks: Block[] = [
    {
      type: 'text',
      text: 'Thank you for noticing. That answer stays with you. If you would like your supervisor to know, you can tell them privately.',
    },
    shown.length > 0
      ? {
          type: 'text',
          text: `**If you need someone right now**, these lines are there for you:\n${shown.join('\n')}`,
        }
      : { type: 'context', text: pointer },
    { type: 'actions', elements: [{ type: 'button', actionId: 'flags:start', label: 'Flag privately' }] },
  ];
  return { text: 'Thank you for noticing', blocks };
}
