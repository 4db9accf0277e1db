// The access matrix, shared by the files that walk it (test/access/access-matrix-*.test.ts):
// every command, action id and form id of the app declares a verb the policy knows; every command
// is run as each subject, in this team's channel, another team's channel and a direct message, and
// refused exactly where the verb table says (with the verb's own sentence and nothing written:
// every table's row count before and after); row verbs are run against rows of this team, another
// team, another workspace and the shared starting set. On PGlite and on PostgreSQL. What each
// subject holds at each place is written out here by hand (`held`), so the test checks the
// policy's standing (src/access/standing.ts) as well as the router's wiring.
//
// The walk is about a thousand commands per database, each a real router run (most of the time
// is the app's own queries), so it is split over files the two CI workers share: per database,
// the administrators' file walks wsAdmin, adminHere, adminThere and stranger (and checks the
// verbs and the resource rows), the team's file walks ownSupervisor, otherSupervisor, member and
// noTeam (and the check-in rows). Every file builds the same world with every subject in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVerb, type VerbName, verbs } from '../../src/access/index.ts';
import type { Database } from '../../src/db/index.ts';
import type { Feature } from '../../src/features/feature.ts';
import { english } from '../../src/i18n/index.ts';
import { featureHarness } from '../support/chat-harness.ts';
import { clonedDatabase, openPostgres } from '../support/database.ts';
import { testFeatureList } from '../support/feature-list.ts';
import { clientsFor, shellPeople } from '../support/people.ts';
import { migratedPostgresSchema } from '../support/postgres-template.ts';
import {
  administrators,
  allows,
  decidedOnRow,
  held,
  type Place,
  type Subject,
  subjects,
  teamPeople,
  userOf,
} from './matrix-spec.ts';

export { administrators, type Subject, subjects, teamPeople };

const channelOf: Record<Exclude<Place, 'dm'>, string> = { here: 'C-a', there: 'C-b' };

// The query that counts every table's rows, built once per database: the tables do not change
// during the walk, and asking information_schema costs more than the counts on PGlite (the walk
// counts thousands of times).
const countQueries = new WeakMap<Database, Promise<string>>();
function countQuery(db: Database): Promise<string> {
  let query = countQueries.get(db);
  if (!query) {
    query = db.prisma.$queryRaw<{ table_name: string }[]>`
        SELECT table_name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('ProcessedEvent', '_prisma_migrations')
        ORDER BY table_name`.then((tables) => {
      const parts = tables
        .map(({ table_name: t }) => `(SELECT count(*) FROM "${t}")::text`)
        .join(` || ',' || `);
      return `SELECT ${parts} AS counts`;
    });
    countQueries.set(db, query);
  }
  return query;
}

async function rowCounts(db: Database): Promise<string> {
  const [row] = await db.prisma.$queryRawUnsafe<{ counts: string }[]>(await countQuery(db));
  return row?.counts ?? '';
}

export interface MatrixPart {
  /** The subjects whose commands this file walks (the world holds them all). */
  readonly walk: readonly Subject[];
  /** Which of the other tests this file runs. */
  readonly verbsKnown?: boolean;
  readonly resourceRows?: boolean;
  readonly checkinRows?: boolean;
}

