export const selfcare = {
  topics: {
    'end-of-shift': 'End of shift: "how are you leaving work today?"',
    weekly: 'Weekly: "did you do something for yourself this week?"',
    'plan-line': 'A line from my own wellness plan',
  },
  days: {
    MO: 'Monday',
    TU: 'Tuesday',
    WE: 'Wednesday',
    TH: 'Thursday',
    FR: 'Friday',
    SA: 'Saturday',
    SU: 'Sunday',
  },
  controls: { snooze: 'Snooze 1 h', skip: 'Skip today', stop: 'Stop these' },
  footnote: 'Just for you: I do not keep or share any answer. `/peer selfcare` changes these prompts.',
  endOfShift: {
    summary: 'How are you leaving work today?',
    text: '**How are you leaving work today?** Take a breath before you go. You can answer for yourself, or just notice.',
    okay: 'Leaving okay',
    heavy: 'It was heavy',
  },
  weekly: {
    summary: 'Did you do something for yourself this week?',
    text: '**Did you do something for yourself this week?** Even something small counts. If not, maybe there is a moment for it before the week ends.',
  },
  planLine: {
    summary: 'A line from your wellness plan',
    text: '**From your own wellness plan:**\n{{line}}',
    empty:
      'Your wellness plan has no lines in "My triggers and what helps" yet. `/peer plan` lets you add some whenever you like.',
  },
  form: {
    title: 'Self-care prompts',
    submit: 'Save',
    intro:
      'Choose the prompts you would like, if any. They come by direct message in your own time zone, never in your quiet hours. Choose none to turn them all off.',
    topics: 'Which prompts?',
    days: 'On which days (end of shift, plan line)?',
    weekly: 'Which day for the weekly one?',
    time: 'At what time? (like 17:30)',
    timeHint: 'Skip it for 17:00.',
  },
  errors: {
    choices:
      'Some of those choices did not come through as I expected. Nothing was saved; please try `/peer selfcare` again.',
    time: 'Please give a time of day like 17:30, so I know when to send them. Nothing was saved.',
    days: 'Please pick at least one day for the end-of-shift or plan-line prompt. Nothing was saved.',
    gone: 'That prompt is not there any more. `/peer selfcare` lets you choose your prompts again.',
    goneSnooze: 'That prompt is not there any more. `/peer selfcare` shows what you chose.',
  },
  saved: {
    none: 'Done: no self-care prompts. You can choose some again any time with `/peer selfcare`.',
    some: 'Saved: {{topics}}, at {{time}} ({{zone}}). Never during your quiet hours; every prompt has Snooze, Skip and Stop.',
    join: '; ',
  },
  answers: {
    snoozed: 'Snoozed: I will ask again in an hour (or after your quiet hours).',
    skipped: 'Skipped for today. Take care.',
    stopped: 'Stopped: no more self-care prompts. You can choose some again any time with `/peer selfcare`.',
    okay: 'Glad to hear it. Rest well.',
  },
  heavy: {
    summary: 'Thank you for noticing',
    text: 'Thank you for noticing. That answer stays with you. If you would like your supervisor to know, you can tell them privately.',
    flag: 'Flag privately',
  },
  privacy: {
    label: 'Self-care prompts',
    value: '{{count}} chosen by you. Your answers are never stored or shared.',
  },
} as const;
