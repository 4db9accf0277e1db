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
} as const;
