// Loaded into the server with `node --import` by bench/pages.ts when BENCH_CPU_PROF is set (Node
// refuses --cpu-prof in NODE_OPTIONS): profiles the whole process and writes a .cpuprofile (open it
// in Chrome DevTools or speedscope) into that folder when the server is told to stop.
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.BENCH_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 500 });
  session.post("Profiler.start");
  process.once("SIGTERM", () => {
    session.post("Profiler.stop", (error, result) => {
      if (!error) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
