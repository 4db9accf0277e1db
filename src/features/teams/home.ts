// The member's own summary (Slack App Home; other adapters may show it on request): their
// teams and roles, their time zone and quiet hours, and where to go next. Only ever shown to
// the member themself.
import { type Actor, literal, type View } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import { formatQuietHours } from '../../scheduling/index.ts';
import { privacySummary } from './service.ts';

export async function homeView(prisma: PrismaClient, actor: Actor): Promise<View> {
  const summary = await privacySummary(prisma, actor);
  const m = summary.member;
  const quiet =
    m.quietStart !== null && m.quietEnd !== null
      ? formatQuietHours({ start: m.quietStart, end: m.quietEnd })
      : 'none';
  const teams = summary.teams.map((t) => `• ${literal(t.name)} (${t.roles.join(', ')})`).join('\n');
  const name = literal(m.displayName);
  return {
    text: `Hi ${name}`,
    blocks: [
      { type: 'header', text: `Hi ${name}` },
      {
        type: 'text',
        text: teams
          ? `**Your teams**\n${teams}`
          : 'You are not on a team yet. When your team channel is set up, you will see it here.',
      },
      {
        type: 'fields',
        fields: [
          { label: 'Your time zone', value: m.timeZone ?? 'your team’s' },
          { label: 'Quiet hours', value: quiet },
          { label: 'Self-care nudges', value: String(summary.nudges) },
          {
            label: 'Wellness plan',
            value: summary.hasWellnessPlan ? 'saved (only you can read it)' : 'not yet',
          },
        ],
      },
      {
        type: 'context',
        text: '`/peer help` shows what you can do · `/peer privacy` shows what I keep about you',
      },
    ],
  };
}
