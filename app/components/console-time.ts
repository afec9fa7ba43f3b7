/**
 * How the console shows moments: "7 Dec 2026, 20:12:05 UTC" (and "7 Dec 2026" for a day), the
 * same text on the server and in the browser whatever their time zones, on every page.
 */
const TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const DAY = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function consoleTime(value: string | Date): string {
  return `${TIME.format(new Date(value))} UTC`;
}

export function consoleDay(value: string | Date): string {
  return DAY.format(new Date(value));
}
