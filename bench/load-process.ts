import { fork } from "node:child_process";

/**
 * A benchmark's load generator runs as a child process of the benchmark's own file (same loader
 * flags, no app code), so it does not queue for the CPU behind the server it measures.
 */
export function loadInChildProcess<Config, Result>(file: string, cfg: Config): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = fork(file, ["--client", JSON.stringify(cfg)], { serialization: "advanced" });
    let result: Result | undefined;
    child.on("message", (message) => (result = message as Result));
    child.on("error", reject);
    child.on("exit", (code) =>
      result ? resolve(result) : reject(new Error(`load generator exited ${code} without a result`)),
    );
  });
}

/** The child's side: runs the load named by `--client` and sends its result back. False in the parent. */
export async function runAsLoadChild<Config, Result>(
  argv: string[],
  runLoad: (cfg: Config) => Promise<Result>,
): Promise<boolean> {
  const at = argv.indexOf("--client");
  if (at < 0) return false;
  const result = await runLoad(JSON.parse(argv[at + 1]) as Config);
  await new Promise<void>((resolve, reject) =>
    process.send!(result, undefined, undefined, (e) => (e ? reject(e) : resolve())),
  );
  process.disconnect?.();
  return true;
}
