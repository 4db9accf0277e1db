// The HSDS CSV data package: a folder or a zip with datapackage.json and one CSV per table
// (services, organizations, phones, schedules, service_areas, languages, attributes,
// taxonomy_terms), joined by ids. Read into the same service shape as HSDS JSON, so one
// mapping serves both.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResourceRecord } from '../record.ts';
import { type CsvRow, parseCsv, writeCsv } from './csv.ts';
import { type HsdsService, recordToService } from './hsds.ts';
import { readZip, writeZip, type ZipLimits } from './zip.ts';

export interface PackagedService {
  readonly key: string;
  readonly service: HsdsService;
}

/** The package's files by name (`services.csv`); undefined for a file it does not have. */
export type PackageFiles = (file: string) => Promise<string | undefined>;

export function folderFiles(dir: string): PackageFiles {
  return async (file) => {
    const path = join(dir, file);
    return existsSync(path) ? readFile(path, 'utf8') : undefined;
  };
}

/** The files of a zipped package, found beside its datapackage.json (which may sit in a folder). */
export function zipFiles(bytes: Uint8Array, limits?: ZipLimits): PackageFiles {
  const files = readZip(bytes, limits);
  const descriptor = [...files.keys()]
    .filter((name) => name === 'datapackage.json' || name.endsWith('/datapackage.json'))
    .sort((a, b) => a.length - b.length)[0];
  const root = descriptor ? descriptor.slice(0, -'datapackage.json'.length) : '';
  return async (file) => files.get(`${root}${file}`)?.toString('utf8');
}

async function table(files: PackageFiles, file: string, maxRows: number): Promise<readonly CsvRow[]> {
  const text = await files(file);
  return text === undefined ? [] : parseCsv(text, maxRows).rows;
}

const blankless = (values: Readonly<Record<string, string>>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));

function groupBy(rows: readonly CsvRow[], key: string): Map<string, Record<string, string>[]> {
  const groups = new Map<string, Record<string, string>[]>();
  for (const row of rows) {
    const id = row.values[key] ?? '';
    // Appended in place: copying the group each time made many rows of one service quadratic.
    const group = groups.get(id);
    if (group) group.push(blankless(row.values));
    else groups.set(id, [blankless(row.values)]);
  }
  return groups;
}

const serviceColumns = ['organization_id', 'program_id'];

/**
 * `x_peerbridge` holds what HSDS has no column for; its `extras` are top-level service fields
 * that are not text (numbers, lists), which a CSV cell could not give back as they were.
 */
function extensionOf(cell: string | undefined): Record<string, unknown> {
  if (!cell) return {};
  const parsed: unknown = JSON.parse(cell);
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const { extras, ...extension } = parsed as Record<string, unknown>;
  const kept = extras && typeof extras === 'object' && !Array.isArray(extras) ? extras : {};
  return { ...kept, ...(Object.keys(extension).length > 0 ? { x_peerbridge: extension } : {}) };
}

export async function readDataPackage(
  files: PackageFiles,
  label: string,
  maxRows = Number.POSITIVE_INFINITY,
): Promise<PackagedService[]> {
  if ((await files('datapackage.json')) === undefined) {
    throw new Error(`${label} has no datapackage.json: it is not an HSDS CSV data package.`);
  }
  const [services, organizations, phones, schedules, areas, languages, attributes, terms] = await Promise.all(
    [
      'services.csv',
      'organizations.csv',
      'phones.csv',
      'schedules.csv',
      'service_areas.csv',
      'languages.csv',
      'attributes.csv',
      'taxonomy_terms.csv',
    ].map((file) => table(files, file, maxRows)),
  );
  const orgById = new Map((organizations ?? []).map((row) => [row.values.id ?? '', blankless(row.values)]));
  const termById = new Map((terms ?? []).map((row) => [row.values.id ?? '', blankless(row.values)]));
  const phonesBy = groupBy(phones ?? [], 'service_id');
  const schedulesBy = groupBy(schedules ?? [], 'service_id');
  const areasBy = groupBy(areas ?? [], 'service_id');
  const languagesBy = groupBy(languages ?? [], 'service_id');
  const attributesBy = groupBy(attributes ?? [], 'link_id');
  return (services ?? []).map((row) => {
    const { x_peerbridge: extension, ...values } = blankless(row.values);
    const id = values.id ?? '';
    const organization = values.organization_id ? orgById.get(values.organization_id) : undefined;
    const service: HsdsService = {
      ...Object.fromEntries(Object.entries(values).filter(([key]) => !serviceColumns.includes(key))),
      ...(organization ? { organization } : {}),
      phones: phonesBy.get(id) ?? [],
      schedules: schedulesBy.get(id) ?? [],
      service_areas: areasBy.get(id) ?? [],
      languages: languagesBy.get(id) ?? [],
      attributes: (attributesBy.get(id) ?? []).map((a) => ({
        ...a,
        ...(a.taxonomy_term_id ? { taxonomy_term: termById.get(a.taxonomy_term_id) } : {}),
      })),
      ...extensionOf(extension),
    };
    return { key: `services.csv line ${row.line}`, service };
  });
}

