import { readFileSync } from "node:fs";

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux; NaN elsewhere). A
 * page's CPU per request is the server's spend over the run divided by its answers: unlike its
 * latency, that figure holds on a machine busy with other work.
 */
export function processCpuMs(pid: number): number {
  try {
    // Fields after the command (which may hold spaces) in /proc/<pid>/stat: utime and stime are 14th and 15th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** USER_HZ, which Linux fixes at 100 on every architecture it reports /proc in. */
const CLOCK_TICKS_PER_SECOND = 100;
