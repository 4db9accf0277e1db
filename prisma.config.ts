// Only the Prisma CLI reads this file (for `prisma generate` and, with internet, `prisma
// migrate deploy`). The app connects through driver adapters in src/db/.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL?.startsWith('postgres')
      ? process.env.DATABASE_URL
      : 'postgresql://localhost:5432/peerbridge',
  },
});
