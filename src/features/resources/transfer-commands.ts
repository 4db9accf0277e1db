// `/peer resources import` (how to send a file) and `/peer resources export format:…` (the
// store as a file in the admin's direct messages), and the direct-message upload they lead to.

import type { Access } from '../../access/index.ts';
import { type ChatClient, defineCommand, type Platform } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { Clock, LogPort } from '../../scheduling/index.ts';
import { createTransfer, exportFormats } from './transfer.ts';

interface Deps {
  readonly access: Access;
  readonly prisma: PrismaClient;
  readonly clock: Clock;
  readonly logger: LogPort;
  readonly clientFor?: (platform: Platform) => ChatClient | undefined;
}

export function transferCommands(deps: Deps, defaultRegion: string) {
  const transfer = createTransfer({
    prisma: deps.prisma,
    clock: deps.clock,
    logger: deps.logger,
    defaultRegion,
    access: deps.access,
    async sendFile(to, file) {
      const client = deps.clientFor?.(to.platform);
      if (!client) return false;
      await client.uploadFile(to, file);
      return true;
    },
  });

  const importHow = defineCommand({
    name: 'import',
    group: 'resources',
    description: 'Import resources from a file (workspace admins)',
    help: 'Says how to send me a file in a direct message: HSDS JSON, a zipped HSDS CSV data package, or the simple CSV.',
    who: 'admin',
    verb: 'resources.import',
    where: 'anywhere',
    handler: (context) => transfer.importHow(context),
  });

  const exportFile = defineCommand({
    name: 'export',
    group: 'resources',
    description: 'Export the shared resources as a file (admins)',
    help: 'Sends the shared list to your direct messages: HSDS JSON (the default), a zipped HSDS CSV data package, or the simple CSV.',
    who: 'admin',
    verb: 'resources.export',
    where: 'anywhere',
    options: {
      format: {
        type: 'choice',
        description: 'hsds-json (the default), hsds-csv (a zip) or simple-csv',
        choices: exportFormats,
      },
    },
    handler: (context) => transfer.exportTo(context, context.options.format ?? 'hsds-json'),
  });

  return {
    commands: [importHow, exportFile],
    receive: transfer.receive,
    importGood: transfer.importGood,
  };
}
