// The resources feature as the router sees it: `/peer find`, `/peer resources add|suggest|review`,
// the buttons on results and reviews, the forms, the monthly stale review, the starting set,
// and the crisis-lines port other features use.

import type { Access } from '../../access/index.ts';
import {
  actionsByName,
  type ChatClient,
  defineCommand,
  defineGroup,
  formsByName,
  type Platform,
} from '../../chat/index.ts';
import type { Config } from '../../config.ts';
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import type { Clock, LogPort, PeriodicJob } from '../../scheduling/index.ts';
import type { Feature } from '../feature.ts';
import type { CrisisLinesPort } from '../ports.ts';
import { checkRegion } from '../teams/index.ts';
import { categories } from './categories.ts';
import { crisisLinesPort } from './crisis-lines.ts';
import { type FindDeps, moreResults, runFind, sendToMe, shareInChannel } from './find.ts';
import {
  askRetire,
  decide,
  keepEntry,
  type ManageDeps,
  openAddForm,
  openEditForm,
  openSuggestForm,
  retire,
  stillRight,
  submitAdd,
  submitEdit,
  submitSuggestion,
} from './manage.ts';
import { resourcesPersonalData, resourcesPrivacy } from './personal-data.ts';
import { reviewView } from './review.ts';
import { loadSeed } from './seed.ts';
import { staleReviewJob } from './stale-review.ts';
import { transferCommands } from './transfer-commands.ts';

export interface ResourcesDeps {
  /** The access policy (src/access): who may change, import and export entries. */
  readonly access: Access;
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly config: Pick<Config, 'defaults' | 'resources'>;
  readonly logger: LogPort;
  readonly notifyOutbox: () => void;
  /** The starting set's file; default the one shipped in seed/. Tests pass a small one. */
  readonly seedPath?: string;
  /** A connected platform's client (for sending an export to an admin's DMs). */
  readonly clientFor?: (platform: Platform) => ChatClient | undefined;
}

export interface ResourcesFeature extends Feature {
  /** For check-ins and flags: the crisis lines of a region. */
  readonly crisisLines: CrisisLinesPort;
}

export const resourcesGroup = defineGroup({
  name: 'resources',
  description: 'Add, suggest and review shared resources',
  help: 'Members suggest resources; admins add, review, edit and retire them.',
});

/**
 * Loads the starting set once per process. The scheduler's first tick starts it at start-up,
 * and a search or a crisis-line look-up waits for it, so the very first `/peer find crisis` of
 * a new install already sees the crisis lines. A failed load is tried again next time.
 */
