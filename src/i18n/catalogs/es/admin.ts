import type { Catalog } from '../../catalog-types.ts';

export const admin: Catalog['admin'] = {
  outbox: {
    notRetried: {
      'not-visible':
        'Ese mensaje no está en la bandeja de salida que puedes ver (la de este equipo o la de este espacio de trabajo). Abre `/peer admin outbox` de nuevo para ver la lista actual.',
      sent: 'Ese mensaje ya se entregó; no hay nada que reintentar.',
      waiting:
        'Ese mensaje todavía espera su envío; solo se pueden reintentar los mensajes que se dieron por perdidos.',
    },
    header: 'Entregas de {{scope}}',
    scopeWorkspace: 'este espacio de trabajo',
    scopeTeam: 'este equipo',
    waiting: 'En espera',
    failed: 'Fallidas',
    delivered: 'Entregadas',
    privateCounts:
      '**Mensajes privados:** {{waiting}} en espera, {{failed}} fallidos. Para quién son se mantiene en privado; una persona administradora del espacio de trabajo puede verlo.',
    waitingList: '**En espera** (primero las más antiguas)',
    failedRow: '**Fallida:** {{row}}',
    lastError: 'Último error: {{error}}',
    unknownError: 'desconocido',
    toDm: 'mensaje directo a {{recipient}}',
    toChannel: 'canal {{recipient}}',
    urgent: 'urgente',
    private: 'privado',
    row_one: '{{to}}, {{count}} intento, prevista para {{due}}',
    row_other: '{{to}}, {{count}} intentos, prevista para {{due}}',
    retry: 'Reintentar',
    allClear: 'No hay nada en espera y nada ha fallado. Todo en orden.',
    neverShown: 'Aquí nunca se muestra el texto de los mensajes: algunos son privados.',
    summary: 'Entregas: {{waiting}} en espera, {{failed}} fallidas',
    retried: 'Vuelve a estar en la cola. Intentaré entregarlo ahora.',
    lostId: 'Ese botón perdió el id de su mensaje. Vuelve a abrir `/peer admin outbox`, por favor.',
    teamChannel: 'Usa esto en el canal de tu equipo, por favor, así sé a qué equipo te refieres.',
  },
};
