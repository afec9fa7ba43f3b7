/**
 * How a bench part hands its figures to `npm run bench` (bench/all.ts): when BENCH_RESULT_FILE
 * is set, the part writes one JSON object there — its targets (what the issues ask for), its
 * figures and the share of the machine other processes took while it measured. Run alone, a
 * part just prints its report.
 */
import { writeFileSync } from "node:fs";

/** One figure with the bound an issue set for it. */
export type Target = {
  name: string;
  value: number;
  /** The bound: at least it when `better` is "higher", at most it when "lower". */
  target: number;
  better: "higher" | "lower";
  unit: string;
};

export type PartResult = {
  part: string;
  title: string;
  targets: Target[];
  figures: unknown;
  /** Share (0–1) of the machine's CPU other processes used while the part measured. */
  otherCpu: number | null;
};

export const RESULT_FILE_ENV = "BENCH_RESULT_FILE";

export function targetMet({ value, target, better }: Target): boolean {
  return Number.isFinite(value) && (better === "higher" ? value >= target : value <= target);
}

/** The busiest of several measurements' shares (null when none could be measured). */
export function busiest(shares: Array<number | null>): number | null {
  const known = shares.filter((share) => share !== null);
  return known.length ? Math.max(...known) : null;
}

export function recordPart(result: PartResult): void {
  const file = process.env[RESULT_FILE_ENV];
  if (file) writeFileSync(file, JSON.stringify({ ...result, otherCpu: result.otherCpu && round(result.otherCpu) }));
}

const round = (value: number, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);

/** A target row, its value rounded for the report. */
export function target(name: string, value: number, bound: `${">=" | "<="} ${number}`, unit = "ratio"): Target {
  const [op, limit] = bound.split(" ") as [">=" | "<=", string];
  return { name, value: round(value), target: Number(limit), better: op === ">=" ? "higher" : "lower", unit };
}
