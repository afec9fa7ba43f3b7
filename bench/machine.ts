/**
 * How much of the machine other processes used while the bench measured. On a shared
 * 2-core machine a concurrent build or test run easily halves a throughput figure, so the
 * report says so rather than print a number nobody can trust. Linux only (/proc); elsewhere
 * the figure is simply missing.
 */
import { existsSync, readFileSync } from "node:fs";

/** CPU time in clock ticks: the whole machine's busy and total time, or one process's. */
function machineTicks(): { busy: number; total: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

export function processTicks(pid: number): number {
  try {
    // utime and stime are fields 14 and 15; the command name before them may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the process has exited
  }
}

/**
 * Starts watching; the returned function gives the share of the machine's CPU (0 to 1) that
 * processes other than `pids` used since then, or null where /proc is not available.
 */
export function watchOtherCpu(pids: number[]): () => number | null {
  if (!existsSync("/proc/stat")) return () => null;
  const ours = () => pids.reduce((sum, pid) => sum + processTicks(pid), 0);
  const machineBefore = machineTicks();
  const oursBefore = ours();
  return () => {
    const machine = machineTicks();
    const total = machine.total - machineBefore.total;
    const others = machine.busy - machineBefore.busy - (ours() - oursBefore);
    return total > 0 ? Math.max(0, others / total) : null;
  };
}
