import type { BetterAuthOptions } from "better-auth";
import type { DBAdapter, DBTransactionAdapter } from "better-auth/adapters";
import type { Provider } from "~/db/paths.server";

type AdapterFactory = (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>;
type Row = Record<string, unknown>;

/** Per model (as plugins name it), the fields better-auth declares as lists. */
function listFieldsOf(options: BetterAuthOptions): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const plugin of options.plugins ?? []) {
    for (const [model, table] of Object.entries(plugin.schema ?? {})) {
      const fields = Object.entries(table.fields)
        .filter(([, attribute]) => attribute.type === "string[]" || attribute.type === "number[]")
        .map(([name]) => name);
      if (!fields.length) continue;
      lists.set(model, fields);
      if (table.modelName) lists.set(table.modelName, fields);
    }
  }
  return lists;
}

/**
 * Stores better-auth's list fields as JSON text on PostgreSQL too, as its Prisma adapter does
 * on SQLite, so one schema serves both providers and an absent list stays `null` (a Prisma
 * list column cannot hold null, and @better-auth/oauth-provider reads `null` and `[]`
 * differently: a resource with no scope allow-list allows every scope, an empty one none).
 * Decision 0019.
 */
export function listsAsJsonText(factory: AdapterFactory, provider: Provider): AdapterFactory {
  if (provider === "sqlite") return factory;
  return (options) => wrap(factory(options), listFieldsOf(options));
}

function wrap(adapter: DBAdapter<BetterAuthOptions>, lists: Map<string, string[]>): DBAdapter<BetterAuthOptions> {
  return {
    ...wrapQueries(adapter, lists),
    // A transaction hands its callback another adapter: it must encode and decode the same way.
    transaction: (callback) => adapter.transaction((trx) => callback(wrapQueries(trx, lists))),
  };
}

function wrapQueries<Adapter extends DBTransactionAdapter<BetterAuthOptions>>(
  adapter: Adapter,
  lists: Map<string, string[]>,
): Adapter {
  const encode = (model: string, data: Row | undefined) => {
    const fields = lists.get(model);
    if (!fields || !data) return data;
    const out: Row = { ...data };
    for (const field of fields) if (Array.isArray(out[field])) out[field] = JSON.stringify(out[field]);
    return out;
  };
  const decode = <T>(model: string, row: T): T => {
    const fields = lists.get(model);
    if (!fields || !row || typeof row !== "object") return row;
    const out: Row = { ...(row as Row) };
    for (const field of fields) {
      const value = out[field];
      if (typeof value !== "string") continue;
      try {
        out[field] = JSON.parse(value);
      } catch {
        out[field] = [value];
      }
    }
    return out as T;
  };
  return {
    ...adapter,
    create: async (args) => decode(args.model, await adapter.create({ ...args, data: encode(args.model, args.data)! })),
    update: async (args) =>
      decode(args.model, await adapter.update({ ...args, update: encode(args.model, args.update)! })),
    updateMany: (args) => adapter.updateMany({ ...args, update: encode(args.model, args.update)! }),
    findOne: async (args) => decode(args.model, await adapter.findOne(args)),
    findMany: async <T>(args: Parameters<Adapter["findMany"]>[0]) =>
      (await adapter.findMany<T>(args)).map((row) => decode(args.model, row)),
    consumeOne: async (args) => decode(args.model, await adapter.consumeOne(args)),
  };
}
