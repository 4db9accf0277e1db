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
} as const;
