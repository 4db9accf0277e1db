// Team set-up, roles, the roster, the welcome, the member's own summary and settings.
export const teams = {
  roles: { member: 'member', supervisor: 'supervisor', admin: 'admin' },
  setUp: {
    created: 'This channel is now the team "{{name}}"',
    updated: 'Team "{{name}}" is updated',
    timeZone: 'Time zone',
    crisisRegion: 'Crisis lines shown first for',
    nextSteps:
      'You are its first admin. Next steps, whenever you are ready: give supervisors their role with `/peer team role`, and pair each member with a primary and backup supervisor with `/peer team supervisor`.',
    nothingElse: 'Nothing else changed.',
    privacy: 'Everyone can see what I store about them with `/peer privacy`.',
    runHere: 'Please run `/peer setup` in the channel your team uses.',
    otherWorkspace:
      'This channel already has a peer team, set up from another workspace that shares it. One channel has one team: please ask that team’s admins to add you, or set up your team in a channel of your own.',
    defaultName: 'Peer team',
  },
  role: {
    alreadyHas: '{{name}} already has the {{role}} role. Nothing changed.',
    didNotHave: '{{name}} did not have the {{role}} role. Nothing changed.',
    removed: '{{name}} is no longer a {{role}} in this team.',
    added: '{{name}} is now a {{role}} in this team.',
    handOver_one:
      'One member they supervised needs a new supervisor: `/peer team show` lists who, and `/peer team supervisor` pairs them.',
    handOver_other:
      '{{count}} members they supervised need a new supervisor: `/peer team show` lists who, and `/peer team supervisor` pairs them.',
    together: '{{said}} {{more}}',
    lastAdmin:
      'You are the only admin of this team. Make someone else an admin first, so the team is never left without one.',
  },
  supervisor: {
    primary:
      '{{supervisor}} is now the primary supervisor for {{supervisee}}. Private flags from {{supervisee}} will reach {{supervisor}}.',
    backup:
      '{{supervisor}} is now the backup supervisor for {{supervisee}}. Private flags from {{supervisee}} will reach {{supervisor}} when the primary supervisor has not answered in time.',
    noAdminSupervisor:
      '{{said}}\n\n**One thing to check:** no admin of this team is also a supervisor, so a flag that nobody answers in time has nobody left to go to. Give an admin the supervisor role (`/peer team role user:@them role:supervisor`) so the chain always ends with a person.',
    ownSupervisor: 'A person cannot be their own supervisor. Please pick someone else to support them.',
    notSupervisorYet:
      '{{name}} is not a supervisor in this team yet. Give them the role first: `/peer team role user:{{mention}} role:supervisor`.',
    alreadyPrimary:
      "{{supervisor}} is already {{supervisee}}'s primary supervisor. Please pick someone else as backup, so a flag still reaches a person when one of them is away.",
    alreadyBackup:
      "{{supervisor}} is already {{supervisee}}'s backup supervisor. Please pick someone else as primary, so a flag still reaches a person when one of them is away.",
  },
  place: {
    notATeam:
      'This channel is not set up as a team yet. Anyone can start with `/peer setup` here, and becomes its first admin.',
    notInTeamChannel: 'Please run this in the team channel, so I know which team you mean.',
  },
  overview: {
    title: 'Team "{{name}}"',
    titlePaged: 'Team "{{name}}" (page {{page}} of {{pages}})',
    timeZone: 'Time zone',
    crisisRegion: 'Crisis region',
    people: 'People',
    escalation: 'Flags go to the next person after',
    primary: 'primary: {{name}}',
    backup: 'backup: {{name}}',
    buddy: 'support buddy',
    offRoster: 'not in the channel now',
    person: '• {{name}} ({{roles}})',
    personSupervised: '• {{name}} ({{roles}}) — {{supervisors}}',
    personNoted: '• {{name}} ({{roles}}) · {{notes}}',
    personSupervisedNoted: '• {{name}} ({{roles}}) — {{supervisors}} · {{notes}}',
    nextPage: '`/peer team show page:{{page}}` shows the next {{size}}.',
  },
  escalation: {
    words: '{{after}} ({{urgent}} for "talk now")',
    saved:
      'Saved. From now on, a private flag nobody has seen goes to the next person after {{times}}. Flags already waiting keep the time they were given.',
    current:
      'A private flag nobody has seen goes to the next person after {{times}}. Flags already waiting keep the time they were given.',
    needLengths: 'Please give lengths of time like `after:4h urgent:15m`.',
    urgentLonger:
      '"Talk now" flags should not wait longer than the others: urgent is {{urgent}}, after is {{after}}. Nothing changed.',
    unreadableAfter: "'{{value}}' is not a length of time I can read. Use one like 4h, 90m or 1h30m.",
    unreadableUrgent: "'{{value}}' is not a length of time I can read. Use one like 15m, 90m or 1h30m.",
    outOfRange: "must be between {{min}} and {{max}}; '{{value}}' is {{given}}.",
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    hoursMinutes: '{{hours}} h {{minutes}} min',
  },
  settings: {
    timeZoneSet: 'Got it: I will use {{zone}} for your reminders and quiet hours.',
    quietSet:
      'Your quiet hours are {{hours}}, in your own time zone. I will hold anything that is not urgent until they end.',
    quietOff: 'Quiet hours are off. You can set them again any time with `/peer quiet-hours 21:00-07:00`.',
  },
  checks: {
    region: "'{{value}}' is not a region code. Use one like US, GB or US-TX.",
    mention: "I couldn't tell who '{{value}}' is. Please mention them, like @alex.",
    zoneAbbreviation:
      "'{{value}}' names a clock, not a place, so summer time may not follow where you are; please give your place's zone, like {{place}}",
    zoneUnknownGuess: "'{{value}}' is not a time zone I know. Did you mean {{guess}}?",
    zoneUnknown: "'{{value}}' is not a time zone I know. Try one like Europe/Berlin or America/New_York.",
    quietUnreadable:
      "I couldn't read '{{value}}' as quiet hours; write them as start-end on a 24-hour clock, for example 21:00-07:00, or 'off'",
    quietNotATime:
      "'{{value}}' is not a time of day; write them as start-end on a 24-hour clock, for example 21:00-07:00, or 'off'",
    quietSame: "quiet hours need different start and end times; say 'off' for no quiet hours",
  },
  mentions: {
    unclear: "I couldn't tell who '{{value}}' is. {{how}}",
    slack: 'Please mention them with @, so Slack fills in who they are (it shows up as a blue name).',
    discord:
      'Please mention them with @ and pick them from the list Discord shows, so it fills in who they are.',
    shell: 'Please give their name, like alex or @alex.',
    mattermost: 'Please mention them with @ and pick them from the list Mattermost shows.',
  },
  people: {
    platforms: { slack: 'Slack', discord: 'Discord', shell: 'the playground', mattermost: 'Mattermost' },
    cannotCheck:
      "I can't check who that is on {{platform}} right now, so I changed nothing. Please try again in a little while.",
    noAnswer:
      "{{platform}} didn't answer when I asked who that is, so I changed nothing. Please try again in a little while.",
    notFound: "I couldn't find that person on {{platform}} here, so I changed nothing. {{who}}",
    notFoundClosest:
      "I couldn't find that person on {{platform}} here, so I changed nothing. The closest names I know: {{names}}. {{who}}",
    whoSlack: 'Please mention someone in this workspace.',
    whoDiscord: 'Please mention someone in this server.',
    whoShell: 'Please name someone who has been here (`/as name` brings someone in first).',
    whoMattermost: 'Please mention someone on this team.',
    bot: '{{name}} is a bot or an app, not a person, so I changed nothing.',
    deactivated: "{{name}}'s account is deactivated, so I changed nothing.",
  },
  privacy: {
    summary: 'What PeerBridge stores about you',
    header: 'What I store about you, and who can see it',
    name: 'Your name here',
    timeZone: 'Time zone',
    teamsZone: 'the team’s',
    quietHours: 'Quiet hours',
    none: 'none',
    teams: 'Teams',
    noTeams: 'none yet',
    team: '{{name}} ({{roles}})',
    answers:
      '**Check-in answers:** {{count}}. Shared answers go into your team’s digest; private notes are encrypted and only you can read them.',
    flags:
      '**Private flags:** {{count}}. Only you and your assigned supervisors can see them; they are encrypted, and every time someone other than you reads one, it is written to an audit log.',
    planSaved: '**Wellness plan:** saved, encrypted, readable only by you.',
    planNone: '**Wellness plan:** none saved.',
    nudges: '**Self-care nudges you chose:** {{count}}.',
    reads: '**Reads of your private text by others:** {{count}}.',
    footer:
      'Nothing private is ever posted to a channel. You can turn off any prompt, and skipping never shows up in a report.',
  },
  welcome: {
    title: 'Welcome to {{name}}',
    intro:
      'I am PeerBridge, a helper for this peer team. I post gentle check-ins, pass private flags to your supervisor when a session weighs on you, help schedule supervision, and keep crisis lines and resources close by.\nEverything is optional: you can skip, snooze or turn off any prompt.',
    flagAnyTime:
      'If a session ever weighs on you, you can tell your supervisor privately, any time. Nobody else sees it.',
    flagButton: 'Flag privately',
    footer: '`/peer help` shows what you can do · `/peer privacy` shows what I keep about you',
  },
  home: {
    hi: 'Hi {{name}}',
    teams: '**Your teams**\n{{teams}}',
    team: '• {{name}} ({{roles}})',
    noTeam: 'You are not on a team yet. When your team channel is set up, you will see it here.',
    timeZone: 'Your time zone',
    teamsZone: 'your team’s',
    quietHours: 'Quiet hours',
    none: 'none',
    nudges: 'Self-care nudges',
    plan: 'Wellness plan',
    planSaved: 'saved (only you can read it)',
    planNone: 'not yet',
    footer: '`/peer help` shows what you can do · `/peer privacy` shows what I keep about you',
  },
} as const;
