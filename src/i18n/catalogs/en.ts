// The English catalog: the source of every key (a key missing here is a compile error wherever
// it is used). Values are the bot's own markup (views.ts: **bold**, _italic_, `code`,
// [label](url)); `{{name}}` is filled only with literal(...) text, markup or a number
// (src/i18n/translate.ts). Plurals follow Intl.PluralRules: `key_one`, `key_other`.
// Spanish wording follows docs/i18n/glossary.md.
export const en = {
  language: {
    names: { en: 'English', es: 'Spanish (español)' },
    set: 'From now on I will write to you in {{language}}.',
    auto: 'I will follow your platform’s language, or your team’s when it does not say. Right now that is {{language}}.',
    teamSet: 'Posts in this channel, and messages to members who chose no language, are now in {{language}}.',
  },
  crisis: {
    header: 'Crisis lines for {{region}}',
    none: 'I have no crisis lines for this region yet.',
    danger: 'If you or someone else is in immediate danger, call your local emergency number.',
    dangerShort: 'In immediate danger: call your local emergency number.',
    sendToMe: 'Send to me',
    shareInChannel: 'Share in channel',
    pointer:
      'If it gets heavier, `/peer find category:crisis-line` shows the crisis lines for your region, any time.',
    intro: '**If you need someone right now**, these lines are there for you:',
    talkNow: '**If you want to talk to someone now**',
    localEmergency: 'If you are in danger, please call your local emergency number.',
    resultsSummary_one: '{{count}} resource for “{{words}}”',
    resultsSummary_other: '{{count}} resources for “{{words}}”',
  },
  resource: {
    call: 'Call {{value}}',
    text: 'Text {{value}}',
    chat: 'Chat',
    email: 'Email {{value}}',
    international: 'International',
    checked: 'checked {{date}}',
    crisisLine: 'Crisis line',
  },
  checkins: {
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
  },
  flags: {
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
  },
} as const;
