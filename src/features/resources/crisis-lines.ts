// The crisis lines for a region, most relevant first: lines for the exact subdivision, then the
// country's national lines, then international ones. With nothing for the country, the
// international fall-backs (a directory of helplines) are what is left. Implements the
// CrisisLinesPort that check-ins and flags show a member.
import type { PrismaClient } from '../../db/index.ts';
import type { CrisisLine, CrisisLinesPort } from '../ports.ts';
import { countryOf, coverageRank, normaliseRegion } from './regions.ts';
import { type ResourceRow, rowToRecord, sharedScope, type Viewer, visibleTo } from './store.ts';

export async function crisisLinesFor(
  prisma: PrismaClient,
  viewer: Viewer,
  regionText: string,
): Promise<ResourceRow[]> {
  const region = normaliseRegion(regionText);
  const country = region ? countryOf(region) : undefined;
  const rows = await prisma.resource.findMany({
    where: {
      AND: [
        visibleTo(viewer),
        { category: 'crisis-line', status: 'active' },
        {
          OR: [{ regions: { isEmpty: true } }, ...(country ? [{ countries: { has: country } }] : [])],
        },
      ],
    },
    orderBy: [{ title: 'asc' }],
  });
  const ranked = rows.flatMap((row) => {
    const rank = region ? coverageRank(row.regions, region) : row.regions.length === 0 ? 2 : undefined;
    return rank === undefined ? [] : [{ row, rank }];
  });
  // Verified lines before unverified ones within a rank: a checked number is the safer first call.
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(b.row.verifiedOn !== null) - Number(a.row.verifiedOn !== null) ||
      a.row.title.localeCompare(b.row.title),
  );
  return ranked.map((entry) => entry.row);
}

export function toCrisisLine(row: ResourceRow): CrisisLine {
  const record = rowToRecord(row);
  return {
    id: record.id,
    title: record.title,
    ...(record.summary ? { summary: record.summary } : {}),
    contacts: record.contacts.map((c) => ({
      kind: c.kind,
      value: c.value,
      ...(c.note ? { note: c.note } : {}),
    })),
    ...(record.hours ? { hours: record.hours } : {}),
  };
}

/**
 * The port: for any region code, the shared lines, or with a workspace (its internal id) what
 * that workspace's teams see: its own lines and its copies in place of the shared entries.
 */
export function crisisLinesPort(prisma: PrismaClient): CrisisLinesPort {
  return {
    async forRegion(region, workspaceId) {
      const viewer: Viewer = { workspaceId: workspaceId ?? sharedScope.workspaceId, teamIds: [] };
      return (await crisisLinesFor(prisma, viewer, region)).map(toCrisisLine);
    },
  };
}
