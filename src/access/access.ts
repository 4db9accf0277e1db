// The policy bound to the database and the platforms: `check` for handlers (a row as target),
// and the router's port (the event's place as target). app.ts makes one with createAccess and
// passes it to the router and, through FeatureDeps, to every feature.
import type { AccessPort, Actor, Place } from '../chat/index.ts';
import { allowed, type Decision, decide, refused } from './policy.ts';
import { type AccessDb, type AccessTarget, type StandingDeps, standingOf } from './standing.ts';
import type { SubjectKind } from './subjects.ts';
import { isVerb, type VerbName, verbs } from './verbs.ts';

export interface Access {
  /**
   * May this actor use this verb on this target? Reads only; never throws for a stranger. Inside
   * a transaction pass it as `db`, so the check sees what the transaction sees (and PGlite's one
   * connection is not asked twice at once).
   */
  check(actor: Actor, verb: VerbName, target: AccessTarget, db?: AccessDb): Promise<Decision>;
  /** The same question for several verbs about one target (help, a view's buttons). */
  allowedOf(actor: Actor, verbsAsked: readonly VerbName[], target: AccessTarget): Promise<Set<VerbName>>;
  /**
   * The subjects the actor holds towards the target, without asking the platform about workspace
   * admins: for a handler that decides several verbs about one row with `decide` (a team's
   * supervision context). Use it only for verbs no workspace admin is listed for.
   */
  held(actor: Actor, target: AccessTarget, db?: AccessDb): Promise<ReadonlySet<SubjectKind>>;
  /** What the router asks before a handler runs. */
  readonly port: AccessPort;
}

/** Subjects only a row can grant: a place (a channel) never names a member. */
const rowSubjects: ReadonlySet<string> = new Set(['self', 'own-supervisor']);

const placeTarget = (place: Place): AccessTarget =>
  place.channelId !== undefined && !place.isDirect ? { channelId: place.channelId } : {};

export function createAccess(deps: StandingDeps): Access {
  async function check(actor: Actor, verb: VerbName, target: AccessTarget, db?: AccessDb) {
    const rule = verbs[verb];
    const standing = await standingOf(deps, actor, target, new Set(rule.who), db);
    if (standing.elsewhere && !target.shared) return refused('chat.access.elsewhere');
    return decide(verb, standing.held);
  }

  async function allowedOf(
    actor: Actor,
    asked: readonly VerbName[],
    target: AccessTarget,
  ): Promise<Set<VerbName>> {
    const wanted = new Set(asked.flatMap((verb) => verbs[verb].who));
    const standing = await standingOf(deps, actor, target, wanted);
    return new Set(asked.filter((verb) => decide(verb, standing.held).ok));
  }

  const port: AccessPort = {
    async decide(actor, place, verb, kind) {
      if (!isVerb(verb)) return decide(verb, new Set());
      // A row verb on a button or form is checked by its handler, which knows the row; so is a
      // command's row verb that the row itself can grant (the member themselves, their supervisor).
      const rule = verbs[verb];
      if (rule.scope === 'row' && (kind !== 'command' || rule.who.some((s) => rowSubjects.has(s))))
        return allowed;
      return check(actor, verb, placeTarget(place));
    },
    async allowedHere(actor, place, asked) {
      const known = asked.filter(isVerb);
      return allowedOf(actor, known, placeTarget(place));
    },
  };
  const held = async (actor: Actor, target: AccessTarget, db?: AccessDb) =>
    (await standingOf(deps, actor, target, new Set(), db)).held;
  return { check, allowedOf, held, port };
}
