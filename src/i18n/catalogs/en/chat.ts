// The router's and the command table's words: `/peer help`, the gentle replies, option and
// input checks, notices, and the access policy's refusals. Command descriptions and help are
// under `commands` (by path) and `groups`; each translates the English its `defineCommand`
// carries (src/i18n/translate.ts, translateSource).
export const chat = {
  help: {
    header: 'What I can help with',
    intro: 'Type `{{root}}` and one of these. Everything here is optional, at your own pace.',
    audience: {
      everyone: 'For everyone',
      supervisor: 'For team leads (supervisors and admins)',
      admin: 'For team admins',
    },
    section: '**{{title}}**\n{{lines}}',
    line: '{{usage}}: {{description}}',
    lineChannel: '{{usage}}: {{description}} (in a team channel)',
    lineDirect: '{{usage}}: {{description}} (in a direct message with me)',
    more: 'To read more about one, add its name, like `{{root}} help {{example}}`. You can skip or snooze anything I send.',
    summary: 'What I can help with: {{root}} help',
    noneYours: 'None of these are part of your role here, and that is fine.',
    unknownGuess: "I don't have a command called `{{typed}}`. Did you mean `{{root}} help {{guess}}`?",
    unknown: "I don't have a command called `{{typed}}`. `{{root}} help` lists what I can do.",
    worksChannel: 'Works (in a team channel).',
    worksDirect: 'Works (in a direct message with me).',
    forSupervisors: 'This one is for supervisors.',
    forAdmins: 'This one is for team admins.',
    notYours: 'It looks like that is not yours to do here.',
    commandSummary: '{{usage}}: {{description}}',
    optionNeeded: '{{description}}. Needed.',
    optionOptional: '{{description}}. Optional.',
    optionNeededChoices: '{{description}}. Needed. One of: {{choices}}.',
    optionOptionalChoices: '{{description}}. Optional. One of: {{choices}}.',
  },
  replies: {
    problemsOne: "I couldn't run {{usage}} yet; one thing needs a small change:",
    problemsMany: "I couldn't run {{usage}} yet; a few things need a small change:",
    problemsSummary: '{{usage}} needs a small change',
    problemLine: '• {{problem}}',
    nothingSaved: 'Nothing was saved. Try again whenever you are ready.',
    apologySummary: 'Sorry, something went wrong on my side',
    apology:
      "I'm sorry, something went wrong on my side and I couldn't finish that. You didn't do anything wrong.",
    apologyNext:
      'Nothing was saved half-way, so it is safe to try again in a minute. If it keeps happening, a team admin can look into it; `{{root}} help` is here too.',
    unknownCommand:
      "I don't know `{{root}} {{typed}}` yet; it may have changed. Try `{{root}} help` to see what I can do.",
    staleAction:
      "That button seems to be from an older message, so I couldn't act on it. Nothing changed. `{{root}} help` shows what I can do now.",
    staleForm:
      "I couldn't match that form to anything; it may have expired. Nothing was saved, and you are welcome to start again (`{{root}} help` can help).",
    wrongPlaceDirect:
      '{{usage}} works in a direct message with me, so it stays just between us. Open a message with me and try it there.',
    wrongPlaceChannel: "{{usage}} works in a team channel. Try it in your team's channel.",
    noChat:
      "Thanks for the message. I'm a bot, so I can't chat, but `{{root}} help` shows what I can help with.",
    formControl:
      "I couldn't save that form: the field `{{field}}` has an invisible control character in it (such as a NUL byte or a text-direction mark). Please type it again without it; nothing was saved.",
  },
  options: {
    named: '`{{name}}`: {{problem}}',
    controlCharacter:
      'it has an invisible control character in it (such as a NUL byte or a text-direction mark). Please type it again without it; nothing was saved.',
    tooShort: "that's a little short; it needs at least {{min}} characters.",
    tooLong: "that's {{length}} characters, and I can take up to {{max}}. A shorter version works fine.",
    notWhole: "'{{value}}' isn't a whole number. Try something like 2.",
    range: 'pick a number from {{min}} to {{max}}.',
    atLeast: 'pick a number of {{min}} or more.',
    atMost: 'pick a number of {{max}} or less.',
    notYesNo: "'{{value}}' isn't a yes or no. Try yes or no.",
    notAChoice: "'{{value}}' isn't one of the choices. Try one of: {{choices}}.",
    missing: 'please add this one ({{description}}).',
    unreadable: 'I could not read that value. Try typing it again.',
    unknownOne: "I don't know an option called {{names}}.",
    unknownMany: "I don't know the options {{names}}.",
    notATimeZone: "'{{value}}' is not a time zone I know. Try one like Europe/Berlin or America/New_York.",
  },
  inputs: {
    time: "'{{value}}' isn't a time of day I can read. Try one like 17:30 or 9:00.",
    date: "'{{value}}' isn't a date I can read. Write it year-month-day, like 2027-03-14.",
    timeZone:
      "'{{value}}' isn't a time zone I know. Use a place name like Europe/Berlin or America/New_York.",
    wholeNumber:
      "'{{value}}' isn't a number of {{unit}} I can use; pick a whole number from {{min}} to {{max}}.",
  },
  parse: {
    needsWord: '`{{root}} {{group}}` needs one more word: {{names}}. `{{root}} help {{group}}` says more.',
    unknownGuess:
      "I don't know `{{root}} {{typed}}`. Did you mean `{{root}} {{guess}}`? `{{root}} help` shows everything I can do.",
    unknown: "I don't know `{{root}} {{typed}}` yet. Try `{{root}} help` to see everything I can do.",
    givenTwice: "`{{name}}` was given twice, so I wasn't sure which one you meant.",
    takes: '{{usage}} takes: {{names}}.',
    takesNothing: "{{usage}} doesn't take anything after it.",
    unknownOption: "I don't know an option called `{{name}}` here, so nothing was changed. {{takes}}",
    unknownOptionGuess:
      "I don't know an option called `{{name}}` here, so nothing was changed. Did you mean `{{guess}}`? {{takes}}",
    quoteHint: '{{said}} If `{{raw}}` is part of your text, put it in "double quotes".',
    notAChoice: "it isn't one of: {{choices}}.",
    unplaced: "I wasn't sure what '{{word}}' was for. {{takes}}",
    misread: "I read '{{word}}' as `{{name}}`, and {{problem}} {{takes}}",
  },
  forms: {
    part: 'Part {{page}} of {{pages}}.',
    next: 'Next',
    more: '…and more that did not fit here.',
  },
  notice: {
    open: 'Open',
  },
  access: {
    notHere: "That isn't something I can do for you here.",
    unknownVerb:
      'I am not sure who may do that, so I did nothing. Please tell whoever runs PeerBridge: this command has no access rule yet.',
    elsewhere:
      'That belongs to another workspace, so I did nothing. PeerBridge keeps each workspace’s teams apart.',
    runInTeamChannel: 'Please run this in the channel your team uses.',
    teamSettings:
      "Only this team's admins can change its set-up. If something here needs changing, ask one of them; `/peer team show` lists who they are.",
    teamElsewhere: 'That team is not in your workspace.',
    teamAdminsOnly:
      "Only this team's admins can do that. `/peer team show` lists who they are, if it needs doing.",
    leadsOnly:
      "Only this team's supervisors and admins can do that. `/peer team show` lists who they are, if it needs doing.",
    outboxAdmins:
      'Only admins can see delivery status: a team admin in their team’s channel (for that team), or a workspace admin (for everything). If a message seems lost, one of them can look here for you.',
    outboxRecipients: 'Who a private message is for is shown to workspace admins only; you see how many.',
    privacyExport:
      'An export goes only to the person it is about, so nobody can export someone else’s data. They can run `/peer privacy export` themselves.',
    privacyErase: 'You can erase your own data with `/peer privacy erase`.',
    privacyEraseDeparted:
      'Only an admin of this workspace (as Slack or Discord itself says) can erase data for someone who has left. You can always see, export or erase your own with `/peer privacy`.',
    resourcesEdit:
      'Only team admins can change the shared list: a team’s admins its own entries, a workspace admin the workspace’s. You can suggest a change with `/peer resources suggest`.',
    resourcesEditCrisisLine:
      'Crisis lines can be changed only by an admin of this workspace, so nobody can quietly change a number people rely on. You can suggest a change with `/peer resources suggest`.',
    resourcesEditShared:
      'The shared starting set is the same for every workspace, so it changes only where PeerBridge is run. Editing an entry here makes your workspace’s own copy instead.',
    resourcesReview:
      'Only team admins can change the shared list. You can suggest an entry with `/peer resources suggest`.',
    resourcesImport:
      'Only an admin of this workspace can import resources from a file, so I did not read it. You can suggest entries with `/peer resources suggest`.',
    resourcesExport: 'Only team admins can import or export the resource list.',
    checkinLeads:
      'Only the team’s admins and supervisors can do that. Anyone can answer, skip or pause check-ins.',
    checkinReadPrivate: 'Only their supervisor can read this answer.',
    flagRespond: 'This flag was not sent to you, so I cannot show it to you.',
    selfcareGone: 'That prompt is not there any more.',
    supervisionSession: 'Only the facilitator, the team’s supervisors and admins can do that.',
    supervisionReport: 'Only supervisors and admins can download the team report.',
    supervisionSlots: 'Only supervisors can offer one-to-one slots.',
    supervisionBook: 'Only members of this team can book its one-to-ones.',
    receivePrivate: 'That private message is not for this person any more, so it was not sent.',
  },
  groups: {
    team: {
      description: 'See or change who is on this team',
      help: 'Shows the team, and lets admins give roles and pair members with supervisors.',
    },
    admin: {
      description: 'Tools for team admins',
      help: 'Behind-the-scenes tools for admins: delivery status and retries.',
    },
    resources: {
      description: 'Add, suggest and review shared resources',
      help: 'Members suggest resources; admins add, review, edit and retire them.',
    },
    checkin: {
      description: 'Team check-ins: set up, answer, pause, history',
      help: 'Asynchronous support-circle check-ins: each of you answers in private, when it suits you, and chooses who sees each answer.',
    },
    supervision: {
      description: 'Group supervision, finding a time, one-to-ones and your hours',
      help: 'Series with RSVPs and reminders, time polls across time zones, agenda topics (anonymous allowed), calendar files, one-to-one booking, attendance and hours.',
    },
  },
  commands: {
    setup: {
      description: 'Make this channel a peer team (or change its time zone, region or language)',
      help: 'Run it in the channel your team uses. The first person to run it becomes the team admin. Later, only admins can change the time zone, crisis region, language or name.',
      options: {
        timezone: 'The team time zone, like America/New_York',
        region: 'Where crisis lines should come from, like US or GB',
        language: 'The team language for channel posts: en or es',
        name: 'A name for the team',
      },
    },
    team: {
      show: {
        description: 'See who is on this team and who supervises whom',
        help: 'Lists the people on this team (the channel roster) with their roles, supervisors and support buddies, and how long private flags wait before they go to the next person. Long teams come in pages. Only you see the answer.',
        options: {
          page: 'Which page of a long team',
        },
      },
      role: {
        description: 'Give someone a role in this team, or take it back (admins)',
        help: "Roles are member, supervisor and admin. Add `remove:yes` to take a role back. Only this team's admins can do this.",
        options: {
          user: 'The person, as a mention',
          role: 'The role',
          remove: 'Take the role away instead',
        },
      },
      supervisor: {
        description: 'Pair a member with a primary or backup supervisor (admins)',
        help: "Private flags from the member go to the primary supervisor first, and to the backup when nobody has answered in time. Only this team's admins can do this.",
        options: {
          member: 'The member, as a mention',
          supervisor: 'Their supervisor, as a mention',
          kind: 'Primary or backup',
        },
      },
      escalation: {
        description: 'Set how long a private flag waits before it goes to the next person (admins)',
        help: 'When a supervisor has not seen a private flag in time, it goes to the backup supervisor, then to admins who are supervisors. `after` is for most flags (30 min to 72 h, default 4h); `urgent` for "talk now" (5 min to 2 h, default 15m). Give neither to see the current times.',
        options: {
          after: 'Most flags, like 4h (30m to 72h)',
          urgent: '"Talk now" flags, like 15m (5m to 2h)',
        },
      },
    },
    timezone: {
      description: 'Set your own time zone',
      help: 'Reminders and quiet hours follow your own time zone, like Europe/Berlin or America/Chicago.',
      options: {
        zone: 'Your time zone, like Europe/Berlin',
      },
    },
    'quiet-hours': {
      description: 'Set hours when I hold non-urgent messages, like 21:00-07:00',
      help: 'During your quiet hours I hold anything that is not urgent until they end, in your own time zone. Use `off` to turn them off.',
      options: {
        hours: 'Like 21:00-07:00, or off',
      },
    },
    language: {
      description: 'Choose the language I write to you in (es, en or auto)',
      help: 'es: Spanish, en: English, auto: follow your platform’s language, else your team’s. Posts in the team channel follow the team’s language (`/peer setup language:es`).',
      options: {
        choice: 'es, en or auto',
      },
    },
    admin: {
      outbox: {
        description: 'See messages waiting to be delivered, and retry ones that failed',
        help: "Lists pending and failed deliveries (why they failed, never what they say), with a retry button for each failed one. A team admin sees their own team's, run in the team channel, and of private messages only how many there are; a workspace admin (Slack workspace admin or owner, Discord Manage Server) sees the whole workspace's, anywhere, with who each is for.",
      },
    },
    find: {
      description: 'Find crisis lines, referral services, trainings and self-care material',
      help: 'Search the shared resources, like `/peer find text line` or `/peer find peer support training region:GB`. Crisis lines for your region come first when you search for crisis, suicide or self-harm.',
      options: {
        words: 'What you are looking for',
        category: 'Only this kind of resource',
        region: 'Only resources for this region, like US, GB or US-TX',
      },
    },
    resources: {
      add: {
        description: 'Add a resource to the shared list (admins)',
        help: 'Opens a form for a new entry: name, kind, what it is for, how to reach it, where and when.',
      },
      suggest: {
        description: 'Suggest a resource for the shared list',
        help: 'Opens a form; an admin looks at your suggestion, and I tell you what they decide.',
      },
      review: {
        description: 'Suggestions waiting and entries to check (admins)',
        help: "Lists members' suggestions to approve or decline, then entries not checked for 180 days, with Still right / Edit / Retire.",
      },
      import: {
        description: 'Import resources from a file (workspace admins)',
        help: 'Says how to send me a file in a direct message: HSDS JSON, a zipped HSDS CSV data package, or the simple CSV.',
      },
      export: {
        description: 'Export the shared resources as a file (admins)',
        help: 'Sends the shared list to your direct messages: HSDS JSON (the default), a zipped HSDS CSV data package, or the simple CSV.',
        options: {
          format: 'hsds-json (the default), hsds-csv (a zip) or simple-csv',
        },
      },
    },
    checkin: {
      setup: {
        description: 'Set up a recurring check-in for this team (admins, supervisors)',
        help: 'Opens a form: name, questions, days and time, whose clock, how long a round stays open, and how the digest comes.',
      },
      now: {
        description: 'Open a check-in round right now (admins, supervisors)',
        help: 'Opens a round of the first check-in (or the support circle if none is set up) and sends everyone a private prompt.',
      },
      close: {
        description: 'Close the open check-in round now and post its digest (admins, supervisors)',
        help: 'Closes every open round of this team now; each posts its digest in the channel.',
      },
      list: {
        description: "See this team's check-ins (admins and supervisors can edit, pause or delete)",
        help: 'Lists the check-ins of this team with their days and times.',
      },
      roster: {
        description: 'See who is on the check-in roster, with their roles',
        help: 'The people in this channel, as the platform lists them (bots left out), with their roles. Admins and supervisors read it again from the platform.',
      },
      trend: {
        description: "See the team's weekly mood spread and participation (supervisors)",
        help: 'Counts only, by week; the mood spread shows only when enough people shared one.',
      },
      'min-group': {
        description: 'Smallest group whose mood spread is shown (admins, supervisors; 3 or more)',
        help: 'Digests and trends show the mood spread only when at least this many people answered. It never goes below 3.',
        options: {
          size: 'At least 3',
        },
      },
      pause: {
        description: 'Take a break from check-ins until a date (leave, vacation)',
        help: 'While you are away you get no prompts, and rounds count you as away, not missing.',
        options: {
          until: 'The last day away, like 2026-12-24',
        },
      },
      resume: {
        description: 'Come back to check-ins before your pause ends',
        help: 'Ends a pause at once.',
      },
      optout: {
        description: 'Stop getting check-ins',
        help: 'You can come back any time with `/peer checkin optin`.',
      },
      optin: {
        description: 'Get check-ins again',
        help: 'Undoes `/peer checkin optout`.',
      },
      buddy: {
        description: 'Offer to be a support buddy when a teammate asks for a peer (on or off)',
        help: 'When someone answers "yes" to "would you like a peer to reach out?", a support buddy is asked, in turn. Never while you are paused or in your quiet hours.',
        options: {
          state: 'on or off',
        },
      },
      history: {
        description: 'See your own answers over time (only you)',
        help: 'Your recent answers and a sparkline of your mood. Nobody else can see it.',
      },
    },
    flag: {
      description: 'Tell your supervisor privately that a session weighed on you',
      help: 'Opens a private form: how strong it is, what would help, and an optional note. It goes only to your supervisor by direct message (the form says who), never to a channel.',
    },
    flags: {
      description: 'See open flags of the people you supervise, or your own',
      help: 'Supervisors see the open flags of their own supervisees (open one to read its note; the read is logged). Everyone sees their own flags and who has seen each. Admins see anonymous team figures only.',
    },
    plan: {
      description: 'Your own wellness plan: see it, edit it, share one section, or get a copy',
      help: 'Shows your wellness plan privately, with a button to edit each section. `plan share section:triggers` sends one section to your supervisor, only when you ask. `plan export` sends you a copy as a file.',
      options: {
        action: 'What to do',
        section: 'Which section to share',
      },
    },
    selfcare: {
      description: 'Choose self-care prompts for yourself, or turn them off',
      help: 'Opens a private form: an end-of-shift check with yourself, a weekly "something for yourself", or a line from your own plan, on the days and time you choose. Nobody sees your answers.',
    },
    supervision: {
      new: {
        description: 'Start a recurring group supervision series (supervisors, admins)',
        help: 'Give a title, the first date and time, the length in minutes and how it repeats: weekly, biweekly, monthly (same weekday) or an RRULE with COUNT or UNTIL. Without an end it runs for 12 months. Example: `new title:"Group supervision" date:2026-03-02 time:18:00 length:90 repeat:biweekly timezone:Europe/Berlin`.',
        options: {
          title: 'What the sessions are called',
          date: 'The first date, like 2026-03-02',
          time: 'The start time, like 18:00',
          length: 'Length in minutes (10 to 480)',
          repeat: 'How it repeats (default weekly)',
          timezone: 'Time zone of date and time (default yours)',
          rrule: 'With repeat:rrule, like FREQ=WEEKLY;BYDAY=TU;COUNT=10',
          until: 'The last date it may meet, like 2026-12-15',
          count: 'How many sessions (1 to 120)',
          facilitator: 'Who leads it (default you)',
          channel: 'Where sessions are posted (default here)',
        },
      },
      edit: {
        description: 'Change a series: title, time, length, end or facilitator',
        help: 'Moved and cancelled sessions stay as they are; past ones too. People who answered keep their answers when the date stays the same.',
        options: {
          series: 'The series code, like #a1b2c3',
          title: 'A new title',
          time: 'A new start time, like 18:30',
          length: 'Length in minutes (10 to 480)',
          until: 'A new last date, like 2026-12-15',
          facilitator: 'A new facilitator',
        },
      },
      list: {
        description: 'See the next supervision sessions in your own time zone',
        help: 'Shows what is coming up, with RSVP buttons and each session’s code.',
      },
      move: {
        description: 'Move one session to another date or time',
        help: 'The rest of the series stays as it is. Everyone who answered hears about it. The date and time are in the session’s time zone unless you give one.',
        options: {
          session: 'The session code, like #a1b2c3',
          date: 'The new date, like 2026-03-09',
          time: 'The new start time, like 18:00',
          length: 'Length in minutes (10 to 480)',
          timezone: 'Time zone of the new date and time',
        },
      },
      cancel: {
        description: 'Cancel one session, or your one-to-one booking',
        help: 'The rest of a series stays. Everyone who answered (or the other person of a one-to-one) hears about it, and a cancelled one-to-one slot opens again.',
        options: {
          session: 'The session code, like #a1b2c3',
        },
      },
      poll: {
        description: 'Find a time: propose 2 to 10 slots and let people vote',
        help: 'Everyone votes yes, if need be or no per slot and sees each slot in their own time zone. Example: `poll title:"Case review" slots:"2026-03-02 18:00, 2026-03-03 09:00" length:60 closes:48`. Add `series:yes` to make the chosen time a weekly series.',
        options: {
          title: 'What the meeting is',
          slots: 'Slots like 2026-03-02 18:00, separated by commas',
          length: 'Length in minutes (10 to 480)',
          closes: 'Hours until the poll closes (default 48)',
          series: 'Make the chosen time a weekly series',
          timezone: 'Time zone of the slots (default yours)',
        },
      },
      topic: {
        description: 'Add a topic to the next group session’s agenda, named or anonymous',
        help: 'Add `anonymous:yes` and no name is stored with it at all. The facilitator gets the list an hour before.',
        options: {
          text: 'The topic',
          anonymous: 'Store it without your name',
        },
      },
      ics: {
        description: 'Get a calendar file for a session or a whole series',
        help: 'Imports into any calendar app; importing it again after a change updates the entries instead of duplicating them.',
        options: {
          session: 'A session code (default: the next session)',
          series: 'A series code: the whole series',
        },
      },
      report: {
        description: 'A CSV of sessions and attendance for a date range (supervisors, admins)',
        help: 'Dates are in the team’s time zone; `to` is included. Example: `report from:2026-01-01 to:2026-03-31`.',
        options: {
          from: 'First date, like 2026-01-01',
          to: 'Last date, like 2026-03-31',
        },
      },
      hours: {
        description: 'Your own group and one-to-one supervision hours by month',
        help: 'For your certification records. Only you see it.',
      },
      settings: {
        description: 'Team reminders and agenda posting (supervisors, admins)',
        help: 'Reminders go by direct message to people going or maybe; the default is 24h,15m. `agenda:yes` posts the agenda in the channel when a session starts.',
        options: {
          reminders: 'When to remind, like 24h,15m',
          agenda: 'Post the agenda in the channel at the start',
        },
      },
      reminders: {
        description: 'Turn your own supervision reminders on or off',
        help: 'Off means no reminder messages for you; everything else stays the same.',
        options: {
          state: 'on or off',
        },
      },
      slots: {
        description: 'See open one-to-one slots, or offer yours (supervisors)',
        help: 'Without `times` it lists the open slots. Supervisors offer slots like `slots times:"2026-03-04 10:00, 2026-03-04 11:00" length:50`; slots of one supervisor never overlap.',
        options: {
          times: 'Slots to offer, like 2026-03-04 10:00, comma separated',
          length: 'Length in minutes (10 to 240, default 60)',
          timezone: 'Time zone of the times (default yours)',
        },
      },
      book: {
        description: 'Book an open one-to-one slot',
        help: 'Use the code from `/peer supervision slots`, like `book slot:#a1b2c3`. You and your supervisor both get reminders.',
        options: {
          slot: 'The slot code, like #a1b2c3',
        },
      },
      rebook: {
        description: 'Move your one-to-one booking to another open slot',
        help: 'Both happen together: if the new slot is gone, your booking stays as it was.',
        options: {
          booking: 'Your booking’s code, like #a1b2c3',
          slot: 'The new slot’s code',
        },
      },
    },
    privacy: {
      description: 'See what I store about you; export it or erase it',
      help: 'A plain summary of what PeerBridge keeps about you and who can read it. `export` sends it all to you as a file; `erase` deletes it (you confirm first). A workspace admin can erase the data of someone who has left; nobody can export someone else’s.',
      options: {
        action: 'show (the default), export or erase',
        member: 'Workspace admins only: someone who has left, to erase their data',
      },
    },
    help: {
      description: 'See what I can help with',
      help: 'Lists what you can do here, one line each. Add a command name to read more about it, like `help checkin`.',
      options: {
        command: 'A command to read more about',
      },
    },
  },
} as const;
