/** How the console shows a moment: UTC to the second, the same on every page and every server. */
export function consoleTime(value: string | Date): string {
  return `${new Date(value).toISOString().replace("T", " ").slice(0, 19)} UTC`;
}