export function matrix(
  name: string,
  open: () => Promise<{ db: Database; close(): Promise<void> }>,
  part: MatrixPart,
  skip = false,
) {
  describe.skipIf(skip)(`access matrix on ${name} (${part.walk.join(', ')})`, () => {
    let db: Database;
    let close: () => Promise<void>;
    let here: ReturnType<typeof featureHarness>;
    let away: ReturnType<typeof featureHarness>;
    let features: Feature[];
    const rows = {
      entryHere: '',
      entryThere: '',
      entryShared: '',
      entryElsewhere: '',
      templateHere: '',
      templateThere: '',
    };

    const as = (subject: Subject) => (subject === 'stranger' ? away : here);
    const where = (place: Place) => (place === 'dm' ? { isDirect: true } : channelOf[place]);

    beforeAll(async () => {
      ({ db, close } = await open());
      const clientFor = clientsFor(shellPeople);
      features = testFeatureList(db.prisma, { clientFor });
      here = featureHarness(db.prisma, features, { workspaceAdmins: ['wanda'], clientFor });
      // Another workspace, whose own admin is `stranger`: admin there is nothing here.
      away = featureHarness(db.prisma, features, {
        workspaceId: 'elsewhere',
        workspaceAdmins: ['stranger'],
        clientFor,
      });
      await here.command('adm', ['setup'], { name: 'A' }, 'C-a');
      await here.command('bown', ['setup'], { name: 'B' }, 'C-b');
      await away.command('stranger', ['setup'], { name: 'Far' }, 'C-far');
      for (const who of ['mem', 'sup', 'sup2']) await here.joined(who, 'C-a');
      for (const who of ['sup', 'sup2'])
        await here.command('adm', ['team', 'role'], { user: `@${who}`, role: 'supervisor' }, 'C-a');
      await here.command('adm', ['team', 'supervisor'], { member: '@mem', supervisor: '@sup' }, 'C-a');
      // Everyone has been met once (first contact stores a member row), so a refusal below that
      // writes anything at all is a refusal that wrote, whichever test runs first.
      for (const subject of subjects)
        await (subject === 'stranger' ? away : here).command(
          userOf[subject],
          ['timezone'],
          { zone: 'UTC' },
          { isDirect: true },
        );
      const entry = async (h: typeof here, user: string, channel: string, title: string) => {
        const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
        await h.form(
          user,
          'resources:add-form',
          {
            title,
            category: 'referral-service',
            summary: 'A made-up entry for the access matrix',
            contacts: 'phone: +1 555 0100',
            regions: 'US',
            visibility: 'team',
          },
          channel,
          team.id,
        );
        return (await db.prisma.resource.findFirstOrThrow({ where: { title } })).id;
      };
      rows.entryHere = await entry(here, 'adm', 'C-a', 'Matrix here');
      rows.entryThere = await entry(here, 'bown', 'C-b', 'Matrix there');
      rows.entryElsewhere = await entry(away, 'stranger', 'C-far', 'Matrix elsewhere');
      rows.entryShared = (
        await db.prisma.resource.create({
          data: {
            id: 'matrix-shared',
            title: 'Matrix shared line',
            category: 'crisis-line',
            summary: 'The shared starting set, as the seed loads it',
            origin: 'seed',
          },
        })
      ).id;
      const template = async (channel: string) => {
        const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
        return (
          await db.prisma.checkinTemplate.create({
            data: {
              teamId: team.id,
              name: `Matrix ${channel}`,
              questions: [{ id: 'q1', kind: 'scale', text: 'How are you?' }],
            },
          })
        ).id;
      };
      rows.templateHere = await template('C-a');
      rows.templateThere = await template('C-b');
    });
    afterAll(() => close());

    if (part.verbsKnown)
      it('gives every command, action and form a verb the policy knows', () => {
        const composed = here.composed;
        expect(here.table.commands.filter((c) => !isVerb(c.verb)).map((c) => c.path.join(' '))).toEqual([]);
        for (const verb of Object.values(composed.verbs)) expect(isVerb(verb), verb).toBe(true);
        // Every action and form prefix is covered, by id or by `prefix:*`.
        const prefixes = [...Object.keys(composed.actions), ...Object.keys(composed.forms)];
        const declared = Object.keys(composed.verbs).map((id) => id.split(':')[0]);
        expect(prefixes.filter((p) => !declared.includes(p))).toEqual([]);
      });

    it('allows or refuses every command at every place, for every subject, exactly as the table says', async () => {
      const wrong: string[] = [];
      for (const command of here.table.commands) {
        const verb = command.verb as VerbName;
        if (decidedOnRow(verb)) continue;
        for (const subject of part.walk) {
          for (const place of ['here', 'there', 'dm'] as const) {
            if (command.where === 'channel' && place === 'dm') continue;
            if (command.where === 'direct' && place !== 'dm') continue;
            const expected = allows(verb, held(subject, place));
            const before = expected ? '' : await rowCounts(db);
            const reply = await as(subject).command(userOf[subject], [...command.path], {}, where(place));
            const refused = reply.text().includes(english(verbs[verb].refusal));
            const what = `${command.path.join(' ')} as ${subject} ${place}`;
            if (refused === expected)
              wrong.push(`${what}: ${expected ? 'refused' : 'allowed'}: ${reply.text().slice(0, 80)}`);
            else if (!expected && (await rowCounts(db)) !== before)
              wrong.push(`${what}: refused but wrote rows`);
          }
        }
      }
      expect(wrong).toEqual([]);
    }, 600_000);

    if (part.resourceRows)
      it('changes a resource entry only where the row allows: its team, its workspace, the shared set only as a workspace copy', async () => {
        // The shared crisis line is never written from chat: a workspace admin's check makes their
        // own workspace's copy (either workspace's), and nobody else may touch a crisis line.
        const expectations: Record<keyof typeof rows & `entry${string}`, readonly Subject[]> = {
          entryHere: ['wsAdmin', 'adminHere'],
          entryThere: ['wsAdmin', 'adminThere'],
          entryShared: ['wsAdmin', 'stranger'],
          entryElsewhere: ['stranger'],
        };
        const shared = await db.prisma.resource.findUniqueOrThrow({ where: { id: rows.entryShared } });
        const wrong: string[] = [];
        for (const [row, allowed] of Object.entries(expectations)) {
          for (const subject of subjects) {
            const id = rows[row as keyof typeof rows];
            const before = await rowCounts(db);
            const reply = await as(subject).action(userOf[subject], 'resources:verify', id, {
              isDirect: true,
            });
            const refused =
              /Only team admins can change|shared starting set|belongs to another workspace|Crisis lines can be changed only/.test(
                reply.text(),
              );
            const expected = allowed.includes(subject);
            if (refused === expected) wrong.push(`verify ${row} as ${subject}: ${reply.text().slice(0, 80)}`);
            if (!expected && (await rowCounts(db)) !== before)
              wrong.push(`verify ${row} as ${subject}: wrote rows`);
          }
        }
        expect(wrong).toEqual([]);
        expect(await db.prisma.resource.findUniqueOrThrow({ where: { id: rows.entryShared } })).toEqual(
          shared,
        );
        expect(await db.prisma.resource.count({ where: { replacesId: rows.entryShared } })).toBe(2);
      });

    if (part.checkinRows)
      it("runs a team's check-ins only for that team's admins and supervisors", async () => {
        const wrong: string[] = [];
        for (const [row, allowed] of [
          ['templateHere', ['adminHere', 'ownSupervisor', 'otherSupervisor']],
          ['templateThere', ['adminThere']],
        ] as const) {
          for (const subject of subjects) {
            const before = await rowCounts(db);
            const reply = await as(subject).action(userOf[subject], 'checkins:toggle', rows[row], {
              isDirect: true,
            });
            const refused = reply.text().includes(english(verbs['checkin.manage'].refusal));
            const expected = (allowed as readonly Subject[]).includes(subject);
            if (refused === expected) wrong.push(`toggle ${row} as ${subject}: ${reply.text().slice(0, 80)}`);
            if (!expected && (await rowCounts(db)) !== before)
              wrong.push(`toggle ${row} as ${subject}: wrote rows`);
          }
        }
        expect(wrong).toEqual([]);
      });
  });
}

/** A clone of the PGlite template (returned to the pool on close). */
export async function openPglite(): Promise<{ db: Database; close(): Promise<void> }> {
  const db = await clonedDatabase();
  return { db, close: () => db.close() };
}

/** A fresh migrated schema on the PostgreSQL server, dropped on close. */
export async function openPostgresSchema(): Promise<{ db: Database; close(): Promise<void> }> {
  const schema = await migratedPostgresSchema('pb_access');
  const db = await openPostgres(schema.url);
  return {
    db,
    close: async () => {
      await db.close();
      await schema.drop();
    },
  };
}
