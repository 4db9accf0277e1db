export const flags = {
  levels: {
    noting: 'Noting it',
    weighing: "It's weighing on me",
    struggling: "I'm struggling",
    'talk-now': 'I need to talk now',
  },
  wishes: {
    'talk-now': 'Talk now',
    'talk-today': 'Talk today',
    'next-supervision': 'Talk at my next supervision',
    'just-noting': 'Just noting it',
  },
  form: {
    title: 'Flag privately',
    submit: 'Send privately',
    level: 'How strong is it?',
    wish: 'What would help?',
    note: 'Anything you want them to know (optional)',
    noteHint: 'Up to 2,000 characters. Only the people above will read it.',
  },
  who: {
    nobody:
      'You do not have a supervisor yet, so nobody will read this note. I will still show you some steps that may help, and let an admin know you would like to be paired (without telling them about this flag).',
    backup: '{{name}} (your backup supervisor)',
    admins: "your team's admins who are supervisors ({{names}})",
    escalates:
      ' If nobody has seen it within {{after}} ({{urgent}} when you need to talk now), it goes to {{later}}.',
    thenJoin: ', then ',
    first:
      '**Who will see it:** only {{name}} (your {{role}}), by direct message.{{escalation}} It is never posted in any channel.',
    supervisor: 'supervisor',
    backupSupervisor: 'backup supervisor',
  },
  minutes_one: '{{count}} minute',
  minutes_other: '{{count}} minutes',
  hours_one: '{{count}} hour',
  hours_other: '{{count}} hours',
  after: {
    sentTo:
      'Thank you for saying so. Your flag went privately to **{{name}}**. I will tell you here when they have seen it.',
    thanks: 'Thank you for saying so.',
    noSupervisorAdmins:
      'Thank you for saying so. You do not have a supervisor yet, so I have kept this to yourself: nobody else can read it. {{admins}} can pair you with one; I have asked them to (without mentioning this flag).',
    noSupervisorNoAdmins:
      'Thank you for saying so. You do not have a supervisor yet, so I have kept this to yourself: nobody else can read it. A team admin can pair you with one in the team channel.',
    fromPlan: '**From your own plan, what helps:**',
    grounding:
      '**A minute for yourself, if you like:** notice 5 things you can see, 4 you can touch, 3 you can hear, 2 you can smell and 1 you can taste. Breathe out a little longer than you breathe in.',
    nobodyElse: 'Nobody else can see this flag. `/peer flags` shows your flags and who has seen each.',
    summarySent: 'Your flag went privately to {{name}}',
    summarySaved: 'Your flag is saved privately',
  },
  and: ' and ',
  age: {
    now: 'just now',
    minutes: '{{count}} min ago',
    hours: '{{count}} h ago',
    days_one: '{{count}} day ago',
    days_other: '{{count}} days ago',
  },
  errors: {
    level: 'please choose how strong it is, even "noting it" is fine',
    wish: 'please choose what would help',
    noteTooLong: 'The note can be up to {{limit}} characters (this one is {{length}})',
    notSent: 'I have not sent anything yet: {{problems}}. Nothing was saved; please try `/peer flag` again.',
    join: '; ',
    followUpTooLong:
      'A follow-up note can be up to {{limit}} characters. Nothing was saved; the flag is still open.',
    staleButton: 'That button has lost which flag it was for. `/peer flags` lists the current ones.',
    notFound: 'I could not find that flag any more. `/peer flags` lists the current ones.',
    ownFlag: 'This is your own flag; `/peer flags` shows it and who has seen it.',
    refused:
      'This flag is private to the person who raised it and their supervisors, so I cannot show it to you. If you think you should be able to, please ask a team admin.',
    noTeam:
      'I could not find a team you are on yet, so there is nobody I could pass a flag to. Your team admin can add you (`/peer team role`), or if your team has no channel set up, anyone can start one with `/peer setup` there. Nothing was saved. If you need someone right now, please reach out to someone you trust or a crisis line.',
  },
  notice: {
    title: 'A private flag from {{name}}',
    howStrong: 'How strong',
    wish: 'What would help',
    when: 'When',
    open: 'Open',
    reachOut: "I'll reach out",
    noted: 'Noted',
    footer:
      "Only you can see this. **Open** shows anything they wrote, to you only (each read is logged). {{name}} will be told when you answer. `/peer flags` lists your supervisees' open flags.",
    footerWhy:
      "{{why}} Only you can see this. **Open** shows anything they wrote, to you only (each read is logged). {{name}} will be told when you answer. `/peer flags` lists your supervisees' open flags.",
    escalatedWhy: '{{names}} has not seen this yet, so it now comes to you as well.',
    reroutedWhy: 'Their supervisors changed, so this comes to you now.',
  },
  open: {
    erased: '_The note was erased after the retention period._',
    note: '**Their note:**\n{{note}}',
    noNote: '_No note._',
    followUp: '**Follow-up note:**\n{{note}}',
    onlyYou:
      'Only you see this. Opening it was written to the audit log, as every read of a private flag is.',
  },
  answer: {
    reachOut: 'Thank you. I told {{name}} you have seen it and will reach out.',
    noted: 'Thank you. I told {{name}} you have seen it and noted it.',
    seenReachOut: '{{name}} has seen your flag ({{when}}) and will reach out to you.',
    seenNoted:
      '{{name}} has seen your flag ({{when}}) and noted it. You can always say more with `/peer flag`.',
    alreadyClosed: 'This flag is already closed, so nothing changed. Thank you for checking.',
    alreadyAnswered: 'No need: {{by}}, so nothing changed. Thank you for checking.',
    answeredBy: '{{name}} answered it ({{when}})',
    answeredSomeone: 'it was already answered',
    closedDm:
      '{{name}} has followed up on your flag and closed it. If it comes back, you can always flag again.',
    closedReply: 'Closed. I told {{name}} you followed up; your note stays private.',
  },
  close: {
    title: 'Close this flag',
    submit: 'Close it',
    intro:
      'Your follow-up note is private: only you and the member’s other supervisors can read it. The member is told the flag was closed, not what you wrote.',
    label: 'Private follow-up note (optional)',
  },
  pairNudge:
    '{{name}} in {{team}} does not have a supervisor yet. When you have a moment, please pair them in the team channel with `/peer team supervisor`, so that anything they raise privately reaches a person.',
  escalation: {
    movedOn: 'Your flag went to {{seen}}; they have not seen it yet, so it now goes to {{next}} too.',
    nobodyElse:
      'Your flag went to {{seen}}, who has not seen it yet, and there is nobody else on your team I can pass it to. If you need someone now, please reach out to someone you trust or a crisis line.',
    nobodyLeftAdmins:
      'An urgent private flag in {{team}} found nobody who could answer it in time. I cannot say whose it was or what it said. Please check that every member has a primary and a backup supervisor, and that at least one admin is also a supervisor, so a flag always reaches a person.',
    rerouted:
      "Your team's supervisors changed, so your open flag now goes to {{names}}. Only they can read it; nobody who no longer supervises you can.",
  },
  dropped:
    'Your private flag did not reach {{name}}: they no longer supervise you, so nothing of it went to them. If you would still like to talk, `/peer flag` sends a new one to whoever supervises you now.',
  list: {
    summary: 'Flags',
    supervisedHeader: 'Open flags from people you supervise',
    row: '**{{name}}** · {{age}} · {{level}} · wants: {{wish}} · {{status}}',
    status: { closed: 'closed', seen: 'seen', passedOn: 'waiting, passed on', waiting: 'waiting' },
    open: 'Open',
    reachOut: "I'll reach out",
    closeWithNote: 'Close with a note',
    more_one: '{{count}} more; answer these first and they will show.',
    more_other: '{{count}} more; answer these first and they will show.',
    ownHeader: 'Your flags',
    ownRow: '• {{age}} · {{level}} · {{seen}}',
    ownRowClosed: '• {{age}} · {{level}} · {{seen}} · closed',
    seenBy: 'seen by {{names}}',
    seenEntry: '{{name}} ({{when}})',
    notSeen: 'not seen yet',
    figuresHeader: 'Team figures (anonymous)',
    figuresTooFew:
      '• {{team}}: not enough flags yet to show figures without pointing at anyone (needs flags from at least {{min}} people).',
    figuresRow:
      '• {{team}}: {{flags}} flags, {{acknowledged}} acknowledged; median time to acknowledge {{minutes}} min.',
    figuresNote: 'Admins see only these figures, never who flagged or what they wrote.',
    empty: 'No flags here. If a session weighs on you, `/peer flag` tells your supervisor privately.',
    onlyYou: 'Only you see this list.',
  },
  home: 'If a session weighs on you, you can tell your supervisor privately. Nobody else sees it.',
  privacy: {
    label: 'Private flags',
    value:
      '{{count}}. Only you and the supervisors each flag was sent to can read them (every read by them is logged). Notes are encrypted and erased after {{days}} days; team admins see only anonymous figures.',
  },
} as const;
