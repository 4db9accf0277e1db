// The access matrix on Mattermost, shared by mattermost-access-matrix-*.test.ts: every command of
// the app is run through the real @mattermost/client against the fake server as each subject, in
// this team's channel, another team's channel and a direct message, and refused exactly where the
// verb table says (with the verb's own sentence, and nothing written: every table's row count
// before and after). The standings come from the server here: the workspace admin is a
// `system_admin`, a team admin is whoever ran setup, the stranger administers another Mattermost
// team (another workspace). What each subject holds at each place is written out by hand, as in
// test/access/access-matrix-support.ts. Commands whose verb a row decides (the member themselves)
// are left to that test.
//
// Every command of every subject at every place is still walked here (nothing is left to the
// platform-neutral matrix but what was before); the walk is split by subject over two files, each
// starting its own app on the same world, so the two CI workers share it. A run ends when the
// router logs that it finished the command (`chat.event.<outcome>`, after every reply it awaited
// reached the fake), not after the fake has been quiet for a while: the replies of a command are
// awaited by the router, so once it logs, everything that command answers has been posted.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VerbName, verbs } from '../../../src/access/index.ts';
import { buildFeatures, featureList } from '../../../src/app.ts';
import type { FeatureDeps } from '../../../src/features/feature.ts';
import { english } from '../../../src/i18n/index.ts';
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
} from '../../access/matrix-spec.ts';
import type { FakePost } from '../../fakes/mattermost/index.ts';
import { untilIdle } from '../../support/idle.ts';
import { type MattermostWorldUnderTest, readable, startMattermostApp } from './support.ts';

export { administrators, type Subject, subjects, teamPeople };

