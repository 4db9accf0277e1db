// Folds app.ts's list of features into what the command table, the router and the scheduler
// take. Clashes (two features claiming one action prefix, one schedule kind, or both answering
// direct messages) are programming errors and stop start-up with a sentence naming both.

import type {
  ActionHandler,
  Actor,
  Block,
  Command,
  CommandGroup,
  DirectMessageHandler,
  FormHandler,
  MemberJoinedHandler,
} from '../chat/index.ts';
import { errorFields } from '../chat/index.ts';
import type { Translate } from '../i18n/index.ts';
import type { LogPort, OccurrenceHandler, PeriodicJob, ScheduleKind } from '../scheduling/index.ts';
import type { Feature, PrivacyLine } from './feature.ts';

export class FeatureClashError extends Error {
  constructor(what: string, first: string, second: string) {
    super(`Features '${first}' and '${second}' both claim ${what}; give one of them another name.`);
    this.name = 'FeatureClashError';
  }
}

export interface ComposedFeatures {
  readonly groups: readonly CommandGroup[];
  readonly commands: readonly Command[];
  readonly actions: Readonly<Record<string, ActionHandler>>;
  readonly forms: Readonly<Record<string, FormHandler>>;
  readonly occurrences: Partial<Record<ScheduleKind, OccurrenceHandler>>;
  readonly jobs: readonly PeriodicJob[];
  readonly memberJoined?: MemberJoinedHandler;
  readonly directMessage?: DirectMessageHandler;
  /** Every feature's action and form verbs (Feature.verbs), merged; an id declared twice is a clash. */
  readonly verbs: Readonly<Record<string, string>>;
  /** Every feature's App Home section, in list order. */
  home(actor: Actor): Promise<Block[]>;
  /** Every feature's `/peer privacy` lines, in list order. */
  privacy(memberId: string, t: Translate): Promise<PrivacyLine[]>;
  readonly features: readonly Feature[];
}

function mergeByKey<T>(
  features: readonly Feature[],
  pick: (feature: Feature) => Readonly<Record<string, T | undefined>> | undefined,
  what: string,
): Record<string, T> {
  const merged: Record<string, T> = {};
  const owner = new Map<string, string>();
  for (const feature of features) {
    for (const [key, value] of Object.entries(pick(feature) ?? {})) {
      if (value === undefined) continue;
      const first = owner.get(key);
      if (first !== undefined) throw new FeatureClashError(`${what} '${key}'`, first, feature.name);
      owner.set(key, feature.name);
      merged[key] = value;
    }
  }
  return merged;
}

function single<T>(features: readonly Feature[], pick: (feature: Feature) => T | undefined, what: string) {
  const having = features.filter((feature) => pick(feature) !== undefined);
  const [first, second] = having;
  if (first && second) throw new FeatureClashError(what, first.name, second.name);
  return first ? pick(first) : undefined;
}

export function composeFeatures(features: readonly Feature[], logger: LogPort): ComposedFeatures {
  mergeByKey(features, (f) => ({ [f.name]: f }), 'the feature name');
  const joiners = features.flatMap((f) => (f.memberJoined ? [{ name: f.name, run: f.memberJoined }] : []));
  // One welcome failing (a closed DM, a database blip) must not keep the next feature's hook
  // from running; the router still logs the first failure it is given.
  const memberJoined: MemberJoinedHandler | undefined =
    joiners.length === 0
      ? undefined
      : async (context) => {
          let firstError: unknown;
          for (const joiner of joiners) {
            try {
              await joiner.run(context);
            } catch (error) {
              logger.warn({
                event: 'feature.member-joined.failed',
                feature: joiner.name,
                err: errorFields(error),
              });
              firstError ??= error;
            }
          }
          if (firstError !== undefined) throw firstError;
        };
  const directMessage = single(features, (f) => f.directMessage, 'direct messages');
  return {
    features,
    groups: features.flatMap((f) => f.groups ?? []),
    commands: features.flatMap((f) => f.commands ?? []),
    actions: mergeByKey(features, (f) => f.actions, 'the action prefix'),
    forms: mergeByKey(features, (f) => f.forms, 'the form prefix'),
    occurrences: mergeByKey(features, (f) => f.occurrences, 'the schedule kind'),
    jobs: features.flatMap((f) => f.jobs ?? []),
    ...(memberJoined ? { memberJoined } : {}),
    ...(directMessage ? { directMessage } : {}),
    verbs: mergeByKey(features, (f) => f.verbs, 'the verb of'),
    async home(actor) {
      const sections = await Promise.all(features.map((f) => (f.home ? f.home(actor) : [])));
      return sections.flat();
    },
    async privacy(memberId, t) {
      const lines = await Promise.all(features.map((f) => (f.privacy ? f.privacy(memberId, t) : [])));
      return lines.flat();
    },
  };
}
