import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` reads this: migrations are applied by `npm run db:migrate` (db/migrate.ts),
// which works on both the embedded database and a real PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_URL ?? "postgres://localhost/unused" },
});
