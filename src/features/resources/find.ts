// `/peer find <words>`: crisis lines for the region first when the words (or the category) say
// crisis, then ranked results, a few at a time with a "More results" button. Each result can be
// sent to the person's DMs (through the outbox) or shared in the channel.
import type { Access } from '../../access/index.ts';
import { type ActionContext, type Actor, literal } from '../../chat/index.ts';
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import { channelLanguage, english, type Translate, translatorOf } from '../../i18n/index.ts';
import { type Clock, enqueueOutbox } from '../../scheduling/index.ts';
import { translatorForActor } from '../teams/index.ts';
import { type Category, categories, soundsLikeCrisis } from './categories.ts';
import { crisisLinesFor } from './crisis-lines.ts';
import { nothingFoundBlocks } from './nothing-found.ts';
import { type Asker, askerOf, changeTarget } from './people.ts';
import { normaliseRegion } from './regions.ts';
import { browseCategory, searchResources } from './search.ts';
import { type ResourceRow, visibleTo } from './store.ts';
import { crisisCardView, findHelpView, resourceCardView, resultsView, text } from './views.ts';

export interface FindDeps {
  /** Asked which results this person may change (their Edit and Retire buttons). */
  readonly access: Access;
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly defaultRegion: string;
  readonly notifyOutbox: () => void;
}

export interface FindRequest {
  readonly words: string;
  readonly category?: Category;
  readonly region?: string;
  readonly offset: number;
}

const PAGE = 4;
const PAGE_UNDER_CRISIS = 3;

/** "More results" carries the whole request in its value (buttons hold 100 characters). */
export function encodeMore(request: FindRequest): string {
  return [request.offset, request.category ?? '', request.region ?? '', request.words]
    .join('|')
    .slice(0, 100);
}

export function decodeMore(value: string | undefined): FindRequest | undefined {
  const match = /^(\d{1,4})\|([a-z-]*)\|([A-Z0-9-]*)\|(.*)$/s.exec(value ?? '');
  if (!match) return undefined;
  const category = (categories as readonly string[]).includes(match[2] ?? '')
    ? (match[2] as Category)
    : undefined;
  const region = match[3] ? normaliseRegion(match[3]) : undefined;
  return {
    offset: Number(match[1]),
    words: match[4] ?? '',
    ...(category ? { category } : {}),
    ...(region ? { region } : {}),
  };
}

/**
 * The results this person may change, asked of the access policy once per team or workspace
 * the rows belong to: a crisis line needs `resources.edit-crisis-line`, others `resources.edit`.
 */
async function editableIds(deps: FindDeps, actor: Actor, asker: Asker, rows: readonly ResourceRow[]) {
  const byTarget = new Map<string, Promise<Set<string>>>();
  const editable = new Set<string>();
  for (const row of rows) {
    const target = changeTarget(asker, row);
    const key = target.teamId ?? `w:${target.workspaceId}`;
    let allowed = byTarget.get(key);
    if (!allowed) {
      allowed = deps.access.allowedOf(actor, ['resources.edit', 'resources.edit-crisis-line'], target);
      byTarget.set(key, allowed);
    }
    const verb = row.category === 'crisis-line' ? 'resources.edit-crisis-line' : 'resources.edit';
    if ((await allowed).has(verb)) editable.add(row.id);
  }
  return editable;
}

export async function findView(
  deps: FindDeps,
  actor: Actor,
  asker: Asker,
  request: FindRequest,
  t: Translate = english,
) {
  const { prisma } = deps;
  const crisisRegion = request.region ?? asker.region;
  const crisis = soundsLikeCrisis(request.words, request.category)
    ? await crisisLinesFor(prisma, asker.viewer, crisisRegion, request.words, t.language)
    : [];
  const firstPage = request.offset === 0;
  const limit = crisis.length > 0 && firstPage ? PAGE_UNDER_CRISIS : PAGE;
  const query = {
    words: request.words,
    viewer: asker.viewer,
    limit,
    offset: request.offset,
    exclude: crisis.map((row) => row.id),
    ...(request.category ? { category: request.category } : {}),
    // For crisis words, other countries' lines below would only be noise: the region applies.
    ...(request.region || crisis.length > 0 ? { region: crisisRegion } : {}),
  };
  const words = request.words.trim();
  const found =
    words.length < 2 && (request.category || request.region)
      ? await browseCategory(prisma, query)
      : await searchResources(prisma, query);
  if (firstPage && crisis.length === 0 && found.items.length === 0 && words.length >= 2) {
    const lines = await crisisLinesFor(prisma, asker.viewer, crisisRegion, '', t.language);
    return {
      text: t('resources.nothingFound.summary', { words: literal(words) }),
      blocks: nothingFoundBlocks({ words, region: crisisRegion, crisisLines: lines }, t),
    };
  }
  const next = { ...request, offset: request.offset + limit };
  return resultsView(
    {
      ...(firstPage && crisis.length > 0 ? { crisis: { region: crisisRegion, rows: crisis } } : {}),
      results: found.items,
      ...(found.more ? { more: { value: encodeMore(next) } } : {}),
      words: words || (request.category ?? request.region ?? ''),
      page: Math.floor(request.offset / PAGE) + 1,
      ...(found.correctedTo ? { correctedTo: found.correctedTo } : {}),
      similarOnly: found.how === 'similar',
      editable: await editableIds(deps, actor, asker, found.items),
    },
    t,
  );
}

