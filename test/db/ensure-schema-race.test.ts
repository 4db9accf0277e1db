// Replicas started together on a new `?schema=` each look for the schema, find none and create
// it: PostgreSQL lets only one CREATE SCHEMA through, and the other used to fail start-up with a
// unique violation (seen in test/deploy/production-layout.test.ts). Each round here starts six
// at once on a new schema; every one must find the schema made, by itself or another.
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/index.ts';
import { ensureSchema } from '../../src/db/migrations.ts';
import { freshPostgresSchema, type PostgresSchema, postgresAvailable } from '../support/database.ts';

const hasPostgres = await postgresAvailable();

describe.runIf(hasPostgres)('a schema named in DATABASE_URL, made by replicas starting together', () => {
  const made: PostgresSchema[] = [];
  afterAll(async () => {
    for (const schema of made) await schema.drop();
  });

  it('is made once, and every replica starts', async () => {
    for (let round = 0; round < 10; round++) {
      const schema = freshPostgresSchema('pb_race');
      made.push(schema);
      const replicas: Database[] = await Promise.all(
        Array.from({ length: 6 }, () => openDatabase({ kind: 'postgres', url: schema.url })),
      );
      try {
        const outcomes = await Promise.allSettled(replicas.map((db) => ensureSchema(db)));
        expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      } finally {
        await Promise.all(replicas.map((db) => db.close()));
      }
    }
  });
});