/** Words as a person reads them, markup aside, to compare a refusal sentence with a post. */
const words = (text: string) => text.replace(/[*_`\\]/g, '').replace(/\s+/g, ' ');

/**
 * The commands the app has finished, by event id, from its own logs: the router logs
 * `chat.event.<outcome>` once a command's handler (and every reply it awaited) is done, and
 * `chat.handler.failed` before it posts an apology; the adapter logs `mattermost.event.failed`
 * (with no event id) when a command could not be handed over at all.
 */
class FinishedCommands {
  readonly #finished = new Set<string>();
  /** Commands that ended in a failure, whose apology may still be on its way. */
  readonly #failed = new Set<string>();
  adapterFailures = 0;
  readonly #waiters = new Set<() => void>();

  readonly logger = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        if (!line.includes('"chat.') && !line.includes('"mattermost.event.failed"')) return;
        const entry = JSON.parse(line) as { event?: string; kind?: string; eventId?: string };
        const event = entry.event ?? '';
        const id = entry.eventId ?? '';
        if (event === 'mattermost.event.failed') this.adapterFailures += 1;
        else if (entry.kind !== 'command') return;
        else if (event === 'chat.handler.failed') {
          this.#failed.add(id);
          this.#finished.add(id);
        } else if (event.startsWith('chat.event.')) this.#finished.add(id);
        else return;
        for (const wake of this.#waiters) wake();
      },
    },
  );

  /**
   * Resolves once the command `eventId` has finished (true if it failed, or if the adapter
   * failed to hand a command over since `adapterFailures` was `failuresBefore`).
   */
  async until(eventId: string, failuresBefore: number, timeoutMs: number): Promise<boolean> {
    const done = () => this.#finished.has(eventId) || this.adapterFailures > failuresBefore;
    let wake = () => {};
    let timer: NodeJS.Timeout | undefined;
    try {
      if (!done())
        await new Promise<void>((resolve, reject) => {
          wake = () => {
            if (done()) resolve();
          };
          this.#waiters.add(wake);
          timer = setTimeout(
            () => reject(new Error(`the app did not finish ${eventId} within ${timeoutMs} ms`)),
            timeoutMs,
          );
        });
    } finally {
      this.#waiters.delete(wake);
      clearTimeout(timer);
    }
    return this.#failed.has(eventId) || this.adapterFailures > failuresBefore;
  }
}

/** The world of the matrix and the walk of `walk`'s commands, as one describe. */
export function mattermostMatrix(walk: readonly Subject[]): void {
  let world: MattermostWorldUnderTest;
  let deps: FeatureDeps | undefined;
  const channels: Record<string, string> = {};
  let farTeam = '';
  const log = new FinishedCommands();

  const countsQuery = async (): Promise<string> => {
    const prisma = world.app.storage.db.prisma;
    const tables = await prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('ProcessedEvent', '_prisma_migrations')
      ORDER BY table_name`;
    return `SELECT ${tables.map(({ table_name: t }) => `(SELECT count(*) FROM "${t}")::text`).join(` || ',' || `)} AS counts`;
  };
  let query: Promise<string> | undefined;
  async function rowCounts(): Promise<string> {
    query ??= countsQuery();
    const [row] = await world.app.storage.db.prisma.$queryRawUnsafe<{ counts: string }[]>(await query);
    return row?.counts ?? '';
  }

  /** Runs `/peer <text>` as `name` at `place` and returns every post the bot answered it with. */
  async function run(subject: Subject, text: string, place: Place): Promise<FakePost[]> {
    const { fake } = world;
    const name = userOf[subject];
    const user = fake.world.user(name);
    const stranger = subject === 'stranger';
    // The stranger's "here" and "there" are channels of his workspace that name no team: a new
    // one each time, so a `setup` he ran in one does not make him a team admin for the next.
    const fresh = () => {
      const room = fake.world.addChannel(farTeam, `far-${fake.world.channels.size}`);
      for (const id of [fake.world.bot.id, user.id]) fake.world.joinChannel(room.id, id);
      return room.id;
    };
    const channelId = place === 'dm' ? fake.dmChannelOf(name) : stranger ? fresh() : (channels[place] ?? '');
    const from = fake.posted.size;
    const failures = log.adapterFailures;
    const answer = await fake.slash(name, text, { channelId, ...(stranger ? { teamId: farTeam } : {}) });
    expect(answer.status).toBe(200);
    // The command's event id is the trigger the fake issued for it (the latest one: nothing
    // else runs while the walk waits).
    const trigger = [...fake.world.triggers.keys()].at(-1) ?? '';
    // A failure is logged before its apology is posted: then let that arrive.
    if (await log.until(`command:${trigger}`, failures, 30_000))
      await untilIdle({ activity: () => fake.calls.size }, { timeoutMs: 30_000 });
    return fake.posted
      .all()
      .slice(from)
      .filter(
        (p) =>
          p.ephemeralFor === user.id || p.channel_id === channelId || p.channel_id === fake.dmChannelOf(name),
      );
  }

  /**
   * Whether a refused command writes rows when run again once the app is quiet. The app's own
   * work (a digest queued by an earlier `checkin close`, a delivery) can land between two counts:
   * a refusal that really writes does it again.
   */
  async function wroteAgain(subject: Subject, path: readonly string[], place: Place): Promise<boolean> {
    await untilIdle({ activity: rowCounts }, { quietPolls: 10, pollMs: 50, timeoutMs: 30_000 });
    const before = await rowCounts();
    await run(subject, path.join(' '), place);
    return (await rowCounts()) !== before;
  }

  beforeAll(async () => {
    world = await startMattermostApp({
      logger: log.logger,
      features: (given) => {
        deps = given;
        return featureList(given);
      },
      before: (fake) => {
        const w = fake.world;
        for (const name of Object.values(userOf)) w.user(name);
        w.user('wanda').roles = 'system_user system_admin';
        const room = (team: string, name: string, people: string[]) => {
          const channel = w.addChannel(team, name);
          for (const id of [w.bot.id, ...people.map((p) => w.user(p).id)]) w.joinChannel(channel.id, id);
          return channel.id;
        };
        const everyone = Object.values(userOf).filter((n) => n !== 'stranger');
        channels.here = room(w.team.id, 'team-a', everyone);
        channels.there = room(w.team.id, 'team-b', everyone);
        // Another Mattermost team (another workspace), where the stranger is a team admin and
        // the only person, with a PeerBridge team of his own there (far-setup).
        const far = w.addTeam('far');
        farTeam = far.id;
        const stranger = w.user('stranger');
        w.team.members.delete(stranger.id);
        far.members.set(stranger.id, 'team_user team_admin');
        channels.farSetup = room(far.id, 'far-setup', ['stranger']);
      },
    });
    const { fake } = world;
    await run('adminHere', 'setup name:A', 'here');
    await run('adminThere', 'setup name:B', 'there');
    expect(
      (await fake.slash('stranger', 'setup name:Far', { channelId: channels.farSetup ?? '' })).status,
    ).toBe(200);
    await fake.waitForPost(
      (p) => p.channel_id === channels.farSetup && p.message.includes('now the team'),
      'far set-up',
      30_000,
    );
    for (const who of ['sup', 'sup2'])
      await run('adminHere', `team role user:@${who} role:supervisor`, 'here');
    await run('adminHere', 'team supervisor member:@mem supervisor:@sup', 'here');
    await run('adminHere', 'team role user:@mem role:member', 'here');
    // Everyone has been met once, so a refusal below that writes anything is a refusal that wrote.
    for (const subject of subjects) await run(subject, 'timezone zone:UTC', 'dm');
  }, 120_000);

  afterAll(async () => {
    await world?.stop();
  });

  describe(`the access matrix on Mattermost (${walk.join(', ')})`, () => {
    it('allows or refuses every command at every place, for every subject, exactly as the table says', async () => {
      if (!deps) throw new Error('the app did not build its features');
      // The app's own command table, built as app.ts builds it.
      const { table } = buildFeatures(deps);
      const wrong: string[] = [];
      let walked = 0;
      for (const command of table.commands) {
        const verb = command.verb as VerbName;
        if (decidedOnRow(verb)) continue;
        for (const subject of walk) {
          for (const place of ['here', 'there', 'dm'] as const) {
            if (command.where === 'channel' && place === 'dm') continue;
            if (command.where === 'direct' && place !== 'dm') continue;
            const expected = allows(verb, held(subject, place));
            const before = expected ? '' : await rowCounts();
            const posts = await run(subject, command.path.join(' '), place);
            walked += 1;
            const said = posts.map((p) => words(readable(p))).join('\n');
            // The verb's refusal, in English (everyone here reads English).
            const refused = said.includes(words(english(verbs[verb].refusal)));
            const what = `${command.path.join(' ')} as ${subject} ${place}`;
            // A row verb whose row is named only in an option: with no options nothing names the
            // row, so the command asks for it first (test/access/access-matrix-support.ts decides these).
            if (verbs[verb].scope === 'row' && /need(s)? a small change/.test(said)) continue;
            if (refused === expected)
              wrong.push(`${what}: ${expected ? 'refused' : 'allowed'}: ${said.slice(0, 80)}`);
            else if (
              !expected &&
              (await rowCounts()) !== before &&
              (await wroteAgain(subject, command.path, place))
            )
              wrong.push(`${what}: refused but wrote rows`);
          }
        }
      }
      // Four subjects: about 500 runs each when this was written.
      expect(walked).toBeGreaterThan(300);
      expect(wrong).toEqual([]);
    }, 900_000);
  });
}
