// `/peer supervision poll`: propose 2 to 10 slots; people vote in their own time zone.
import { defineCommand, errorFields, type MessageRef } from '../../chat/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { leads, notALead, teamContext } from './context.ts';
import type { SupervisionDeps } from './deps.ts';
import { checkSlots, checkZone, lengthOption, splitSlots } from './options.ts';
import { createPoll, MAX_SLOTS, type PollWithOptions, standings } from './poll.ts';
import { addMinutes, localToInstant, parseLocalSlot } from './time.ts';
import { doneView, pollView, refusalView, teamTranslator } from './views.ts';

/**
 * Redraws the poll message with the live standing. An edit, not a new message: best effort.
 * `t` is the team's language (teamTranslator): the poll is a channel post.
 */
export async function refreshPollMessage(
  deps: SupervisionDeps,
  poll: PollWithOptions,
  workspace: Omit<MessageRef, 'channelId' | 'messageId'>,
  t: Translate,
): Promise<void> {
  if (!poll.messageId) return;
  const client = deps.clientFor(workspace.platform);
  try {
    await client?.updateMessage(
      { ...workspace, channelId: poll.channelId, messageId: poll.messageId },
      pollView(poll, standings(poll), t),
    );
  } catch (error) {
    deps.logger.warn(
      { event: 'supervision.poll_refresh_failed', err: errorFields(error) },
      'The poll message could not be updated',
    );
  }
}

export function pollCommands(deps: SupervisionDeps) {
  const { prisma, clock } = deps;
  const poll = defineCommand({
    name: 'poll',
    group: 'supervision',
    description: 'Find a time: propose 2 to 10 slots and let people vote',
    help: 'Everyone votes yes, if need be or no per slot and sees each slot in their own time zone. Example: `poll title:"Case review" slots:"2026-03-02 18:00, 2026-03-03 09:00" length:60 closes:48`. Add `series:yes` to make the chosen time a weekly series.',
    who: 'supervisor',
    verb: 'supervision.schedule',
    where: 'channel',
    options: {
      title: { type: 'string', description: 'What the meeting is', required: true, maxLength: 80 },
      slots: {
        type: 'string',
        description: 'Slots like 2026-03-02 18:00, separated by commas',
        required: true,
        maxLength: 400,
        check: checkSlots,
      },
      length: { ...lengthOption, required: true },
      closes: { type: 'integer', description: 'Hours until the poll closes (default 48)', min: 1, max: 336 },
      series: { type: 'boolean', description: 'Make the chosen time a weekly series' },
      timezone: { type: 'string', description: 'Time zone of the slots (default yours)', check: checkZone },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await teamContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      if (!leads(context.value)) return reply.privately(refusalView(notALead(context.value)));
      const { t } = context.value;
      const typed = splitSlots(options.slots);
      if (typed.length > MAX_SLOTS)
        return reply.privately(
          refusalView(t('supervision.refuse.tooManySlots', { max: MAX_SLOTS, count: typed.length })),
        );
      const zone = options.timezone ?? context.value.zone;
      const starts = typed.map((text) => {
        const slot = parseLocalSlot(text);
        return slot ? localToInstant(slot.date, slot.time, zone) : new Date(Number.NaN);
      });
      const now = clock.now();
      const created = await createPoll(
        prisma,
        context.value,
        {
          title: options.title,
          starts,
          lengthMinutes: options.length,
          closesAt: addMinutes(now, (options.closes ?? 48) * 60),
          asSeries: options.series ?? false,
          timeZone: zone,
          channelId: place.channelId ?? '',
        },
        now,
      );
      if (!created.ok) return reply.privately(refusalView(created.reason));
      const posted = await reply.publicly(
        pollView(created.value, standings(created.value), teamTranslator(context.value.team)),
      );
      if (posted)
        await prisma.poll.update({
          where: { id: created.value.id },
          data: { messageId: posted.messageId, channelId: posted.channelId },
        });
      await reply.privately(doneView(t('supervision.poll.up')));
    },
  });
  return [poll];
}
