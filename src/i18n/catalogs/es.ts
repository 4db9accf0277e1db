// El catálogo en español. Sigue docs/i18n/glossary.md: tú (no usted), lenguaje neutro en género
// ("Te damos la bienvenida", "la persona que te supervisa"), cálido y sencillo. Same keys as
// en.ts: `Catalog` makes a missing or extra key a compile error.
// One file per area (catalogs/<language>/<area>.ts), so each area’s words are edited in one place.
import type { Catalog } from '../catalog-types.ts';
import { admin } from './es/admin.ts';
import { chat } from './es/chat.ts';
import { checkins } from './es/checkins.ts';
import { crisis, language, resource } from './es/common.ts';
import { flags } from './es/flags.ts';
import { plans } from './es/plans.ts';
import { platform } from './es/platform.ts';
import { privacy } from './es/privacy.ts';
import { resources } from './es/resources.ts';
import { selfcare } from './es/selfcare.ts';
import { supervision } from './es/supervision.ts';
import { teams } from './es/teams.ts';

export const es: Catalog = {
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
};
