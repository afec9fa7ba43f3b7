import { AUTH_METHODS, type AuthMethodId } from "~/auth-methods/catalog";

/**
 * A tenant setting in the words the console's settings pages use ("Sessions: lifetime") for a
 * config path (`session.expiresIn`), and its value as a person reads it ("7 days", "On").
 * The environments comparison shows these; the path stays available to those who want it.
 */
const LABELS: Record<string, string> = {
  "signUp.mode": "Sign-up",
  "passwordPolicy.rejectCommonPasswords": "Password policy: refuse common passwords",
  "passwordPolicy.minStrength": "Password policy: minimum strength (0 to 4)",
  "passwordPolicy.rejectBreachedPasswords": "Password policy: refuse breached passwords",
  "botProtection.provider": "Bot protection: provider",
  "botProtection.siteKey": "Bot protection: site key",
  "botProtection.signInAfterFailures": "Bot protection: failed sign-ins before the check",
  trustedOrigins: "Trusted origins",
  "session.expiresIn": "Sessions: lifetime",
  "session.updateAge": "Sessions: extended when used after",
  "smtp.host": "Mail server: host",
  "smtp.port": "Mail server: port",
  "smtp.user": "Mail server: user",
  "smtp.fromAddress": "Mail server: from address",
  "smtp.security": "Mail server: security",
  "retention.auditLogDays": "Data retention: audit log (days)",
  "retention.deliveredMessagesDays": "Data retention: emails, texts and webhook deliveries (days)",
  "rateLimit.max": "Rate limit: requests per window",
  "rateLimit.window": "Rate limit: window",
  "signInProtection.accountThrottle.freeAttempts": "Sign-in protection: failures before delays",
  "signInProtection.accountThrottle.maxDelaySeconds": "Sign-in protection: longest delay",
  "signInProtection.accountThrottle.lockAfter": "Sign-in protection: failures that block password sign-in",
  "signInProtection.accountThrottle.noticeAfter": "Sign-in protection: failures before the user is emailed",
  "signInProtection.enumerationProtection": "Sign-in protection: account-enumeration protection",
  "signInProtection.secondFactorFor": "Two-factor: methods that ask for the second factor",
  "forwardAuth.rules": "Forward auth: rules",
};

/** Settings counted in seconds, shown as durations. */
const SECONDS = new Set([
  "session.expiresIn",
  "session.updateAge",
  "rateLimit.window",
  "signInProtection.accountThrottle.maxDelaySeconds",
]);

/** "fromAddress" → "from address", for a setting the tables above do not name. */
const words = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/** "Code length" → "code length", but "ID token lifetime" stays. */
const lowerFirst = (label: string) => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);

export function settingLabel(path: string): string {
  const known = LABELS[path];
  if (known) return known;
  const [section, methodId, ...rest] = path.split(".");
  const method = section === "authMethods" ? AUTH_METHODS[methodId as AuthMethodId] : undefined;
  if (method && rest.length > 0) {
    const name = rest.join(".");
    if (name === "enabled") return `${method.label}: on`;
    const field = method.fields.find((candidate) => candidate.name === name);
    return `${method.label}: ${field ? lowerFirst(field.label) : words(name)}`;
  }
  return path.split(".").map(words).join(": ");
}

function duration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, unit] of units)
    if (seconds >= size && seconds % size === 0) return `${seconds / size} ${unit}${seconds === size ? "" : "s"}`;
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** A value as diffConfigs gives it (JSON text, or "unset") in words. */
export function settingValue(path: string, json: string): string {
  if (json === "unset") return "Not set";
  const value: unknown = JSON.parse(json);
  if (value === true) return "On";
  if (value === false) return "Off";
  if (value === "") return "Empty";
  if (typeof value === "number" && SECONDS.has(path)) return duration(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "None";
    if (value.every((item) => typeof item === "string")) return value.join(", ");
    return `${value.length} ${value.length === 1 ? "entry" : "entries"}`;
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}
