import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { announceOwnServer, markAppListening, runAppStoppingHooks } from "@/lib/app-lifecycle";
import { markClientIpStamped, stampClientIp } from "@/lib/client-ip";
import { env, setEnv } from "@/lib/env";

/**
 * Our HTTP server in front of Next.js (its custom-server API), started by lib/cli/start.ts and
 * e2e/serve.ts as `tsx lib/cli/serve-next.ts [dev]` on PORT. It exists because only here is the
 * socket's address known: Next.js gives route handlers, actions and middleware none, and keeps an
 * X-Forwarded-For the client made up. So every request gets CLIENT_IP_HEADER from us.
 *
 * Runs WITHOUT the `react-server` condition (Next.js loads its own) and so imports nothing that
 * is `server-only`.
 */
const SHUTDOWN_GRACE_MS = 10_000;

async function main() {
  const dev = process.argv[2] === "dev";
  setEnv("NODE_ENV", dev ? "development" : "production");
  const { PORT: port, TRUSTED_PROXY_COUNT: trustedProxies } = env();

  markClientIpStamped();
  announceOwnServer();
  const server = createServer();
  let stopRequested = false;
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    stampClientIp(req.headers, req.socket.remoteAddress, trustedProxies);
    // While stopping, a keep-alive connection closes as soon as its last response is out.
    res.once("finish", () => stopRequested && setImmediate(() => server.closeIdleConnections()));
    handle(req, res).catch((error: unknown) => {
      console.error(`Failed to handle ${req.method} ${req.url}:`, error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
  });
  server.listen(port, () => {
    markAppListening();
    console.log(`Partner Desk on http://localhost:${port}${dev ? " (dev)" : ""}`);
  });

  let finishing: Promise<void> | undefined;
  const finish = () =>
    (finishing ??= Promise.allSettled([runAppStoppingHooks(), app.close()])
      .then((results) => results.forEach((r) => r.status === "rejected" && console.error(r.reason)))
      .finally(() => process.exit(0)));
  const stop = () => {
    if (stopRequested) return; // a terminal's Ctrl+C reaches us twice: directly and via the parent
    stopRequested = true;
    // Refuse new connections, let requests in flight finish (keep-alive ones close once idle),
    // then let Next.js clean up. `next dev` has nothing worth waiting for.
    server.close(() => void finish());
    if (dev) server.closeAllConnections();
    else server.closeIdleConnections();
    setTimeout(() => {
      console.warn(`Requests still open after ${SHUTDOWN_GRACE_MS / 1000} s; closing them.`);
      server.closeAllConnections();
      void finish();
      setTimeout(() => process.exit(1), 2_000).unref();
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
