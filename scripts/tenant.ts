/**
 * `npm run tenant -- <command>`: manage tenants from the shell, through the same TenantService
 * and storage the server uses (SQLite in PORTICO_DATA_DIR, or PostgreSQL via DATABASE_URL).
 * Mistakes (bad arguments, an invalid or taken slug, a bad environment) print one `error: ` line
 * on stderr and exit 1 without changing anything; see docs/cli.md.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError, loadDotEnvFile, readEnv, type Env } from "~/config/env.server";
import { MembershipService } from "~/admin/memberships.server";
import { ROLES, type Role } from "~/admin/roles";
import { createStorage } from "~/db/index.server";
import { withNewTenantDefaults } from "~/tenancy/config";
import { openChangeFeed } from "~/tenancy/open-change-feed.server";
import { TenantError, TenantService, type Tenant } from "~/tenancy/tenants.server";

const USAGE = `Usage: npm run tenant -- <command> [options]

Commands:
  create <slug> --name <name> [--hostname <host> ...]   Create a tenant and its database
  list [--json]                                         List tenants
  disable <slug>                                        Stop serving the tenant's sign-in pages and API
  enable <slug>                                         Serve a disabled tenant again
  delete <slug> --yes                                   Delete the tenant, its users and its database
  add-member <slug> <email> [--role owner|admin|viewer] Let a platform account administer the tenant (default: owner)
  rotate-jwt-keys <slug>                                Sign new JWTs with a new key; old keys stay published until their tokens expire
  help                                                  Show this help

Environment: PORTICO_DATA_DIR, DATABASE_URL, REDIS_URL, PORTICO_SECRET and PUBLIC_URL, as for the server.`;

const HELP_HINT = "Run `npm run tenant -- help` for usage.";

/** A mistake on the command line: reported as one line, exit code 1. */
class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;
type Values = Record<string, string | boolean | string[] | undefined>;
type Context = { env: Env; tenants: TenantService; memberships: MembershipService; out: (line: string) => void };

type Command = {
  options: Options;
  /** The names of the positional arguments the command requires, for messages. */
  positionals: string[];
  run(ctx: Context, args: string[], values: Values): Promise<void>;
};

function signInUrl(env: Env, tenant: Tenant): string {
  return `${env.publicUrl.origin}/t/${tenant.slug}/sign-in`;
}

async function createTenant({ env, tenants, out }: Context, [slug]: string[], values: Values) {
  // Repeating a hostname (in any case) is harmless here, not a conflict with another tenant.
  const hostnames = new Set(((values.hostname as string[] | undefined) ?? []).map((h) => h.trim().toLowerCase()));
  // A new tenant protects against account enumeration unless told not to (sign-ups then get no session).
  const config = values["no-enumeration-protection"]
    ? { signInProtection: { enumerationProtection: false } }
    : withNewTenantDefaults({});
  const tenant = await tenants.create({
    slug: slug!,
    name: (values.name as string | undefined) ?? "",
    hostnames: [...hostnames],
    config,
  });
  out(`Created tenant ${tenant.slug} (${tenant.name})`);
  out(`  id:        ${tenant.id}`);
  out(`  sign-in:   ${signInUrl(env, tenant)}`);
  if (tenant.hostnames.length > 0) out(`  hostnames: ${tenant.hostnames.join(", ")}`);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd(),
  );
}

async function listTenants({ env, tenants, out }: Context, _args: string[], values: Values) {
  const list = await tenants.list();
  if (values.json) {
    const json = list.map((t) => ({
      id: t.id,
      slug: t.slug,
      name: t.name,
      status: t.status,
      hostnames: t.hostnames,
      signInUrl: signInUrl(env, t),
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    }));
    out(JSON.stringify(json, null, 2));
    return;
  }
  if (list.length === 0) {
    out('No tenants yet. Create one with: npm run tenant -- create <slug> --name "<name>"');
    return;
  }
  const header = ["SLUG", "NAME", "STATUS", "HOSTNAMES", "CREATED"];
  const rows = list.map((t) => [
    t.slug,
    t.name,
    t.status,
    t.hostnames.join(", ") || "-",
    t.createdAt.toISOString().slice(0, 10),
  ]);
  for (const line of table([header, ...rows])) out(line);
}

async function disableTenant({ tenants, out }: Context, [slug]: string[]) {
  const tenant = await tenants.setStatus(slug!, "disabled");
  out(`Disabled tenant ${tenant.slug}: its sign-in pages and API now answer 404.`);
}

async function enableTenant({ tenants, out }: Context, [slug]: string[]) {
  const tenant = await tenants.setStatus(slug!, "active");
  out(`Enabled tenant ${tenant.slug}.`);
}

