// Builders for Schedule rows in scheduler tests.
import type { PrismaClient } from '../../../src/db/index.ts';
import { encodeScheduleRule, type ScheduleSpec } from '../../../src/scheduling/index.ts';

export async function aTeam(prisma: PrismaClient, zone = 'Europe/Berlin'): Promise<string> {
  const workspace = await prisma.workspace.create({
    data: { platform: 'slack', externalId: `T-${Math.random().toString(36).slice(2)}` },
  });
  const team = await prisma.team.create({
    data: {
      workspaceId: workspace.id,
      channelId: 'C-team',
      name: 'Peers',
      timeZone: zone,
      crisisRegion: 'DE',
    },
  });
  return team.id;
}

export async function aSchedule(
  prisma: PrismaClient,
  spec: ScheduleSpec,
  options: { teamId?: string; startsAt: Date; windowMinutes?: number; kind?: 'checkin' | 'selfcare' },
): Promise<string> {
  const schedule = await prisma.schedule.create({
    data: {
      ...encodeScheduleRule(spec),
      kind: options.kind ?? 'checkin',
      teamId: options.teamId ?? null,
      startsAt: options.startsAt,
      windowMinutes: options.windowMinutes ?? 60,
      payload: { templateId: 'weekly-checkin' },
    },
  });
  return schedule.id;
}

/** Every day at `time` in `zone`. */
export function daily(time: string, timeZone = 'Europe/Berlin'): ScheduleSpec {
  return { kind: 'weekly', days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], time, timeZone };
}
