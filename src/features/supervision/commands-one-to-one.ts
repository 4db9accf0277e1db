// `/peer supervision slots | book | rebook`: one-to-one supervision.
import { defineCommand } from '../../chat/index.ts';
import type { MarkupText } from '../../chat/markup.ts';
import type { Translate } from '../../i18n/index.ts';
import { books, memberContext, refOf } from './context.ts';
import type { SupervisionDeps } from './deps.ts';
import { tellSupervisor } from './one-to-one-notice.ts';
import { checkRef, checkSlots, checkZone, splitSlots } from './options.ts';
import { findSessionByRef } from './series-service.ts';
import { bookSlot, openSlots, publishSlots } from './slots.ts';
import { localToInstant, parseLocalSlot } from './time.ts';
import { bookedView, refusalView, slotsView } from './views.ts';

/** The refusal for someone on no team, or another team, booking this team's one-to-one time. */
export const notAMember = (t: Translate): MarkupText => t('supervision.refuse.notAMember');

export function oneToOneCommands(deps: SupervisionDeps) {
  const { prisma, clock } = deps;

  const slots = defineCommand({
    name: 'slots',
    group: 'supervision',
    description: 'See open one-to-one slots, or offer yours (supervisors)',
    help: 'Without `times` it lists the open slots. Supervisors offer slots like `slots times:"2026-03-04 10:00, 2026-03-04 11:00" length:50`; slots of one supervisor never overlap.',
    who: 'everyone',
    // Listing is for everyone on the team; offering (`times`) is asked of the policy on the row
    // (`offersSlots`, verb `supervision.slots`), so a member can still see the open slots.
    verb: 'supervision.view',
    where: 'anywhere',
    options: {
      times: {
        type: 'string',
        description: 'Slots to offer, like 2026-03-04 10:00, comma separated',
        maxLength: 400,
        check: checkSlots,
      },
      length: {
        type: 'integer',
        description: 'Length in minutes (10 to 240, default 60)',
        min: 10,
        max: 240,
      },
      timezone: { type: 'string', description: 'Time zone of the times (default yours)', check: checkZone },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const now = clock.now();
      const { t } = context.value;
      if (!options.times)
        return reply.privately(
          slotsView(await openSlots(prisma, context.value.team.id, now), context.value.zone, t),
        );
      const typed = splitSlots(options.times);
      if (typed.length > 20) return reply.privately(refusalView(t('supervision.refuse.tooManyOffered')));
      const zone = options.timezone ?? context.value.zone;
      const starts = typed.map((text) => {
        const s = parseLocalSlot(text);
        return s ? localToInstant(s.date, s.time, zone) : new Date(Number.NaN);
      });
      const published = await publishSlots(prisma, context.value, starts, options.length ?? 60, now);
      if (!published.ok) return reply.privately(refusalView(published.reason));
      await reply.privately(
        slotsView(
          await openSlots(prisma, context.value.team.id, now, 20),
          context.value.zone,
          t,
          t('supervision.slots.offered', { count: published.value.length }),
        ),
      );
    },
  });

  const book = defineCommand({
    name: 'book',
    group: 'supervision',
    description: 'Book an open one-to-one slot',
    help: 'Use the code from `/peer supervision slots`, like `book slot:#a1b2c3`. You and your supervisor both get reminders.',
    who: 'everyone',
    verb: 'supervision.book',
    where: 'anywhere',
    options: {
      slot: { type: 'string', description: 'The slot code, like #a1b2c3', required: true, check: checkRef },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      // A supervisor's one-to-one time is for their own team: the channel alone does not say
      // someone belongs to it.
      if (!books(context.value)) return reply.privately(refusalView(notAMember(context.value.t)));
      const booked = await bookSlot(prisma, context.value, refOf(options.slot), clock.now());
      if (!booked.ok)
        return reply.privately(
          slotsView(booked.alternatives, context.value.zone, context.value.t, booked.reason),
        );
      await tellSupervisor(deps, booked.session, context.value.member.displayName, false);
      await reply.privately(
        bookedView(booked.session, booked.slot.supervisor.displayName, context.value.zone, context.value.t),
      );
    },
  });

  const rebook = defineCommand({
    name: 'rebook',
    group: 'supervision',
    description: 'Move your one-to-one booking to another open slot',
    help: 'Both happen together: if the new slot is gone, your booking stays as it was.',
    who: 'everyone',
    verb: 'supervision.book',
    where: 'anywhere',
    options: {
      booking: {
        type: 'string',
        description: 'Your booking’s code, like #a1b2c3',
        required: true,
        check: checkRef,
      },
      slot: { type: 'string', description: 'The new slot’s code', required: true, check: checkRef },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const current = await findSessionByRef(prisma, context.value.team.id, refOf(options.booking));
      if (!current || current.superviseeId !== context.value.member.id || current.status !== 'scheduled') {
        return reply.privately(refusalView(context.value.t('supervision.refuse.noBooking')));
      }
      const booked = await bookSlot(prisma, context.value, refOf(options.slot), clock.now(), current);
      if (!booked.ok)
        return reply.privately(
          slotsView(booked.alternatives, context.value.zone, context.value.t, booked.reason),
        );
      await tellSupervisor(deps, booked.session, context.value.member.displayName, true);
      await reply.privately(
        bookedView(booked.session, booked.slot.supervisor.displayName, context.value.zone, context.value.t),
      );
    },
  });

  return [slots, book, rebook];
}