async function deleteTenant({ tenants, out }: Context, [slug]: string[], values: Values) {
  const tenant = await tenants.requireBySlug(slug!);
  if (!values.yes) {
    throw new UsageError(
      `refusing to delete tenant "${tenant.slug}" (${tenant.name}) and all its users without --yes; ` +
        `run again with --yes to delete it for good.`,
    );
  }
  await tenants.delete(tenant.slug);
  out(`Deleted tenant ${tenant.slug} and its database.`);
}

async function addMember({ tenants, memberships, out }: Context, [slug, email]: string[], values: Values) {
  const role = ((values.role as string | undefined) ?? "owner") as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role: must be one of ${ROLES.join(", ")}.`);
  const tenant = await tenants.requireBySlug(slug!);
  await memberships.setRole(tenant.id, email!, role);
  out(`${email} is now ${role} of ${tenant.slug}.`);
}

async function rotateKeys({ out }: Context, [slug]: string[]) {
  // Loaded here: it builds the tenant's auth like the server does, which the other commands never need.
  const { rotateTenantJwtKeys } = await import("~/jwt/rotate-cli.server");
  const { kid, retired } = await rotateTenantJwtKeys(slug!);
  out(
    `Rotated the JWT signing keys of ${slug}: new key ${kid}, ${retired} retired key(s) stay published until their tokens expire.`,
  );
}

const COMMANDS: Record<string, Command> = {
  create: {
    options: {
      name: { type: "string" },
      hostname: { type: "string", multiple: true },
      "no-enumeration-protection": { type: "boolean" },
    },
    positionals: ["<slug>"],
    run: createTenant,
  },
  list: { options: { json: { type: "boolean" } }, positionals: [], run: listTenants },
  disable: { options: {}, positionals: ["<slug>"], run: disableTenant },
  enable: { options: {}, positionals: ["<slug>"], run: enableTenant },
  delete: { options: { yes: { type: "boolean" } }, positionals: ["<slug>"], run: deleteTenant },
  "add-member": { options: { role: { type: "string" } }, positionals: ["<slug>", "<email>"], run: addMember },
  "rotate-jwt-keys": { options: {}, positionals: ["<slug>"], run: rotateKeys },
};

/** Parses one command's arguments strictly; throws UsageError for anything it does not expect. */
function parseCommand(name: string, command: Command, argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's messages run on with advice about `--`; the first sentence is the useful part.
    const message = error instanceof Error ? error.message.split(/\.\s/)[0]!.replace(/\.$/, "") : String(error);
    throw new UsageError(`${name}: ${message}. ${HELP_HINT}`);
  }
  const { values, positionals } = parsed;
  if (!values.help) {
    const missing = command.positionals[positionals.length];
    if (missing) throw new UsageError(`${name}: missing ${missing}. ${HELP_HINT}`);
    const extra = positionals[command.positionals.length];
    if (extra !== undefined) throw new UsageError(`${name}: unexpected argument "${extra}". ${HELP_HINT}`);
  }
  return { values: values as Values, positionals };
}

/** Names the command-line argument a TenantError's field came from. */
function fieldLabel(field: string | undefined): string | undefined {
  if (!field) return undefined;
  if (field === "slug") return "slug";
  if (field === "name") return "--name";
  if (field.startsWith("hostnames")) return "--hostname";
  if (field === "role") return "--role";
  return field;
}

function errorLine(error: unknown): string {
  if (error instanceof TenantError) {
    const label = fieldLabel(error.field);
    return label ? `${label}: ${error.message}` : error.message;
  }
  if (error instanceof UsageError || error instanceof ConfigError) return error.message;
  // Not a user mistake (the database is down, a file is unwritable): still one line, unless asked.
  if (process.env.PORTICO_DEBUG && error instanceof Error && error.stack) return error.stack;
  const message = error instanceof Error ? error.message : String(error);
  return `${message.trim().split("\n")[0]} (set PORTICO_DEBUG=1 for details)`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    console.error(USAGE);
    return 1;
  }
  if (name === "help" || name === "--help" || name === "-h") {
    console.log(USAGE);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(`unknown command "${name}". ${HELP_HINT}`);
  const { values, positionals } = parseCommand(name, command, rest);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }

  loadDotEnvFile();
  const env = readEnv();
  const storage = createStorage(env);
  // Running servers hear the CLI's changes as they hear each other's (decision 0016).
  const changes = openChangeFeed({ redisUrl: env.redisUrl, databaseUrl: env.databaseUrl, storage });
  try {
    const tenants = new TenantService(storage, env.secret, changes);
    const memberships = new MembershipService(storage);
    await command.run({ env, tenants, memberships, out: (line) => console.log(line) }, positionals, values);
    return 0;
  } finally {
    await changes.close();
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`error: ${errorLine(error)}`);
    process.exitCode = 1;
  },
);
