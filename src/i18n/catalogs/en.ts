// The English catalog: the source of every key (a key missing here is a compile error wherever
// it is used). Values are the bot's own markup (views.ts: **bold**, _italic_, `code`,
// [label](url)); `{{name}}` is filled only with literal(...) text, markup or a number
// (src/i18n/translate.ts). Plurals follow Intl.PluralRules: `key_one`, `key_other`.
// Spanish wording follows docs/i18n/glossary.md.
// One file per area (catalogs/<language>/<area>.ts), so each area’s words are edited in one place.

import { admin } from './en/admin.ts';
import { chat } from './en/chat.ts';
import { checkins } from './en/checkins.ts';
import { crisis, language, resource } from './en/common.ts';
import { flags } from './en/flags.ts';
import { plans } from './en/plans.ts';
import { platform } from './en/platform.ts';
import { privacy } from './en/privacy.ts';
import { resources } from './en/resources.ts';
import { selfcare } from './en/selfcare.ts';
import { supervision } from './en/supervision.ts';
import { teams } from './en/teams.ts';

export const en = {
  language,
  crisis,
  resource,
  checkins,
  flags,
  privacy,
  selfcare,
  plans,
  supervision,
  resources,
  admin,
  teams,
  chat,
  platform,
} as const;
