export const plans = {
  sections: {
    daily: {
      title: 'Daily maintenance',
      prompt: 'What keeps you well day to day: sleep, food, people, small routines.',
    },
    triggers: {
      title: 'My triggers and what helps',
      prompt: 'What can set things off for you, and what helps when it happens. One step a line.',
    },
    'warning-signs': {
      title: 'Early warning signs',
      prompt: 'Small signs that things are starting to slip, and what you do then.',
    },
    'breaking-down': {
      title: 'When things are breaking down',
      prompt: 'How you know things are getting much harder, and what you want to happen.',
    },
    people: { title: 'People I can call', prompt: 'Who you can reach, and how.' },
    crisis: { title: 'My crisis plan', prompt: 'What you want others to know and do if you are in crisis.' },
    'after-crisis': { title: 'After a crisis', prompt: 'What helps you get back on your feet afterwards.' },
  },
  view: {
    header: 'Your wellness plan',
    onlyYou:
      'Only you can read this. It is encrypted, and nobody sees a section unless you share it with `/peer plan share section:<name>`.',
    section: '**{{title}}** (`{{key}}`)\n{{text}}',
    notWritten: '**{{title}}** (`{{key}}`)\n_Not written yet. {{prompt}}_',
    edit: 'Edit: {{title}}',
    export: 'Send me a copy as a file',
    empty: 'Your wellness plan is empty so far',
    summary: 'Your wellness plan ({{count}} of 7 sections)',
    home: 'My wellness plan',
  },
  form: {
    submit: 'Save',
    intro: '{{prompt}} Only you can read it. Leave it empty to clear this section.',
    hint: 'Up to {{limit}} characters.',
  },
  file: {
    title: 'Your wellness plan',
    heading: 'Wellness plan',
    exported: '_Exported {{date}}. Keep this file somewhere private._',
    notWritten: '_Not written yet._',
  },
  share: {
    summary: '{{name}} shared a part of their wellness plan with you',
    header: '{{name}} shared: {{section}}',
    keep: '{{name}} chose to share this one section with you. Please keep it between you two.',
    section: 'Section',
    when: 'When',
    open: 'Open',
    footer:
      'Only you can see this. **Open** shows the section to you only (each read is logged). {{name}} chose to share this one section; nothing else in their plan is shared.',
    gone: 'That shared section is not there any more (it may have been erased). If you need it, please ask them.',
    notYours:
      'This section was shared with their supervisor, so I cannot show it to you. If you think you should see it, please ask them.',
    sent: 'I sent your "{{section}}" section to {{name}}, and only that section. Nothing else in your plan was shared.',
    empty: 'Your "{{section}}" section is empty, so there is nothing to share yet. Nothing was sent.',
    noSupervisor:
      'You do not have a supervisor yet, so I could not share it. A team admin can pair you with `/peer team supervisor`. Nothing was sent.',
    which:
      'Which section would you like to share? For example `/peer plan share section:triggers`. Sections: {{sections}}.',
    name: 'Please name a section to share: {{sections}}.',
    dropped:
      'Your "{{section}}" section did not go to {{name}}: they no longer supervise you, so nothing of it reached them and it stays private. If you would like, share it again with whoever supervises you now: `/peer plan share section:{{key}}`.',
  },
  copy: {
    sent: 'I sent a copy of your plan to your direct messages, as a Markdown file. Only you can see it there.',
    unreachable: 'I could not reach your direct messages just now. Nothing was sent; please try again later.',
  },
  errors: {
    stale: 'That button has lost which section it was for. Please open `/peer plan` again.',
    staleShare: 'That button has lost which section it was for.',
    tooLong:
      '"{{section}}" can hold up to {{limit}} characters, and this was {{length}}. Nothing was saved; please shorten it a little and try again.',
  },
  privacy: {
    label: 'Wellness plan',
    none: 'none saved',
    some: '{{count}} of 7 sections, encrypted; only you can read it, and a section reaches your supervisor only when you share it',
  },
} as const;
