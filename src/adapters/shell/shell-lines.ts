// What a typed line asks the playground to do. Pure, so the REPL stays a plain dispatcher
// and every playground command is testable without streams.

export type ShellLine =
  | { readonly kind: 'empty' }
  | { readonly kind: 'bot-command'; readonly text: string }
  | { readonly kind: 'press'; readonly n: number | undefined }
  | { readonly kind: 'as'; readonly name: string }
  | { readonly kind: 'in'; readonly channel: string }
  | { readonly kind: 'dm' }
  | { readonly kind: 'upload'; readonly path: string; readonly text: string }
  | { readonly kind: 'inbox' }
  | { readonly kind: 'log' }
  | { readonly kind: 'who' }
  | { readonly kind: 'commands' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'quit' }
  | { readonly kind: 'unknown'; readonly word: string }
  | { readonly kind: 'text'; readonly text: string };

/** The playground's own commands, for `/?` and the banner. */
export const playgroundCommands: readonly { readonly usage: string; readonly what: string }[] = [
  { usage: '/peer ...', what: 'talk to PeerBridge (/peer help lists everything)' },
  { usage: '/as <name>', what: 'be someone else, e.g. /as sam (new people join the channel you are in)' },
  {
    usage: '/as <name> --workspace-admin',
    what: 'be someone the platform calls a workspace admin (as Slack is_admin or Discord Manage Server would)',
  },
  {
    usage: '/as <name> --lang <tag>',
    what: 'be someone whose app speaks that language, e.g. /as ana --lang es-MX (as a Discord locale would)',
  },
  { usage: '/in <#channel>', what: 'go to a channel, e.g. /in #night-shift' },
  { usage: '/dm', what: 'a direct message with PeerBridge; anything you type goes to it' },
  {
    usage: '/upload <file> [words]',
    what: 'in the direct message: send PeerBridge a file, e.g. to import resources',
  },
  {
    usage: '<n> or /press <n>',
    what: 'press button n on any message you got (each button keeps its number all session)',
  },
  { usage: '/inbox', what: 'what you received privately' },
  { usage: '/log', what: 'what this channel shows (/channel works too)' },
  { usage: '/who', what: 'who is here, and where' },
  { usage: '/cancel', what: 'set aside a form you are filling in' },
  { usage: '/? or /commands', what: 'this list' },
  { usage: '/quit', what: 'leave (Ctrl-D works too)' },
];

export function readShellLine(line: string, root: string): ShellLine {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  if (/^\d+$/.test(text)) return { kind: 'press', n: Number(text) };
  if (!text.startsWith('/')) return { kind: 'text', text };
  const [head = '', ...rest] = text.split(/\s+/);
  const word = head.toLowerCase();
  const argument = rest.join(' ');
  if (word === `/${root}`) return { kind: 'bot-command', text: text.slice(head.length).trim() };
  switch (word) {
    case '/press': {
      const n = /^\d+$/.test(argument) ? Number(argument) : undefined;
      return { kind: 'press', n };
    }
    case '/as':
      return { kind: 'as', name: argument };
    case '/in':
      return { kind: 'in', channel: argument };
    case '/dm':
      return { kind: 'dm' };
    case '/upload':
      return { kind: 'upload', path: rest[0] ?? '', text: rest.slice(1).join(' ') };
    case '/inbox':
      return { kind: 'inbox' };
    case '/log':
    case '/channel':
      return { kind: 'log' };
    case '/who':
      return { kind: 'who' };
    case '/?':
    case '/commands':
      return { kind: 'commands' };
    case '/cancel':
      return { kind: 'cancel' };
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    default:
      return { kind: 'unknown', word: head };
  }
}
