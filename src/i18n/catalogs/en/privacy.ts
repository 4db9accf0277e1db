export const privacy = {
  notAMention: "I couldn't tell who '{{value}}' is. Please mention them, like @alex.",
  summary: {
    title: 'What PeerBridge stores about you',
    header: 'What I store about you, and who can see it',
    nothing: 'I don’t keep anything about you yet.',
    reads: '**Times someone else read, received or exported your private text:** {{count}}.',
    footer:
      'Nothing private is ever posted to a channel. `/peer privacy export` sends you everything I keep as a file; `/peer privacy erase` deletes it. You can turn off any prompt, and skipping never shows up in a report.',
  },
  export: {
    fileTitle: 'Your PeerBridge data',
    sent: 'I’ve sent you everything I keep about you as a file in a direct message. It may hold private text, so keep it somewhere safe.',
    sentOther:
      'I’ve sent you {{name}}’s data as a file in a direct message, for handing over to them. It may hold private text: please keep it safe and delete your copy afterwards. This was written to the audit log.',
    unreachable:
      'I couldn’t reach your direct messages just now, so nothing was sent. Please try again in a little while.',
    nothing: 'I don’t keep anything about you, so there is nothing to export or erase.',
  },
  erase: {
    title: 'Erase your data?',
    titleOther: 'Erase {{name}}’s data?',
    text: 'This deletes your private text and personal details from PeerBridge for good: answers, notes, plans, roles and settings. What you shared with the team under your name is taken out of the check-in posts in the channel too. Only anonymous counts and answers shared without a name stay (like “one answer was given”). It cannot be undone. If you might want a copy, run `/peer privacy export` first.',
    textOther:
      'This deletes {{name}}’s private text and personal details from PeerBridge for good: answers, notes, plans, roles and settings. What they shared with the team under their name is taken out of the check-in posts in the channel too. Only anonymous counts and answers shared without a name stay (like “one answer was given”). It cannot be undone. If you might want a copy, run `/peer privacy export` first.',
    yes: 'Yes, erase it',
    no: 'No, keep it',
    done: 'Done: your data is erased. If you use PeerBridge again, it starts fresh. Take care of yourself.',
    doneOther: 'Done: {{name}}’s data is erased. This was written to the audit log.',
    kept: 'Nothing was erased. Your data stays as it was.',
    stale: 'That button lost its details. Please run `/peer privacy erase` again.',
    nothingLeft: 'There is nothing left to erase.',
  },
  subject: {
    unknown: 'I keep nothing about that person in this workspace.',
    cannotCheck:
      "I couldn't check with the platform whether {{name}} has left, so I changed nothing. Please try again in a little while.",
    stillHere:
      "{{name}} is still in one of this workspace's team channels, so this is theirs to do: they can use `/peer privacy` themselves.",
    gone: 'There is nothing left to erase: that data is already gone.',
  },
} as const;