function seedOnce(deps: ResourcesDeps): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () => {
    loading ??= loadSeed(deps.prisma, deps.seedPath).then(
      (counts) => deps.logger.info({ event: 'resources.seed.loaded', ...counts }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
}

function seedJob(ensureSeeded: () => Promise<void>): PeriodicJob {
  return { name: 'resources-seed', run: () => ensureSeeded() };
}

export function createResourcesFeature(deps: ResourcesDeps): ResourcesFeature {
  const ensureSeeded = seedOnce(deps);
  const crisisLines = crisisLinesPort(deps.prisma);
  const base = {
    prisma: deps.prisma,
    cipher: deps.cipher,
    clock: deps.clock,
    notifyOutbox: deps.notifyOutbox,
  };
  const defaultRegion = deps.config.defaults.crisisRegion;
  const findDeps: FindDeps = { ...base, defaultRegion, access: deps.access };
  const manageDeps: ManageDeps = { ...base, defaultRegion, access: deps.access };
  const staleDays = deps.config.resources.staleDays;

  const find = defineCommand({
    name: 'find',
    description: 'Find crisis lines, referral services, trainings and self-care material',
    help: 'Search the shared resources, like `/peer find text line` or `/peer find peer support training region:GB`. Crisis lines for your region come first when you search for crisis, suicide or self-harm.',
    who: 'everyone',
    verb: 'resources.find',
    where: 'anywhere',
    options: {
      words: { type: 'string', description: 'What you are looking for', maxLength: 60, rest: true },
      category: { type: 'choice', description: 'Only this kind of resource', choices: categories },
      region: {
        type: 'string',
        description: 'Only resources for this region, like US, GB or US-TX',
        check: checkRegion,
      },
    },
    handler: async ({ actor, place, reply, options }) => {
      await ensureSeeded();
      await runFind(
        findDeps,
        { actor, place, reply },
        {
          words: options.words ?? '',
          offset: 0,
          ...(options.category ? { category: options.category } : {}),
          ...(options.region ? { region: options.region.toUpperCase() } : {}),
        },
      );
    },
  });

  const add = defineCommand({
    name: 'add',
    group: 'resources',
    description: 'Add a resource to the shared list (admins)',
    help: 'Opens a form for a new entry: name, kind, what it is for, how to reach it, where and when.',
    who: 'admin',
    verb: 'resources.edit',
    where: 'anywhere',
    handler: (context) => openAddForm(manageDeps, context),
  });

  const suggest = defineCommand({
    name: 'suggest',
    group: 'resources',
    description: 'Suggest a resource for the shared list',
    help: 'Opens a form; an admin looks at your suggestion, and I tell you what they decide.',
    who: 'everyone',
    verb: 'resources.suggest',
    where: 'anywhere',
    handler: (context) => openSuggestForm(manageDeps, context),
  });

  const review = defineCommand({
    name: 'review',
    group: 'resources',
    description: 'Suggestions waiting and entries to check (admins)',
    help: `Lists members' suggestions to approve or decline, then entries not checked for ${staleDays} days, with Still right / Edit / Retire.`,
    who: 'admin',
    verb: 'resources.review',
    where: 'anywhere',
    handler: async ({ actor, place, reply }) => {
      await reply.privately(await reviewView({ ...manageDeps, staleDays }, actor, place));
    },
  });

  const transfer = transferCommands(deps, defaultRegion);

  const actions = actionsByName({
    'import-good': (context) => transfer.importGood(context),
    send: (context) => sendToMe(findDeps, context),
    share: (context) => shareInChannel(findDeps, context),
    more: (context) => moreResults(findDeps, context),
    edit: (context) => openEditForm(manageDeps, context),
    retire: (context) => askRetire(manageDeps, context),
    'retire-yes': (context) => retire(manageDeps, context),
    'retire-no': (context) => keepEntry(manageDeps, context),
    verify: (context) => stillRight(manageDeps, context),
    approve: (context) => decide(manageDeps, context, true),
    decline: (context) => decide(manageDeps, context, false),
  });

  const forms = formsByName({
    'add-form': (context) => submitAdd(manageDeps, context),
    'edit-form': (context) => submitEdit(manageDeps, context),
    'suggest-form': (context) => submitSuggestion(manageDeps, context),
  });

  return {
    name: 'resources',
    groups: [resourcesGroup],
    commands: [find, add, suggest, review, ...transfer.commands],
    directMessage: transfer.receive,
    actions: { resources: actions },
    forms: { resources: forms },
    verbs: {
      'resources:send': 'resources.find',
      'resources:share': 'resources.find',
      'resources:more': 'resources.find',
      'resources:edit': 'resources.edit',
      'resources:retire': 'resources.edit',
      'resources:retire-yes': 'resources.edit',
      'resources:retire-no': 'resources.edit',
      'resources:verify': 'resources.edit',
      'resources:approve': 'resources.review',
      'resources:decline': 'resources.review',
      'resources:import-good': 'resources.import',
      'resources:add-form': 'resources.edit',
      'resources:edit-form': 'resources.edit',
      'resources:suggest-form': 'resources.suggest',
    },
    jobs: [seedJob(ensureSeeded), staleReviewJob({ ...base, staleDays })],
    privacy: (memberId, t) => resourcesPrivacy(deps.prisma, memberId, t),
    personalData: resourcesPersonalData(deps.prisma),
    crisisLines: {
      async forRegion(region, workspaceId, language) {
        await ensureSeeded();
        return crisisLines.forRegion(region, workspaceId, language);
      },
    },
  };
}
