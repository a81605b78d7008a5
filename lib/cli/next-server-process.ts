import { spawn } from "node:child_process";

/**
 * Starts our HTTP server for Next.js (lib/cli/serve-next.ts) as a child process. It must run
 * without the `react-server` condition that the launchers themselves run under (Next.js picks its
 * own conditions per bundle), hence plain `node --import tsx`, not this process's flags. It inherits
 * this process's environment, including what the launcher set with setEnv.
 */
export function spawnNextServer(mode: "start" | "dev") {
  const args = ["--import", "tsx", "lib/cli/serve-next.ts", ...(mode === "dev" ? ["dev"] : [])];
  return spawn(process.execPath, args, { stdio: "inherit" });
}
