export const checkins = {
  scale: {
    1: 'in a hard place',
    2: 'struggling',
    3: 'getting by',
    4: 'doing well',
    5: 'thriving',
  },
  defaultQuestions: {
    q1: 'How are you arriving?',
    q2: 'One thing that went well',
    q3: 'What is weighing on you?',
    q4: 'Would you like a peer to reach out?',
  },
  note: {
    summary: '{{name}}: a check-in is open',
    header: '{{name}} is open',
    text: "I've sent each of you a private message. Answer when it suits you, until {{until}}, and choose who sees each answer. Skipping is always fine.",
  },
  prompt: {
    summary: '{{name}}: how are you arriving?',
    open: '**{{name}}** for {{team}} is open until {{until}}.',
    private: 'Answer what you like, in private; each answer has its own choice of who sees it.',
    answer: 'Answer',
    skip: 'Skip this one',
    snooze: 'Remind me in an hour',
    footer:
      'Away for a while? `/peer checkin pause until:2026-12-24`. Prefer not to get these? `/peer checkin optout`.',
  },
  form: {
    submit: 'Share',
    intro: 'Answer what you like and leave the rest. Each answer has its own choice of who sees it.',
    who: 'Who sees this answer?',
    whoHint: 'Left empty: only your supervisor, the most private choice.',
    team: 'The team',
    anonymous: 'The team, without my name',
    supervisor: 'Only my supervisor',
    supervisorNone: 'Only my supervisor (you have none yet: nobody reads it)',
    yes: 'Yes, please',
    no: 'Not this time',
    reachOutHint: 'Private: it only starts the pairing.',
  },
  skipped: 'Skipped, no problem. Take care of yourself.',
  snoozed: 'Okay, I will remind you in about an hour.',
  thanks: {
    thanked: 'Thank you for checking in.',
    replaced: 'Your new answer replaces the one you gave before in this round.',
    namedLive_one: 'One answer went to the team channel with your name.',
    namedLive_other: '{{count}} answers went to the team channel with your name.',
    namedAtClose_one: 'One answer will be shown to the team with your name when {{name}} closes.',
    namedAtClose_other: '{{count}} answers will be shown to the team with your name when {{name}} closes.',
    anonymous_one:
      'One answer without your name will be in the {{name}} digest when it closes, and only if at least {{minGroup}} people took part; otherwise nobody sees it.',
    anonymous_other:
      '{{count}} answers without your name will be in the {{name}} digest when it closes, and only if at least {{minGroup}} people took part; otherwise nobody sees them.',
    leftEmpty_one:
      'You left "Who sees this answer?" empty on one answer, so I kept it for your supervisor only, the most private choice.',
    leftEmpty_other:
      'You left "Who sees this answer?" empty on {{count}} answers, so I kept them for your supervisor only, the most private choice.',
    supervisorTold: '{{supervisor}} is told there is something for them; only they can read it.',
    noSupervisor:
      'You do not have a supervisor yet, so nobody will read what you kept for your supervisor. If you would like someone to, answer again and choose the team or the team without your name. A team admin can pair you with a supervisor.',
    answerAgain: 'Answer again',
    nothingToTeam: 'Nothing from this goes to the team.',
  },
  hardPlace: {
    summary: 'You do not have to hold it alone',
    thanks: 'Thank you for saying you are in a hard place. You do not have to hold it alone.',
    fromPlan: '**From your own wellness plan**',
    onlyYou: 'Only you see this. If you asked for a peer to reach out, I am finding one now.',
  },
  alreadyOpen: {
    summary: 'A round is already open',
    text: "A round is already open until {{until}}, so I didn't open another one. Everyone on the team gets its prompt, people who join meanwhile too; `/peer checkin close` closes it early.",
  },
  reminder: {
    summary: '{{name}} is still open',
    text: "A gentle nudge: **{{name}}** is open until {{until}}, if you'd like to answer. Skipping is fine too.",
  },
  reachOut: {
    buddyForMember:
      "{{buddy}} is your peer for this check-in and knows you'd like someone to reach out. You can also write to them first.",
    buddyForBuddy:
      "{{member}} from {{team}} asked in today's check-in for a peer to reach out. You offered to be a support buddy: could you send them a message when you can? Nothing else about their answers is shared with you.",
    supervisorAsked:
      '{{member}} from {{team}} asked in a check-in for a peer to reach out, and no support buddy is free right now. Could you reach out to them?',
    noBuddyForMember:
      'No support buddy is free right now, so I have asked your supervisor to reach out to you.',
    nobodyFree:
      'No support buddy or supervisor is free right now. I am sorry. `/peer team show` lists your teammates, and crisis lines are always there if things get heavy.',
  },
  digest: {
    header: '{{name}}: the digest',
    tookPart_one: '1 person took part. Thank you for looking after each other.',
    tookPart_other: '{{count}} people took part. Thank you for looking after each other.',
    withoutName: '**Shared without a name**',
    question: '**{{question}}**',
    spreadLabel: 'How we are arriving',
    spreadLater:
      'The mood spread shows once at least {{minGroup}} people share how they are arriving with the team, so nobody can be picked out.',
    shownHere:
      'Answers shared without a name are shown here only, in the order of their words. Named answers have their own posts; private answers never appear.',
    tooFew:
      'Answers shared without a name and the mood spread show when at least {{minGroup}} people take part, so nobody can be picked out.',
  },
  named: {
    summary: '{{name}}: {{author}} shared',
    header: '**{{author}}** shared in {{name}}',
    withdrawnSummary: '{{name}}: an answer was withdrawn',
    withdrawn: 'The person who shared this answer has taken it back.',
  },
  notice: {
    title: '{{member}} shared something with you only',
    checkin: 'Check-in',
    read: 'Read it',
    footer:
      '{{member}} shared an answer with you only. It is kept encrypted; reading it is noted in the audit log.',
  },
  privateAnswer: {
    summary: "{{member}}'s private answer",
    header: '**Shared with you only by {{member}}**',
    keep: 'Please keep it between you. This read is in the audit log.',
    gone: 'I could not find that answer any more.',
    notYours: 'Only their supervisor can read an answer shared with the supervisor only.',
  },
  refusal: {
    notATeam:
      'This channel is not set up as a team yet. Anyone can start with `/peer setup` here; check-ins come after that.',
    notLead:
      'Only the team’s admins and supervisors can do that. Anyone can answer, skip or pause check-ins.',
    closedRound:
      'This check-in round has closed, so I could not save that. Thank you for wanting to answer; the next round will come to you as usual.',
    unknownRound: 'I could not find that check-in round any more. Nothing was saved.',
    notInvited:
      'This check-in round went to the people on the team when it opened, and you were not among them, so nothing was saved. If you think you should be, your team’s admins can help; the next round will include everyone on the team.',
    alreadyAnswered: 'You already answered this round, so I kept your answer. Nothing else to do.',
    reachOutChoice: 'Please answer "{{question}}" with yes or not this time.',
    audience:
      'I didn\'t understand who should see "{{question}}". Pick the team, the team without your name, or only your supervisor.',
    scaleChoice: 'Please pick one of the five choices for "{{question}}".',
    tooLong:
      'Your answer to "{{question}}" is {{length}} characters, and I can keep up to {{max}}. A shorter version works fine; nothing was saved yet.',
    empty:
      'The form came back empty, so nothing was saved. That is fine too: you can use **Skip this one** instead.',
    checkinGone: 'That check-in is gone.',
  },
  commands: {
    opened_one: 'A round is open. I am sending one private prompt; `/peer checkin close` closes it early.',
    opened_other:
      'A round is open. I am sending {{count}} private prompts; `/peer checkin close` closes it early.',
    nothingToClose: 'There is no open round to close. `/peer checkin now` opens one.',
    closed_one: 'Closed the round; the digest is on its way to the channel.',
    closed_other: 'Closed {{count}} rounds; the digest is on its way to the channel.',
    minGroup: 'The mood spread now shows only when at least {{size}} people answer.',
    pastDate: 'That date has already passed. Pick a day from today on.',
    withinYear: 'Please pick a date within a year; you can pause again later.',
    paused:
      'Enjoy the break. No check-ins reach you until after {{until}}; `/peer checkin resume` brings them back sooner.',
    resumed: 'Welcome back. The next check-in will reach you as usual.',
    optedOut:
      'Done: no more check-in prompts for you. `/peer checkin optin` brings them back whenever you like.',
    optedIn: 'You are back in. The next check-in will reach you.',
    buddyOn:
      'Thank you. You are a support buddy now; I will ask you, in turn, when a teammate would like a peer to reach out.',
    buddyOff: 'You are no longer a support buddy. Thank you for the care you gave.',
  },
  manage: {
    paused: '{{name}} is paused. Resume it from `/peer checkin list`.',
    running: '{{name}} is running again.',
    deleteQuestion: 'Delete **{{name}}**?',
    deleteDetail: 'No more rounds will open. Answers already given stay with the people who gave them.',
    delete: 'Delete',
    keep: 'Keep it',
    unchanged: 'Nothing changed: {{name}} stays as it was.',
    deleted: '{{name}} is deleted. Answers already given stay with the people who gave them.',
    deletedName: '{{name}} (deleted {{date}}, #{{id}})',
    unknownTeam: 'I could not tell which team this form was for. Nothing was saved.',
    notSaved: '{{reason}} Nothing was saved.',
    nameTaken: 'This team already has a check-in called "{{name}}". Pick another name; nothing was saved.',
    saved: 'Saved **{{name}}**. `/peer checkin list` shows it; `/peer checkin now` runs a round at once.',
  },
  setup: {
    titleNew: 'Set up a check-in',
    titleEdit: 'Edit check-in',
    save: 'Save',
    intro: 'Times are in {{zone}} unless you add a zone, or choose "each member\'s own time".',
    name: 'Name',
    questions: 'Questions, one a line',
    questionsHint:
      'Start a line with `scale:` for the 5-point mood scale or `yes/no:` for "would you like a peer to reach out?".',
    when: 'Days and time',
    whenHint: 'Like `mon,thu 09:30`, `weekdays 17:00` or `none` for on demand only.',
    clock: 'Whose clock?',
    teamTime: "The team's time",
    memberTime: "Each member's own time",
    hours: 'Hours a round stays open',
    digest: 'Digest',
    digestClose: 'One digest when the round closes',
    digestLive: 'Shared answers as they come, and a summary',
    badName: 'Please give the check-in a name of up to 60 characters.',
    badSchedule: 'Days and time: {{reason}}.',
    badClock: "Please choose the team's time or each member's own time.",
    badHours: "'{{hours}}' isn't a number of hours I can use; pick a whole number from 1 to 336.",
    overlap:
      'A round open for {{hours}} hours would still be open when the next one starts ({{gap}} hours later). Pick {{gap}} hours or fewer.',
    badDigest: 'Please choose how the digest comes.',
    noQuestions: 'A check-in needs at least one question. The support circle questions are a good start.',
    tooManyQuestions: 'That is {{count}} questions; a check-in holds up to 6, so it stays light.',
    kindNoWords: 'Question {{number}} has a kind but no words.',
    questionTooLong: 'Question {{number}} is {{length}} characters; keep each under 150.',
    oneScale: 'Please keep one `scale:` question; the mood spread is read from it.',
    oneYesNo: 'Please keep one `yes/no:` question; it asks whether a peer should reach out.',
  },
  list: {
    header: 'Check-ins of this team',
    none: 'None set up yet. `/peer checkin setup` makes one; `/peer checkin now` runs the support circle at once.',
    item: '**{{name}}**: {{description}}',
    description: '{{when}} ({{clock}}), open {{hours}} h, {{digest}}',
    descriptionPaused: '{{when}} ({{clock}}), open {{hours}} h, {{digest}} · paused',
    onDemand: 'on demand only',
    daysAt: '{{days}} at {{time}}',
    memberTime: "each member's own time",
    teamTime: "the team's time",
    live: 'shared answers as they come',
    atClose: 'one digest at close',
    days: { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' },
    edit: 'Edit',
    pause: 'Pause',
    resume: 'Resume',
    delete: 'Delete',
  },
  roster: {
    header: 'Roster of {{team}}',
    person: '• {{name}}',
    personWithRoles: '• {{name}} ({{roles}})',
    nobody: 'Nobody yet.',
    count_one: '1 person; bots are left out.',
    count_other: '{{count}} people; bots are left out.',
    roles: { admin: 'admin', supervisor: 'supervisor', member: 'member' },
  },
  history: {
    emptySummary: 'No check-in answers yet',
    empty: 'You have no check-in answers yet. When you answer one, it shows here, for you only.',
    header: 'Your check-ins',
    mood: 'Your mood over time (oldest first): `{{sparkline}}`  (▁ {{lowest}} … █ {{highest}})',
    item: '{{question}}: {{value}} ({{audience}})',
    line: '• {{day}} {{name}}: {{items}}',
    reachOutOnly: 'asked for a peer to reach out',
    audience: {
      team: 'the team',
      anonymous: 'the team, without my name',
      supervisor: 'only my supervisor',
    },
    onlyYou: 'Only you can see this.',
  },
  trend: {
    summary: 'Check-in trend for {{team}}',
    header: 'Check-in trend: {{team}}',
    rate: '{{percent}}% took part',
    noInvitations: 'no invitations',
    spreadItem: '{{word}} {{count}}',
    hidden: 'mood spread hidden (fewer than {{minGroup}} shared a mood)',
    week: '• week of {{week}}: {{rate}}; {{spread}}',
    none: 'No closed rounds in the last eight weeks.',
    footer: 'Closed rounds only, counts only: nobody is named, and small groups are never split out.',
  },
} as const;
