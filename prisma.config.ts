import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PrismaConfig } from "prisma";

// Prisma's native schema engine cannot be downloaded offline, so the CLI runs its
// JavaScript engine through a driver adapter (see ../shared/PRISMA.md and
// docs/decisions/0002-app-applies-migrations.md). The app never needs the CLI at run time:
// it is used only by scripts/prisma-generate.ts and scripts/prisma-migration.ts.
// Prisma skips .env loading when this file exists, so the URL has a default here.
process.env.DATABASE_URL ??= "file:./data/prisma-cli.db";
const url = process.env.DATABASE_URL;

export default {
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return url.startsWith("postgres") ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url });
  },
} satisfies PrismaConfig;
