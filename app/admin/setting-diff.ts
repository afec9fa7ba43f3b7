/** One leaf setting that differs between two settings objects, values as JSON text ("unset" when absent). */
export type SettingDifference = { path: string; from: string; to: string };

/** Every leaf setting by dotted path; arrays are compared whole, as one setting. */
function flatten(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, JSON.stringify(value) ?? "unset");
  }
  return out;
}

/** The settings that differ from `before` to `after` (a tenant config, a theme), sorted by path. */
export function diffSettings(before: unknown, after: unknown): SettingDifference[] {
  const from = flatten(before);
  const to = flatten(after);
  const paths = [...new Set([...from.keys(), ...to.keys()])].sort();
  return paths
    .filter((path) => from.get(path) !== to.get(path))
    .map((path) => ({ path, from: from.get(path) ?? "unset", to: to.get(path) ?? "unset" }));
}
