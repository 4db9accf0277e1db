export const language = {
  names: { en: 'English', es: 'Spanish (español)' },
  set: 'From now on I will write to you in {{language}}.',
  auto: 'I will follow your platform’s language, or your team’s when it does not say. Right now that is {{language}}.',
  teamSet: 'Posts in this channel, and messages to members who chose no language, are now in {{language}}.',
} as const;

export const crisis = {
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
} as const;

export const resource = {
  call: 'Call {{value}}',
  text: 'Text {{value}}',
  chat: 'Chat',
  email: 'Email {{value}}',
  international: 'International',
  checked: 'checked {{date}}',
  crisisLine: 'Crisis line',
} as const;
