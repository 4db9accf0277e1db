import type { Catalog } from '../../catalog-types.ts';

export const language: Catalog['language'] = {
  names: { en: 'inglés (English)', es: 'español' },
  set: 'A partir de ahora te escribo en {{language}}.',
  auto: 'Seguiré el idioma de tu plataforma, o el de tu equipo si la plataforma no lo indica. Ahora mismo es {{language}}.',
  teamSet:
    'Las publicaciones de este canal, y los mensajes a quienes no eligieron idioma, ahora están en {{language}}.',
};

export const crisis: Catalog['crisis'] = {
  header: 'Líneas de crisis para {{region}}',
  none: 'Todavía no tengo líneas de crisis para esta región.',
  danger: 'Si tú u otra persona están en peligro inmediato, llama al número de emergencias de tu zona.',
  dangerShort: 'En peligro inmediato: llama al número de emergencias de tu zona.',
  sendToMe: 'Enviármelo',
  shareInChannel: 'Compartir en el canal',
  pointer:
    'Si se vuelve más pesado, `/peer find category:crisis-line` te muestra las líneas de crisis de tu región, en cualquier momento.',
  intro: '**Si necesitas a alguien ahora mismo**, estas líneas están para ti:',
  talkNow: '**Si quieres hablar con alguien ahora**',
  localEmergency: 'Si estás en peligro, llama al número de emergencias de tu zona.',
  resultsSummary_one: '{{count}} recurso para “{{words}}”',
  resultsSummary_other: '{{count}} recursos para “{{words}}”',
};

export const resource: Catalog['resource'] = {
  call: 'Llama al {{value}}',
  text: 'Envía un mensaje de texto al {{value}}',
  chat: 'Chat',
  email: 'Correo: {{value}}',
  international: 'Internacional',
  checked: 'revisado el {{date}}',
  crisisLine: 'Línea de crisis',
};
