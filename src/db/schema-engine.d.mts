import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

export interface OpenSchemaEngine {
  readonly engine: SchemaEngine;
  /** Frees the engine and disposes every connection it opened. */
  close(): Promise<void>;
}

export function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  datamodel?: { path: string; content: string },
): Promise<OpenSchemaEngine>;
