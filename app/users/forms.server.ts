export { fieldErrors, formValues, type FormErrors } from "~/http/forms";

/** "3 Jun 2026, 14:00 UTC": the same text on the server and in the browser, whatever the time zone. */
export function formatUtc(date: Date): string {
  return `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
