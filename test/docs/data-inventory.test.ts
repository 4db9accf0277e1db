// docs/data.md is the data inventory an organisation's IT and privacy officer read. It must
// stay true: every table of prisma/schema.prisma has a section, the section lists exactly the
// table's columns (a new column cannot go undocumented, a dropped one cannot linger), names as
// encrypted exactly the columns `encryptedColumns` encrypts, says who reads it and how long it
// is kept, and every setting it names is a real one (.env.example lists every setting).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptedColumns } from '../../src/db/key-rotation.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const schema = readFileSync(join(repoRoot, 'prisma', 'schema.prisma'), 'utf8');
const doc = readFileSync(join(repoRoot, 'docs', 'data.md'), 'utf8');
const envExample = readFileSync(join(repoRoot, '.env.example'), 'utf8');

/** Each model's stored columns: its fields minus relations (fields whose type is a model). */
function schemaTables(): Map<string, string[]> {
  const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!);
  const tables = new Map<string, string[]>();
  for (const [, name, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const columns = body!
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^[a-z]\w*\s/.test(line))
      .map((line) => line.split(/\s+/) as [string, string])
      .filter(([, type]) => !models.includes(type.replace(/[[\]?]/g, '')))
      .map(([column]) => column);
    tables.set(name!, columns);
  }
  return tables;
}

interface Section {
  columns: string[];
  encrypted: string[];
  whoReads?: string;
  kept?: string;
}

function docSections(): Map<string, Section> {
  const sections = new Map<string, Section>();
  for (const part of doc.split(/^### /m).slice(1)) {
    const name = /^`(\w+)`/.exec(part)?.[1];
    if (!name) continue;
    const line = (label: string) => new RegExp(`^- \\*\\*${label}:\\*\\* (.*)$`, 'm').exec(part)?.[1];
    const ticked = (text: string | undefined) => [...(text ?? '').matchAll(/`(\w+)`/g)].map((m) => m[1]!);
    const encryptedLine = line('Encrypted') ?? '';
    sections.set(name, {
      columns: ticked(line('Columns')),
      // Only the names before any parenthesis: a note may mention clear columns by name.
      encrypted: encryptedLine.startsWith('none') ? [] : ticked(encryptedLine.split('(')[0]),
      ...(line('Who reads') ? { whoReads: line('Who reads') } : {}),
      ...(line('Kept') ? { kept: line('Kept') } : {}),
    });
  }
  return sections;
}

describe('docs/data.md, the data inventory', () => {
  const tables = schemaTables();
  const sections = docSections();

  it('has one section per table, and none for a table that no longer exists', () => {
    expect(tables.size).toBeGreaterThan(20);
    expect([...sections.keys()].sort()).toEqual([...tables.keys()].sort());
  });

  it('lists exactly each table’s columns', () => {
    for (const [table, columns] of tables)
      expect(sections.get(table)?.columns.sort(), table).toEqual([...columns].sort());
  });

  it('names as encrypted exactly the columns that are encrypted', () => {
    for (const table of tables.keys()) {
      const encrypted = encryptedColumns.filter((c) => c.table === table).map((c) => c.column);
      expect(sections.get(table)?.encrypted.sort(), table).toEqual(encrypted.sort());
    }
    // Every encrypted column is a column of the schema (the list and the schema agree too).
    for (const { table, column } of encryptedColumns)
      expect(tables.get(table), `${table}.${column}`).toContain(column);
  });

  it('says who reads each table and how long it is kept', () => {
    for (const [table, section] of sections) {
      expect(section.whoReads, `${table}: who reads`).toBeTruthy();
      expect(section.kept, `${table}: kept`).toBeTruthy();
    }
  });

  it('names only settings that exist', () => {
    const named = new Set([...doc.matchAll(/`([A-Z][A-Z0-9_]{3,})`/g)].map((m) => m[1]!));
    expect(named.size).toBeGreaterThan(5);
    const missing = [...named].filter((name) => !new RegExp(`^#? ?${name}=`, 'm').test(envExample));
    expect(missing).toEqual([]);
  });
});
