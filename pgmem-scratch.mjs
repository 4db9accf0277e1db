import { readdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

const variant = process.argv[2];
const variants = {
  default: {},
  init32: { initialMemory: 32 * 2 ** 20 },
  sb16: { postgresqlconf: ['shared_buffers = 16MB'] },
  'sb16-init32': { postgresqlconf: ['shared_buffers = 16MB'] },
  'sb32-wal': {
    postgresqlconf: [
      'shared_buffers = 32MB',
      'wal_buffers = 1MB',
      'work_mem = 2MB',
      'maintenance_work_mem = 16MB',
      'temp_buffers = 2MB',
    ],
  },
  'sb8-all': {
    postgresqlconf: [
      'shared_buffers = 8MB',
      'wal_buffers = 512kB',
      'work_mem = 2MB',
      'maintenance_work_mem = 8MB',
      'temp_buffers = 1MB',
    ],
  },
};
const rss = () => Math.round(process.memoryUsage.rss() / 2 ** 20);
const t0 = performance.now();
const before = rss();
const pg = await PGlite.create({
  ...(process.argv[3] ? { dataDir: process.argv[3] } : {}),
  ...variants[variant],
});
const created = performance.now() - t0;
const afterCreate = rss();
const sb = (await pg.query('show shared_buffers')).rows[0];
const dir = 'prisma/migrations';
const has = (await pg.query('select to_regclass(\'"OutboxMessage"\')::text as n')).rows[0].n;
if (!has)
  for (const name of readdirSync(dir)
    .filter((n) => !n.endsWith('.toml'))
    .sort())
    await pg.exec(readFileSync(`${dir}/${name}/migration.sql`, 'utf8'));
const afterMigrate = rss();
// a workload: 10k outbox-like rows, then updates
await pg.exec(
  `create table if not exists bench_rows (id serial primary key, key text unique, payload text, status text, at timestamptz default now())`,
);
for (let b = 0; b < 20; b++) {
  const values = Array.from(
    { length: 500 },
    (_, i) => `('k${b}-${i}-${Math.random()}', '${'x'.repeat(300)}', 'pending')`,
  ).join(',');
  await pg.exec(`insert into bench_rows (key, payload, status) values ${values}`);
}
for (let i = 0; i < 200; i++)
  await pg.query(
    `update bench_rows set status='sent' where id in (select id from bench_rows where status='pending' order by id limit 50)`,
  );
const afterWork = rss();
const total = performance.now() - t0;
console.log(
  JSON.stringify({
    variant,
    dir: process.argv[3] ?? 'memory',
    sb,
    createdMs: Math.round(created),
    before,
    afterCreate,
    afterMigrate,
    afterWork,
    hwm: Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) / 1024),
    totalMs: Math.round(total),
  }),
);
await pg.close();
