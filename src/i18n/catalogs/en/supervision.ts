// Supervision: series, polls, RSVPs, reminders, agenda, one-to-ones, attendance and hours.
// Person-written values (titles, topics, names, team names) always arrive as literal().
export const supervision = {
  rsvp: {
    going: 'Going',
    maybe: 'Maybe',
    cant: 'Can’t',
    counts: 'Going {{going}} · Maybe {{maybe}} · Can’t {{cant}}',
    saidGoing: 'going',
    saidMaybe: 'maybe',
    saidCant: 'can’t',
    thanks: 'Thanks, you’re down as {{said}} for "{{title}}" ({{when}}). {{counts}}. Change it any time.',
    whoHead: 'Answers for "{{title}}" (only you see this):',
    whoLine: '{{said}}: {{names}}',
    nobody: 'nobody yet',
  },
  post: {
    summary: '{{title}}: {{when}}',
    when: 'When',
    code: 'Code',
    footer:
      '{{counts}}. Times here are in the session’s time zone; `/peer supervision list` shows them in yours.',
    who: 'Who’s coming (facilitator)',
    calendar: 'Calendar file',
  },
  announce: {
    lead: 'A new supervision series: {{rule}}, {{minutes}} minutes, series #{{ref}}. Will you come to the first one? Answer any time, and skip whatever doesn’t fit.',
    leadCapped:
      'A new supervision series: {{rule}}, {{minutes}} minutes, series #{{ref}}. It runs for 12 months for now; the facilitator can extend it. Will you come to the first one? Answer any time, and skip whatever doesn’t fit.',
  },
  rule: {
    daily_one: 'Every day',
    daily_other: 'Every {{count}} days',
    weekly_one: 'Every week',
    weekly_other: 'Every {{count}} weeks',
    monthly_one: 'Every month',
    monthly_other: 'Every {{count}} months',
    yearly_one: 'Every year',
    yearly_other: 'Every {{count}} years',
    repeating: 'Repeating',
    withDays: '{{every}} ({{days}})',
  },
  changed: {
    cancelled: '"{{title}}" on {{when}} is cancelled. Nothing to do on your side.',
    moved: '"{{title}}" has moved from {{before}} to {{when}}.',
  },
  pollDone: {
    lead_one:
      'The poll "{{title}}" found a time. Thank you for voting ({{count}} answer for this slot). Your vote is now your RSVP; change it any time below.',
    lead_other:
      'The poll "{{title}}" found a time. Thank you for voting ({{count}} answers for this slot). Your vote is now your RSVP; change it any time below.',
    leadSeries_one:
      'The poll "{{title}}" found a time for a weekly series. Thank you for voting ({{count}} answer for this slot). Your vote is now your RSVP; change it any time below.',
    leadSeries_other:
      'The poll "{{title}}" found a time for a weekly series. Thank you for voting ({{count}} answers for this slot). Your vote is now your RSVP; change it any time below.',
  },
  poll: {
    line: '{{n}}. {{when}}: yes {{yes}}, if need be {{maybe}}, no {{no}}',
    closedHead: 'Poll closed: {{title}}',
    openHead: 'When can we meet? {{title}}',
    thanks: 'Thank you for voting.',
    closes:
      'Closes {{when}}. Press Vote to see every slot in your own time zone. Standing: most yes, then most if-need-be.',
    closesSeries:
      'Closes {{when}}; the chosen time becomes a weekly series. Press Vote to see every slot in your own time zone. Standing: most yes, then most if-need-be.',
    vote: 'Vote',
    pick: 'Pick the time (organiser)',
    up: 'Your poll is up. When it closes I’ll send you a button to pick the time; you can also pick earlier from the poll.',
    reminder:
      'The poll "{{title}}" closes {{when}}. If you’d like a say in the time, there’s still room to vote; if not, no need to do anything.',
    closedForOrganiser: 'Your poll "{{title}}" has closed. Pick the time whenever you’re ready.',
    pickNow: 'Pick the time',
    saved_one: 'Thank you, your answer is saved. You can change it until the poll closes.',
    saved_other: 'Thank you, your {{count}} answers are saved. You can change them until the poll closes.',
    set: 'Done: "{{title}}" is set for {{when}}. Votes became RSVPs, and I posted it in the channel.',
    setWeekly:
      'Done: "{{title}}" is set for {{when}}, weekly. Votes became RSVPs, and I posted it in the channel.',
  },
  vote: {
    title: 'Your availability',
    submit: 'Save my votes',
    intro: 'Times are in your time zone, {{zone}}. Leave a slot empty to skip it.',
    yes: 'Yes',
    maybe: 'If need be',
    no: 'No',
  },
  pick: {
    title: 'Pick the time',
    submit: 'Pick',
    intro: 'Times are in your time zone, {{zone}}. Votes for the chosen slot become RSVPs.',
    slot: 'Slot',
    choice: '{{when}} · yes {{yes}}, maybe {{maybe}}',
  },
  list: {
    none: 'No supervision sessions are coming up. A supervisor can start a series with `/peer supervision new`.',
    header: 'Coming up',
    zone: 'In your time zone, {{zone}}.',
    oneToOne: '(one-to-one)',
    saidGoing: 'you said going',
    saidMaybe: 'you said maybe',
    saidCant: 'you said can’t',
    summary_one: '{{count}} supervision session coming up',
    summary_other: '{{count}} supervision sessions coming up',
  },
  reminder: {
    hours_one: 'in about an hour',
    hours_other: 'in about {{count}} hours',
    minutes_one: 'in {{count}} minute',
    minutes_other: 'in {{count}} minutes',
    text: 'A gentle reminder: "{{title}}" starts {{soon}}, {{when}}.',
    footer:
      'If it no longer fits, that’s fine: change your answer, or turn these reminders off with `/peer supervision reminders off`.',
  },
  agenda: {
    channelHead: 'Agenda for "{{title}}"',
    head: 'The agenda for "{{title}}" ({{when}})',
    none: 'No topics were added.',
    withoutName: '**Without a name**',
    addedNamed: 'Added with your name to "{{title}}" on {{when}}. Thank you.',
    addedAnonymous: 'Added anonymously (no name is stored) to "{{title}}" on {{when}}. Thank you.',
  },
  attendance: {
    prompt:
      '"{{title}}" ({{when}}) has ended. When you have a moment, confirm who attended: it counts toward their supervision hours.',
    confirm: 'Confirm attendance',
    title: 'Who attended',
    submit: 'Confirm',
    intro: 'Pre-filled from the RSVPs. Tick everyone who came.',
    attended: 'Attended',
    saved_one: 'Attendance saved: {{count}} person. It counts toward their supervision hours.',
    saved_other: 'Attendance saved: {{count}} people. It counts toward their supervision hours.',
  },
  slots: {
    none: 'No one-to-one slots are open right now. A supervisor can offer some with `/peer supervision slots`.',
    zone: 'Open one-to-one slots, in your time zone ({{zone}}).',
    entry: '#{{ref}} · {{when}} with {{supervisor}}',
    book: 'Book #{{ref}}',
    summary_one: '{{count}} open one-to-one slot',
    summary_other: '{{count}} open one-to-one slots',
    offered_one: 'You offered {{count}} slot.',
    offered_other: 'You offered {{count}} slots.',
  },
  booked: {
    text: 'Booked: one-to-one supervision with {{supervisor}}, {{when}} (#{{ref}}). You’ll both get reminders. To change it: `/peer supervision rebook` or `/peer supervision cancel`.',
    forSupervisor:
      '{{supervisee}} booked a one-to-one supervision with you: {{when}} (#{{ref}}). You’ll both get reminders.',
    movedForSupervisor:
      '{{supervisee}} moved their one-to-one supervision with you: {{when}} (#{{ref}}). You’ll both get reminders.',
  },
  oneToOne: {
    title: 'One-to-one supervision',
  },
  hours: {
    none: 'No supervision hours are recorded for you yet. Group sessions count once the facilitator confirms attendance; one-to-ones count once they have taken place.',
    line: '{{month}}: group {{group}} h, one-to-one {{oneToOne}} h',
    summary: 'Your supervision hours: {{total}} h',
    header: 'Your supervision hours',
    total: 'Total {{total}} h. Only you see this.',
  },
  series: {
    planned_one:
      '"{{title}}" is planned: {{count}} session, the first {{when}}. I posted it with RSVP buttons.',
    planned_other:
      '"{{title}}" is planned: {{count}} sessions, the first {{when}}. I posted it with RSVP buttons.',
    capped: 'You gave no end, so I planned 12 months; `/peer supervision edit` with `until` changes that.',
    events_one: 'The next one is in the server’s Events too.',
    events_other: 'The next {{count}} are in the server’s Events too.',
    code: 'Series code: #{{ref}}.',
    updated:
      '"{{title}}" is updated ({{added}} sessions planned anew, {{removed}} dropped). Moved and cancelled sessions kept their changes; calendar files will update.',
    moved: 'Moved to {{when}}. Everyone who answered will hear about it.',
    cancelled: '"{{title}}" on {{when}} is cancelled. Everyone who answered will hear about it.',
  },
  settings: {
    hours: '{{count}} h',
    minutes: '{{count}} min',
    and: '{{first}} and {{second}}',
    saved: 'Reminders go {{when}} before each session; the agenda is posted in the channel at the start.',
    savedNoAgenda:
      'Reminders go {{when}} before each session; the agenda is not posted in the channel at the start.',
    remindersOff: 'Supervision reminders are off for you. Turn them on again any time.',
    remindersOn: 'Supervision reminders are on for you.',
  },
  files: {
    calendarFor: 'The calendar for "{{title}}".',
    reportCovers_one: 'The report covers {{count}} session.',
    reportCovers_other: 'The report covers {{count}} sessions.',
    sent: '{{said}} I sent it to you as a file in our direct messages ({{file}}).',
    inline: '{{said}} Here it is ({{file}}); save it as a file:',
  },
  report: {
    session: 'session',
    kind: 'kind',
    title: 'title',
    startsAtUtc: 'starts_at_utc',
    startsLocal: 'starts_local',
    minutes: 'minutes',
    status: 'status',
    facilitator: 'facilitator',
    attendee: 'attendee',
    group: 'group',
    oneToOne: 'one-to-one',
    scheduled: 'scheduled',
    cancelled: 'cancelled',
    done: 'done',
  },
  calendar: {
    description: 'Group supervision, from PeerBridge.',
    oneToOneDescription: 'One-to-one supervision, from PeerBridge.',
  },
  events: {
    description: 'Group supervision, from PeerBridge.',
    missingPermission:
      'One more thing for a server admin: I couldn’t add these sessions to the server’s Events, because I don’t have the **Manage Events** permission. Everything else works; to get Discord events too, give my role Manage Events and create the series again.',
    notChangedPermission:
      'I couldn’t change the server’s Event for this session, because I don’t have the **Manage Events** permission. Please change or cancel it in Events by hand.',
    notChanged: 'I couldn’t change the server’s Event for this session just now. Please check it in Events.',
  },
  privacy: {
    answers: 'Supervision answers',
    answersValue:
      '{{rsvps}} RSVPs (with attendance once confirmed) and {{votes}} poll votes. Counts are shared; names only with the facilitator.',
    topics: 'Agenda topics',
    topicsValue_one:
      '{{count}} with your name. Anonymous topics store no name at all, so they are not counted here.',
    topicsValue_other:
      '{{count}} with your name. Anonymous topics store no name at all, so they are not counted here.',
    oneToOne: 'One-to-one supervision',
    oneToOneValue_one: '{{count}} booking, seen by you and the supervisor.',
    oneToOneValue_other: '{{count}} bookings, seen by you and the supervisor.',
  },
  refuse: {
    runInChannel: 'Please run this in your team channel, so I know which team you mean.',
    notATeam:
      'This channel is not set up as a team yet. Someone can start with `/peer setup` here, then try again.',
    teamGone: 'That team no longer exists.',
    notALead:
      "Only this team's supervisors and admins can do that. If it needs doing, ask one of them; `/peer team show` lists who they are.",
    notAMember:
      'Only members of this team can book its one-to-one supervision. If you belong here, an admin can add you with `/peer team role`.',
    gone: 'I can’t find that any more. `/peer supervision list` shows what’s coming up.',
    noSeries: 'I can’t find that series in this team. `/peer supervision list` shows the codes.',
    noSession: 'I can’t find that session. `/peer supervision list` shows the codes.',
    noSessionOrSeries: 'I can’t find that session or series. `/peer supervision list` shows the codes.',
    noBooking: 'I can’t find a booking of yours with that code. `/peer supervision list` shows them.',
    tooManySlots:
      'A poll can hold up to {{max}} slots; you gave {{count}}. Please pick your favourite {{max}}.',
    tooManyOffered: 'Please offer up to 20 slots at a time.',
    toBeforeFrom: '`to` comes before `from`; please swap them.',
    firstInPast: 'The first session would be in the past. Please pick a date and time still ahead.',
    pollSlotCount: 'A poll needs {{min}} to {{max}} slots; you gave {{count}}.',
    pollSameSlot: 'Two of the slots are the same time; each slot needs its own.',
    pollSlotPast: 'One of the slots is in the past. Please propose times still ahead.',
    pollClosesLate:
      'The poll would close after the first slot begins. Please pick a shorter deadline or later slots.',
    pollClosed:
      'This poll has closed, so votes can’t change any more. Thank you for wanting to help find a time.',
    pollGone: 'I can’t find that poll any more.',
    pollUnknownSlot: 'That vote names a slot this poll doesn’t have. Please open the vote again.',
    pollNotOrganiser: 'Only the person who started the poll (or a supervisor) can pick the time.',
    pollPicked: 'A time was already picked for this poll.',
    pollNotSlot: 'That slot is not part of this poll.',
    pollSlotBegun: 'That slot has already begun; please pick one still ahead.',
    sessionGone: 'I can’t find that session any more.',
    sessionGoneList: 'I can’t find that session any more. `/peer supervision list` shows what’s coming up.',
    sessionCancelled: 'That session was cancelled, so there is nothing to answer. Thank you for checking.',
    sessionOver: 'That session is already over.',
    onlyFacilitatorNames: 'Only the facilitator sees who answered; everyone sees the counts.',
    onlyFacilitatorAttendance: 'Only the facilitator (or a supervisor) confirms attendance.',
    notStarted: 'That session hasn’t started yet; attendance can be confirmed once it has.',
    reportLeadsOnly:
      'Only supervisors and admins can download the team report. Your own hours are in `/peer supervision hours`.',
    noSessionForTopic:
      'There is no group session coming up yet, so there is no agenda to add to. A supervisor can start one with `/peer supervision new`.',
    cannotChange:
      'Only the facilitator, the team’s supervisors and admins (or, for a one-to-one, the two people in it) can change this session.',
    cannotMove: 'That session is already over or cancelled, so it can’t be moved.',
    movePast: 'The new time is in the past. Please pick a time still ahead.',
    moveClash:
      'The new time overlaps another one-to-one with the same supervisor. Please pick a time that’s free for them (`/peer supervision list` shows the bookings).',
    cannotCancel: 'That session is already over or cancelled.',
    slotsLeadsOnly:
      'Only supervisors can offer one-to-one slots. An admin can give you the role with `/peer team role`.',
    slotsPast: 'One of the slots is in the past. Please offer times still ahead.',
    slotsOverlap: 'Two of those slots overlap each other. Please offer times that don’t overlap.',
    slotsOverlapOffered:
      'One of those slots overlaps a slot you already offered. Please pick a time that doesn’t overlap.',
    slotTaken: 'Someone booked that slot a moment before you. I’m sorry; here are the slots still open.',
    slotWithdrawn: 'That slot is no longer on offer.',
    slotClash: 'That time overlaps another booking with the same supervisor, so it can’t be booked.',
    slotUnknown: 'I can’t find that slot. Here are the ones open now.',
    ownSlot: 'That is your own slot.',
    bookingGone: 'Your earlier booking was already cancelled, so there is nothing to move.',
    bookingStays: '{{reason}} Your earlier booking stays as it was.',
    ruleCount: 'COUNT in the RRULE must be a whole number of at least 1.',
    ruleUntil: 'UNTIL={{value}} is not a date I can read; write it like 20261231.',
    ruleFixedPart:
      'Please leave {{key}} out of the RRULE: the first date and time come from `date` and `time`.',
    ruleUnknownPart:
      'I can’t use {{key}} in a supervision RRULE. I understand FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT and UNTIL.',
    ruleEmptyPart:
      'I can’t use an empty part in a supervision RRULE. I understand FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT and UNTIL.',
    ruleFreq: 'The RRULE needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY (supervision meets at most once a day).',
    ruleNoEnd:
      'An RRULE without an end would run forever. Please add COUNT (like COUNT=10) or UNTIL (like UNTIL=20261231), or use `until`.',
    ruleInvalid: 'That rule doesn’t work: {{reason}}.',
    ruleMissing: 'With `repeat:rrule`, please give the rule in `rrule`, like FREQ=WEEKLY;BYDAY=TU;COUNT=10.',
    ruleTooLong:
      'A series can run for up to {{months}} months; please pick an earlier end. You can always start a new series later.',
    ruleEndBeforeStart: 'The end date is before the first session.',
    ruleTooMany: 'A series can have up to {{max}} sessions; please ask for fewer.',
    ruleFirstDate:
      'The first date is not one of the days the rule meets on. Please start the series on one of them.',
  },
  checks: {
    notDate: "'{{value}}' is not a date I can read. Please write it like 2026-03-02.",
    notRealDate: "'{{value}}' is not a real date. Please check the day and month.",
    notTime: "'{{value}}' is not a time I can read. Please write it like 18:30.",
    notRef:
      "'{{value}}' is not a reference I know. Use the six-character code from `/peer supervision list`, like #a1b2c3.",
    notSlot: "'{{value}}' is not a slot I can read. Write each like 2026-03-02 18:00, separated by commas.",
    notChannel: "I couldn't tell which channel '{{value}}' is. Please mention it, like #peer-support.",
    notReminders:
      "'{{value}}' isn't a list of reminder times I can read. Try 24h,15m (one to three, each 5 minutes to 7 days).",
  },
} as const;