export async function runFind(
  deps: FindDeps,
  context: { actor: ActionContext['actor']; place: ActionContext['place']; reply: ActionContext['reply'] },
  request: FindRequest,
): Promise<void> {
  const words = request.words.trim();
  // One letter (or nothing) would list everything: help and the categories instead. A
  // category or a region alone narrows it enough to list (`/peer find region:US-TX`).
  const t = await translatorForActor(deps.prisma, context.actor, { channelId: context.place.channelId });
  if (words.replace(/[^\p{L}\p{N}]/gu, '').length < 2 && !request.category && !request.region) {
    await context.reply.privately(findHelpView(t));
    return;
  }
  const asker = await askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);
  await context.reply.privately(await findView(deps, context.actor, asker, request, t));
}

/** What a Send/Share button names: one entry (`r:<id>`) or a region's crisis lines (`c:<region>`). */
async function pickedView(deps: FindDeps, asker: Asker, value: string | undefined, t: Translate = english) {
  if (value?.startsWith('c:')) {
    const region = normaliseRegion(value.slice(2));
    if (!region) return undefined;
    return crisisCardView(await crisisLinesFor(deps.prisma, asker.viewer, region, '', t.language), region, t);
  }
  if (value?.startsWith('r:')) {
    const row: ResourceRow | null = await deps.prisma.resource.findFirst({
      where: { AND: [{ id: value.slice(2) }, visibleTo(asker.viewer)] },
    });
    return row ? resourceCardView(row, t) : undefined;
  }
  return undefined;
}

export async function sendToMe(deps: FindDeps, context: ActionContext): Promise<void> {
  const asker = await askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);
  const t = await translatorForActor(deps.prisma, context.actor, { channelId: context.place.channelId });
  const shown = await pickedView(deps, asker, context.value, t);
  if (!shown) return context.reply.privately(text(t('resources.find.gone')));
  // A DM is a message outside the reply: it goes through the outbox, so it is never lost.
  await enqueueOutbox(deps.prisma, deps.cipher, {
    idempotencyKey: `resources-send:${context.event.eventId}`,
    platform: context.actor.platform,
    workspaceExternalId: context.actor.workspaceId,
    target: { kind: 'dm', userId: context.actor.userId },
    recipientMemberId: asker.memberId,
    view: shown,
    respectQuietHours: false,
    notBefore: deps.clock.now(),
  });
  deps.notifyOutbox();
  await context.reply.privately(text(t('resources.find.sent')));
}

export async function shareInChannel(deps: FindDeps, context: ActionContext): Promise<void> {
  if (context.place.isDirect || !context.place.channelId) {
    const mine = await translatorForActor(deps.prisma, context.actor);
    return context.reply.privately(text(mine('resources.find.shareHere')));
  }
  const asker = await askerOf(deps.prisma, context.actor, context.place, deps.defaultRegion);
  // Shared in the channel: everyone there reads it, so it is in the team's language.
  const team = asker.team ? await deps.prisma.team.findUnique({ where: { id: asker.team.id } }) : null;
  const t = translatorOf(channelLanguage(team?.language));
  const shown = await pickedView(deps, asker, context.value, t);
  if (!shown) {
    const mine = await translatorForActor(deps.prisma, context.actor, { channelId: context.place.channelId });
    return context.reply.privately(text(mine('resources.find.gone')));
  }
  const name = literal(asker.displayName);
  await context.reply.publicly({
    text: t('resources.find.shared', { name, what: shown.text }),
    blocks: [...shown.blocks, { type: 'context', text: t('resources.find.sharedBy', { name }) }],
  });
}

export async function moreResults(deps: FindDeps, context: ActionContext): Promise<void> {
  const request = decodeMore(context.value);
  if (!request) {
    const t = await translatorForActor(deps.prisma, context.actor, { channelId: context.place.channelId });
    return context.reply.privately(text(t('resources.find.lostSearch')));
  }
  await runFind(deps, context, request);
}
