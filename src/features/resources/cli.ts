// `npm run resources -- import <file|folder|package.zip> [--good-rows-only] [--format hsds-json|hsds-csv|simple-csv]`
// and `npm run resources -- export <file|folder|package.zip> [--format ...]`. Parsed with zod; the work is done on
// the database it is given, so tests run it in-process. Returns the exit code.
import { z } from 'zod';
import type { PrismaClient } from '../../db/index.ts';
import { exportFile } from './formats/export.ts';
import { formatReport, importFile } from './formats/import.ts';
import { loadSeed } from './seed.ts';

const formats = ['hsds-json', 'hsds-csv', 'simple-csv'] as const;

const ArgsSchema = z.object({
  command: z.enum(['import', 'export'], { error: 'the first word must be import or export' }),
  file: z.string({ error: 'name the file (or folder) after the command' }).min(1),
  goodRowsOnly: z.boolean(),
  format: z.enum(formats, { error: `--format must be one of ${formats.join(', ')}` }).optional(),
});

export const usage =
  'Usage: npm run resources -- import <file|folder|package.zip> [--good-rows-only] [--format hsds-json|hsds-csv|simple-csv]\n       npm run resources -- export <file|folder|package.zip> [--format hsds-json|hsds-csv|simple-csv]';

export function parseArgs(argv: readonly string[]) {
  const positional = argv.filter((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--format');
  const formatAt = argv.indexOf('--format');
  const unknown = argv.filter(
    (arg) => arg.startsWith('--') && arg !== '--good-rows-only' && arg !== '--format',
  );
  if (unknown.length > 0)
    return { success: false as const, problems: [`I don't know the option ${unknown.join(', ')}`] };
  const parsed = ArgsSchema.safeParse({
    command: positional[0],
    file: positional[1],
    goodRowsOnly: argv.includes('--good-rows-only'),
    ...(formatAt >= 0 ? { format: argv[formatAt + 1] } : {}),
  });
  return parsed.success
    ? { success: true as const, args: parsed.data }
    : { success: false as const, problems: parsed.error.issues.map((i) => i.message) };
}

export async function runResourcesCli(
  prisma: PrismaClient,
  argv: readonly string[],
  out: { log(line: string): void; error(line: string): void },
): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.success) {
    for (const problem of parsed.problems) out.error(problem);
    out.error(usage);
    return 2;
  }
  const { command, file, goodRowsOnly, format } = parsed.args;
  try {
    if (command === 'export') {
      // The starting set is part of the store even before the bot's first start.
      await loadSeed(prisma);
      const done = await exportFile(prisma, file, format ? { format } : {});
      out.log(`Exported ${done.count} resource(s) as ${done.format} to ${file}.`);
      return 0;
    }
    const report = await importFile(prisma, file, {
      goodRowsOnly,
      ...(format ? { format } : {}),
      onProgress: (doneRows, total) => {
        if (total >= 1000) out.log(`  ${doneRows} of ${total} rows written…`);
      },
    });
    out.log(formatReport(report));
    return report.bad.length > 0 && !report.imported ? 1 : 0;
  } catch (error) {
    out.error(
      `Could not ${command} ${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    return 1;
  }
}
