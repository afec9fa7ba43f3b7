/**
 * Batching for an outbox kind's database work. The engine sends a batch of claims at once, so
 * each send's reads arrive in the same turn of the event loop, and answers from fast receivers
 * settle in bursts: collecting what one turn asks for into one query (a few per batch instead
 * of five per message) is most of what separates hundreds of deliveries per second from a
 * thousand (issue 17, bench/webhooks.ts).
 */

/** `load(id)` joins the ids asked for in this turn into one `loadMany`; undefined when missing. */
export function perTickLoader<V>(loadMany: (ids: string[]) => Promise<Map<string, V>>) {
  let pending: { id: string; resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    loadMany([...new Set(batch.map((item) => item.id))]).then(
      (found) => batch.forEach((item) => item.resolve(found.get(item.id))),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  };
  return (id: string): Promise<V | undefined> =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ id, resolve, reject });
    });
}

/** `write(item)` joins the items written in this turn into one `writeMany`, and resolves once it ran. */
export function perTickWriter<T>(writeMany: (items: T[]) => Promise<void>) {
  let pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    writeMany(batch.map((entry) => entry.item)).then(
      () => batch.forEach((entry) => entry.resolve()),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  };
  return (item: T): Promise<void> =>
    new Promise((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ item, resolve, reject });
    });
}
