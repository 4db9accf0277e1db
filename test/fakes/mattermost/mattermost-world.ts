// The fake Mattermost's state: teams, people (the bot among them), channels with members,
// posts (ephemeral ones apart), slash commands, and dialogs opened. Shapes follow the server's
// model (server/public/model: user.go, channel.go, post.go, command.go, integration_action.go).
import { randomBytes } from 'node:crypto';

/** Mattermost ids: 26 characters, lower-case letters and digits. */
export const newId = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(26), (b) => alphabet[b % alphabet.length]).join('');
};

export interface FakeUser {
  id: string;
  username: string;
  nickname: string;
  first_name: string;
  last_name: string;
  /** "system_user", "system_user system_admin"… */
  roles: string;
  is_bot: boolean;
  delete_at: number;
  /** The interface language the person chose ("en" unless set). */
  locale: string;
  timezone: { useAutomaticTimezone: string; automaticTimezone: string; manualTimezone: string };
}

export interface FakeTeam {
  id: string;
  name: string;
  display_name: string;
  /** user id -> team roles ("team_user", "team_user team_admin"). */
  members: Map<string, string>;
}

export interface FakeChannel {
  id: string;
  team_id: string;
  type: 'O' | 'P' | 'D';
  name: string;
  members: Set<string>;
}

export interface FakePostAction {
  id: string;
  name: string;
  type: string;
  integration?: { url?: string; context?: Record<string, unknown> };
  options?: { text: string; value: string }[];
}

export interface FakePost {
  id: string;
  channel_id: string;
  user_id: string;
  root_id: string;
  message: string;
  type: string;
  props: Record<string, unknown>;
  file_ids?: string[];
  /** What the server adds when it sends a post: here, the attached files' infos. */
  metadata?: { files?: unknown[] };
  create_at: number;
  update_at: number;
  delete_at: number;
  /** Ephemeral posts are shown to one person and never stored by the server. */
  ephemeralFor?: string;
}

export interface FakeCommand {
  id: string;
  token: string;
  team_id: string;
  trigger: string;
  url: string;
  method: string;
  creator_id: string;
}

export interface FakeDialog {
  trigger_id: string;
  url: string;
  user_id: string;
  channel_id: string;
  team_id: string;
  dialog: {
    callback_id: string;
    title: string;
    state: string;
    elements: {
      name: string;
      type: string;
      display_name: string;
      optional?: boolean;
      options?: { value: string }[];
    }[];
    introduction_text?: string;
    submit_label?: string;
  };
}

export class MattermostWorld {
  readonly users = new Map<string, FakeUser>();
  readonly teams = new Map<string, FakeTeam>();
  readonly channels = new Map<string, FakeChannel>();
  readonly posts = new Map<string, FakePost>();
  readonly commands = new Map<string, FakeCommand>();
  readonly dialogs: FakeDialog[] = [];
  readonly files = new Map<
    string,
    { name: string; bytes: Uint8Array; channelId?: string; mimeType?: string }
  >();
  /** trigger id -> who it was issued to and when. */
  readonly triggers = new Map<
    string,
    { userId: string; channelId: string; teamId: string; issuedAt: number; used: boolean }
  >();
  readonly bot: FakeUser;
  readonly team: FakeTeam;
  readonly townSquare: FakeChannel;

  constructor(botToken: string) {
    void botToken;
    this.bot = this.addUser('peerbridge', { is_bot: true });
    this.team = this.addTeam('care');
    this.townSquare = this.addChannel(this.team.id, 'town-square', 'O');
    this.joinChannel(this.townSquare.id, this.bot.id);
  }

  addUser(username: string, fields: Partial<FakeUser> = {}): FakeUser {
    const user: FakeUser = {
      id: newId(),
      username,
      nickname: '',
      first_name: username.charAt(0).toUpperCase() + username.slice(1),
      last_name: '',
      roles: 'system_user',
      is_bot: false,
      delete_at: 0,
      locale: 'en',
      timezone: { useAutomaticTimezone: 'true', automaticTimezone: 'UTC', manualTimezone: '' },
      ...fields,
    };
    this.users.set(user.id, user);
    for (const team of this.teams.values()) team.members.set(user.id, 'team_user');
    return user;
  }

  addTeam(name: string): FakeTeam {
    const team: FakeTeam = { id: newId(), name, display_name: name, members: new Map() };
    for (const user of this.users.values()) team.members.set(user.id, 'team_user');
    this.teams.set(team.id, team);
    return team;
  }

  addChannel(teamId: string, name: string, type: 'O' | 'P' = 'O'): FakeChannel {
    const channel: FakeChannel = { id: newId(), team_id: teamId, type, name, members: new Set() };
    this.channels.set(channel.id, channel);
    return channel;
  }

  joinChannel(channelId: string, userId: string): void {
    this.channels.get(channelId)?.members.add(userId);
  }

  /** The person with this username, made (and added to every team) the first time. */
  user(username: string): FakeUser {
    for (const user of this.users.values()) if (user.username === username) return user;
    const user = this.addUser(username);
    this.joinChannel(this.townSquare.id, user.id);
    return user;
  }

  directChannel(a: string, b: string): FakeChannel {
    const name = [a, b].sort().join('__');
    for (const channel of this.channels.values())
      if (channel.type === 'D' && channel.name === name) return channel;
    const channel: FakeChannel = { id: newId(), team_id: '', type: 'D', name, members: new Set([a, b]) };
    this.channels.set(channel.id, channel);
    return channel;
  }

  issueTrigger(userId: string, channelId: string, teamId: string): string {
    const id = `${newId()}:${Date.now()}`;
    this.triggers.set(id, { userId, channelId, teamId, issuedAt: Date.now(), used: false });
    return id;
  }
}