type Row = Record<string, string>;
type ExportedService = Record<string, unknown> & {
  organization?: Record<string, unknown>;
  x_peerbridge?: Record<string, unknown>;
  phones: Row[];
  schedules: Row[];
  service_areas: Row[];
  languages: Row[];
  attributes: (Row & { taxonomy_term: Row })[];
};
const str = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

const columns = {
  services: [
    'id',
    'organization_id',
    'name',
    'description',
    'url',
    'email',
    'status',
    'fees_description',
    'assured_date',
    'x_peerbridge',
  ],
  organizations: ['id', 'name'],
  phones: ['id', 'service_id', 'number', 'type', 'description'],
  schedules: ['id', 'service_id', 'description'],
  service_areas: ['id', 'service_id', 'name', 'extent', 'extent_type'],
  languages: ['id', 'service_id', 'name', 'code'],
  attributes: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'],
  taxonomy_terms: ['id', 'code', 'name', 'taxonomy'],
} as const;

/** The package's files, by name: one CSV per table and datapackage.json. */
export function dataPackageFiles(records: readonly ResourceRecord[]): Map<string, string> {
  const out: Record<keyof typeof columns, Row[]> = {
    services: [],
    organizations: [],
    phones: [],
    schedules: [],
    service_areas: [],
    languages: [],
    attributes: [],
    taxonomy_terms: [],
  };
  const seenOrgs = new Set<string>();
  const seenTerms = new Set<string>();
  const serviceExtraColumns = new Set<string>();
  const orgColumns = new Set<string>();
  for (const record of records) {
    const s = recordToService(record) as ExportedService;
    const id = record.id;
    const base = new Set<string>([
      ...columns.services,
      'organization',
      'phones',
      'schedules',
      'service_areas',
      'languages',
      'attributes',
    ]);
    const textExtras: Row = {};
    const otherExtras: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(s)) {
      if (base.has(key)) continue;
      if (typeof value === 'string') {
        textExtras[key] = value;
        serviceExtraColumns.add(key);
      } else otherExtras[key] = value;
    }
    const extension = {
      ...(s.x_peerbridge && typeof s.x_peerbridge === 'object' ? s.x_peerbridge : {}),
      ...(Object.keys(otherExtras).length > 0 ? { extras: otherExtras } : {}),
    };
    out.services.push({
      ...Object.fromEntries(columns.services.map((c) => [c, str(s[c])])),
      ...textExtras,
      organization_id: str(s.organization?.id),
      x_peerbridge: Object.keys(extension).length > 0 ? JSON.stringify(extension) : '',
    });
    const organization = s.organization;
    if (organization && !seenOrgs.has(str(organization.id))) {
      seenOrgs.add(str(organization.id));
      for (const key of Object.keys(organization)) orgColumns.add(key);
      out.organizations.push(Object.fromEntries(Object.entries(organization).map(([k, v]) => [k, str(v)])));
    }
    out.phones.push(...s.phones.map((p) => ({ ...p, service_id: id })));
    out.schedules.push(...s.schedules.map((p) => ({ ...p, service_id: id })));
    out.service_areas.push(...s.service_areas.map((p) => ({ ...p, service_id: id })));
    out.languages.push(...s.languages.map((p) => ({ ...p, service_id: id })));
    for (const { taxonomy_term: term, ...attribute } of s.attributes) {
      out.attributes.push({ ...attribute, link_id: id, taxonomy_term_id: str(term.id) });
      if (!seenTerms.has(str(term.id))) {
        seenTerms.add(str(term.id));
        out.taxonomy_terms.push(Object.fromEntries(Object.entries(term).map(([k, v]) => [k, str(v)])));
      }
    }
  }
  const headers: Record<keyof typeof columns, readonly string[]> = {
    ...columns,
    services: [...columns.services, ...[...serviceExtraColumns].sort()],
    organizations: [
      ...columns.organizations,
      ...[...orgColumns].filter((c) => c !== 'id' && c !== 'name').sort(),
    ],
  };
  const files = new Map<string, string>();
  const resources = [];
  for (const [name, header] of Object.entries(headers) as [keyof typeof columns, readonly string[]][]) {
    files.set(`${name}.csv`, writeCsv(header, out[name]));
    resources.push({
      name,
      path: `${name}.csv`,
      profile: 'tabular-data-resource',
      schema: { fields: header.map((field) => ({ name: field, type: 'string' })) },
    });
  }
  const datapackage = { name: 'peerbridge-resources', profile: 'tabular-data-package', resources };
  files.set('datapackage.json', `${JSON.stringify(datapackage, null, 2)}\n`);
  return files;
}

/** Writes the package as a folder, or as a zip when the path ends in .zip. */
export async function writeDataPackage(path: string, records: readonly ResourceRecord[]): Promise<void> {
  const files = dataPackageFiles(records);
  if (path.toLowerCase().endsWith('.zip')) {
    await writeFile(path, writeZip(files));
    return;
  }
  await mkdir(path, { recursive: true });
  for (const [name, text] of files) await writeFile(join(path, name), text);
}
