import type { Catalog } from '../../catalog-types.ts';

export const resources: Catalog['resources'] = {
  category: {
    'crisis-line': 'Línea de crisis',
    'referral-service': 'Servicio de orientación y derivación',
    'peer-support-organisation': 'Organización de apoyo entre pares',
    'training-guidance': 'Formación y guías',
    'self-care': 'Herramienta de autocuidado',
    'local-service': 'Servicio local',
  },
  changed: {
    workspaceBy: 'Editado en este espacio de trabajo por {{name}} el {{date}}',
    workspace: 'Editado en este espacio de trabajo el {{date}}',
    by: 'Cambiado por {{name}} el {{date}}',
    plain: 'Cambiado el {{date}}',
  },
  card: {
    whatItIs: 'Qué es',
    where: 'Dónde',
    hours: 'Horario',
    languages: 'Idiomas',
    cost: 'Costo',
    checked: 'Datos revisados el {{date}}.',
    checkedAgainst: 'Datos revisados el {{date}} con {{source}}.',
    unchecked:
      'Ninguna persona administradora ha revisado estos datos todavía; el sitio del propio servicio tiene lo más reciente.',
  },
  find: {
    sendToMe: 'Enviármelo',
    share: 'Compartir en el canal',
    edit: 'Editar',
    retire: 'Retirar',
    more: 'Más resultados',
    correctedTo: 'Te muestro resultados para “{{words}}”.',
    similarOnly: 'Nada coincidió con todas las palabras; estos se acercan.',
    results: 'Resultados para “{{words}}”',
    morePage: 'Más para “{{words}}” (página {{page}})',
    nothing:
      'No encontré nada para “{{words}}”. Menos palabras, u otras, suelen ayudar; también puedes explorar una categoría: {{categories}}.',
    sent: 'Te lo envié por mensaje directo.',
    shareHere: 'Compartir funciona en un canal. Aquí ya es solo para ti.',
    shared: '{{name}} compartió: {{what}}',
    sharedBy: 'Compartido por {{name}}',
    gone: 'Esa entrada ya no está en la lista (quizá se retiró). Vuelve a buscar con `/peer find`.',
    lostSearch: 'Ese botón perdió su búsqueda. Vuelve a usar `/peer find`, por favor.',
  },
  help: {
    summary: '¿Qué te gustaría encontrar?',
    howTo:
      'Dime unas palabras, como `/peer find línea de texto` o `/peer find formación apoyo entre pares`. Agrega `category:` o `region:` para acotar, como `/peer find crisis region:GB`.',
    categories: '**Categorías**',
    crisisFirst:
      'Cuando buscas crisis, suicidio o autolesión, las líneas de crisis de tu región siempre aparecen primero.',
  },
  nothingFound: {
    summary: 'No encontré nada para “{{words}}”',
    text: 'No encontré nada para “{{words}}”. Menos palabras, u otras, suelen ayudar (la lista está sobre todo en inglés); también puedes explorar una categoría: {{categories}}.',
    crisis: '**Si necesitas a alguien ahora, estas son las líneas de crisis para {{region}}:**',
    danger: 'En peligro inmediato: llama al número de emergencias de tu zona.',
    suggest:
      '¿Conoces un servicio que debería estar aquí? `/peer resources suggest` se lo envía a tus personas administradoras.',
  },
  manage: {
    problemsSummary: 'La entrada necesita un pequeño cambio',
    problemsIntro: 'Todavía no pude guardarla; hay algunas cosas que necesitan un pequeño cambio:',
    nothingSaved: 'No se guardó nada. Vuelve a intentarlo cuando quieras.',
    added: 'Agregué **{{title}}**. Ya aparece en `/peer find`.',
    saved: 'Guardé **{{title}}**.',
    savedWorkspace:
      'Guardé **{{title}}** para este espacio de trabajo: tus equipos ven esta versión, marcada como editada en este espacio. Los demás espacios de trabajo conservan la entrada compartida.',
    notFound: 'Ya no encuentro esa entrada. Puede que se haya quitado.',
    retireQuestion: '¿Retirar **{{title}}**?',
    retireDetailWorkspace:
      'Tus equipos dejarán de verla en este espacio de trabajo; los demás espacios conservan la entrada compartida.',
    retireDetail: 'Dejará de aparecer en las búsquedas.',
    retire: 'Retirar',
    keep: 'Conservarla',
    kept: 'No cambió nada: **{{title}}** sigue en la lista.',
    retiredWorkspace:
      'Retiré **{{title}}** en este espacio de trabajo: tus equipos ya no la ven. Los demás espacios de trabajo conservan la entrada compartida.',
    retired: 'Retiré **{{title}}**. Ya no aparece en las búsquedas.',
    checked: 'Gracias: **{{title}}** queda marcada como revisada hoy.',
    checkedWorkspace:
      'Gracias: **{{title}}** queda marcada como revisada hoy para este espacio de trabajo: tus equipos ven esta versión, marcada como editada en este espacio. Los demás espacios de trabajo conservan la entrada compartida.',
    suggestionSummary: 'Una nueva sugerencia de recurso: {{title}}',
    suggestionHeader: 'Una sugerencia de recurso',
    approve: 'Aprobar',
    decline: 'Rechazar',
    suggested: 'Gracias. Le pasé **{{title}}** a las personas administradoras y te contaré lo que decidan.',
    suggestedNoAdmin:
      'Gracias. Le pasé **{{title}}** a las personas administradoras (cuando un equipo tenga a alguien que lo administre, la verá en `/peer resources review`) y te contaré lo que decidan.',
    suggestionGone: 'Ya no encuentro esa sugerencia.',
    alreadyApproved: 'Otra persona administradora ya aprobó esa sugerencia.',
    alreadyDeclined: 'Otra persona administradora ya rechazó esa sugerencia.',
    unreadable: 'Esa sugerencia ya no se puede leer; por favor, recházala.',
    toldApproved:
      'Tu sugerencia **{{title}}** se agregó a los recursos compartidos. Gracias por ayudar a que todo el mundo la encuentre.',
    toldDeclined:
      'Gracias por sugerir **{{title}}**. Esta vez no se agregó; si quieres, puedes preguntar a las personas administradoras.',
    decidedMoment: 'Otra persona administradora decidió sobre esa sugerencia hace un momento.',
    approved: 'Aprobada: **{{title}}** ya está en la lista.',
    declined: 'Rechacé **{{title}}**. Se lo hice saber con cuidado.',
  },
  form: {
    titleAdd: 'Agregar un recurso',
    titleEdit: 'Editar un recurso',
    titleSuggest: 'Sugerir un recurso',
    name: 'Nombre',
    kind: 'Qué tipo de recurso',
    summary: 'Para qué sirve',
    contacts: 'Cómo contactarlo (uno por línea)',
    contactsHint:
      'Como `phone: 988`, `text: 741741 (text HOME)`, `web: https://…`, `chat: https://…`, `email: …`',
    regions: 'Dónde (códigos de región)',
    regionsHint: 'Como US, US-TX o GB, separados por comas. Déjalo vacío si es internacional.',
    hours: 'Horario',
    hoursHint: 'Como 24/7 o lun-vie 9-17',
    tags: 'Palabras de búsqueda (separadas por comas)',
    source: 'De dónde vienen los datos',
    visibility: 'Quién lo ve',
    everyone: 'Todo este espacio de trabajo',
    team: 'Solo este equipo',
    send: 'Enviar sugerencia',
    save: 'Guardar',
    suggestNote:
      'Una persona administradora revisa cada sugerencia antes de agregarla, y te contaré lo que decida.',
    saveNote: 'Solo se guarda lo que escribes aquí; nada queda a medias si algo necesita un cambio.',
    badContact:
      "No pude leer la línea de contacto '{{line}}'. Empiézala con phone:, text:, chat:, web: o email:.",
  },
  review: {
    waiting: 'Sugerencias en espera',
    unreadable: 'Una sugerencia que ya no se puede leer.',
    notChecked: 'Sin revisar desde hace {{days}} días ({{total}})',
    allClear: 'No hay nada en espera, y todas las entradas se revisaron hace poco. Gracias.',
    summary: '{{pending}} sugerencias, {{total}} entradas por revisar',
  },
  stale: {
    summary_one: '{{count}} recurso por revisar este mes',
    summary_other: '{{count}} recursos por revisar este mes',
    header: 'Recursos por revisar este mes',
    intro:
      'Estos llevan {{days}} días o más sin revisarse (primero los que nunca se revisaron). Los números y horarios cambian; un vistazo rápido mantiene a salvo a todo el mundo.',
    more: 'Quedan {{count}} más en `/peer resources review`.',
    stillRight: 'Sigue bien',
    edit: 'Editar',
    retire: 'Retirar',
  },
  transfer: {
    howSummary: 'Cómo importar recursos',
    howSend:
      'Envíame el archivo por mensaje directo (adjúntalo, no hace falta ningún comando), de hasta {{size}}. Leo:',
    howFormats:
      '• **HSDS JSON** (`.json`): servicios de Open Referral, con su organización, teléfonos, horarios y zonas de servicio\n• **Paquete de datos HSDS CSV** (`.zip`): `datapackage.json` con `services.csv`, `phones.csv` y las demás tablas\n• **El CSV simple** (`.csv`): una fila por entrada; `/peer resources export format:simple-csv` te da uno para empezar',
    howCheck:
      'Primero reviso cada fila. Si alguna necesita un cambio, no importo nada y te digo cuáles son; luego puedes corregir el archivo o importar solo las filas correctas. Escribe "good rows only" junto con el archivo para hacerlo de una vez. Importar el mismo archivo dos veces no cambia nada.',
    busy: 'Estoy leyendo otro archivo ahora mismo. Vuelve a enviar el tuyo en un minuto; no se importó nada.',
    notChatting:
      'Gracias por tu mensaje. Soy un bot, así que no puedo conversar, pero `/peer help` te muestra en qué puedo ayudarte.',
    oneFile: 'Envía un archivo a la vez, por favor, y lo importo.',
    tooBig:
      '{{name}} pesa {{size}}; puedo recibir archivos de hasta {{max}}. No se importó nada. Puedes dividirlo en archivos más pequeños, o pedir a quien administra PeerBridge que lo importe con `npm run resources -- import`.',
    unknownFormat:
      'No puedo leer {{name}}: importo HSDS JSON (.json), un paquete de datos HSDS CSV comprimido (.zip) o el CSV simple (.csv). No se importó nada. `/peer resources import` te cuenta más.',
    couldNotRead: 'No pude leer {{name}}: {{reason}}. No se importó nada.',
    notJson: 'no es un JSON válido',
    unreadable: 'no se pudo leer',
    reportSummary: 'Importación de {{name}}: {{outcome}}',
    read: 'Leí **{{rows}}** fila(s) de {{name}} como {{format}}.',
    needChange: '{{count}} fila(s) necesitan un cambio:',
    badRow: '• {{where}}: {{reason}}',
    badRowId: '• {{where}} (id {{id}}): {{reason}}',
    moreBad: '…y {{count}} más.',
    imported: 'Importado: {{added}} nuevas, {{updated}} actualizadas, {{unchanged}} sin cambios.',
    nothingImported: 'No se importó nada: la lista no cambió.',
    importGood_one: 'Importar la {{count}} fila correcta',
    importGood_other: 'Importar las {{count}} filas correctas',
    orFix: 'O corrige las filas de arriba y vuelve a enviar el archivo.',
    fileGone:
      'Ya no tengo ese archivo (lo guardo 30 minutos). Vuelve a enviarlo con las palabras "good rows only" e importaré las filas correctas.',
    exported_one: 'Te envié {{count}} entrada como {{format}} ({{file}}) por mensaje directo.',
    exported_other: 'Te envié {{count}} entradas como {{format}} ({{file}}) por mensaje directo.',
    exportFailed: 'No pude enviar el archivo desde aquí en este momento. Vuelve a intentarlo en un rato.',
  },
  privacy: {
    suggestions: 'Recursos que sugeriste',
    none: 'ninguno',
    some: '{{count}} (lo que sugeriste y si se añadió; las personas administradoras de tu espacio de trabajo pueden verlo)',
  },
};
