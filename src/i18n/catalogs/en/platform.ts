// Words the adapters say themselves: around forms asked in parts, shell prompts, modal buttons.
// Plain where the platform shows plain text (button labels, titles); neutral markup elsewhere.
export const platform = {
  forms: {
    readyTitle: '{{title}} is ready for you',
    ready: '**{{title}}** is ready for you. Press the button whenever you like.',
    open: 'Open the form',
    partSavedTitle: 'Part {{done}} of {{count}} is saved',
    partSaved: 'Thank you, part {{done}} of {{count}} is in. Press Continue for the next part.',
    nothingSentYet: 'Nothing is sent until the last part is in.',
    continue: 'Continue',
    tryAgainTitle: 'Something in the form needs a small change',
    tryAgain: 'Try again',
    expired:
      "I couldn't match that form to anything; it may have been open for a long time, or I restarted in between. Nothing was saved, and you are welcome to start again.",
    notNow: 'Not now',
    typeNumbers: 'Type numbers or names, with commas',
    typeNumber: 'Type a number or name',
    noMatch: "{{label}}: I couldn't match '{{typed}}' to a choice.",
    noMatches: "{{label}}: I couldn't match {{typed}}.",
    notAChoice: "'{{given}}' is not one of the choices for {{label}}.",
    tryNumbers: 'Try a number from the list or the name as shown. Nothing was saved yet.',
  },
  replies: {
    doneTitle: 'Done',
    done: 'All done. Thank you.',
    postedBelowTitle: 'Posted below',
    postedBelow: 'Posted below, where everyone can see it.',
    continued: '{{text}} (continued)',
  },
  shell: {
    optional: ' (optional, Enter to skip)',
    keep: ' (press Enter to keep {{shown}})',
    keepOrEmpty: ' (press Enter to keep {{shown}}; type - to leave it empty)',
    example: 'e.g. {{example}}',
    severalLines: '(Several lines: end a line with \\\\ to go on to the next.)',
    pickOne: 'Type a number or a name.',
    pickSome: 'Type numbers or names, separated by commas.',
    current: ' (current)',
    now: ' (now)',
    needsAnswer: 'This one needs an answer. A few words are plenty.',
    tooLong: "That's {{length}} characters, and this takes up to {{max}}. A shorter version works fine.",
    noMatch: "I couldn't match that to a choice. Try a number from the list.",
    noMatches: "I couldn't match {{typed}}. Try numbers from the list.",
    inFormHelp:
      'You are answering a form: type an answer, press Enter to skip an optional question, or /cancel to set it aside.',
    inFormCommand:
      'You are in the middle of a form. Type your answer, or /cancel to set the form aside first.',
    formFor: '[form for {{name}}] {{title}}',
    nothingToFill: '(Nothing to fill in here: press Enter to send it, or /cancel to set it aside.)',
    oneAtATime: '(Answer one question at a time. /cancel sets the form aside and sends nothing.)',
    questionOf: '({{n}} of {{count}})',
    cancelled:
      'Okay, I set that form aside. Nothing was sent or saved, and you can open it again whenever you like.',
    unfinished: 'The input ended before the form was finished, so nothing from it was sent or saved.',
    farewell: 'Bye for now. Take care of yourself.',
    bannerTitle: 'PeerBridge playground',
    bannerHello:
      'Hello! This is a pretend chat workspace in your terminal, so you can try PeerBridge\nwithout Slack, Discord or any tokens.',
    bannerKept: 'What you do is kept {{where}}.',
    bannerKeptDefault: 'in the embedded database',
    bannerYou: 'You are {{person}}, in the channel #{{channel}}. Try this:',
    bannerSetup: 'make this channel a peer team (you become its admin)',
    bannerHelp: 'everything PeerBridge can do',
    bannerAs: 'be someone new, and see what is kept about them',
    bannerCommands: 'Playground commands:',
    bannerLeave: 'Leave any time with /quit or Ctrl-D.',
  },
  slack: {
    unreadableForm:
      "I'm sorry, I couldn't read that form, so nothing was saved. You didn't do anything wrong; please try it again.",
  },
} as const;
