import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { LooseJson } from "../loose-json";

export type Received = { body: LooseJson; headers: Record<string, string | string[] | undefined> };

/** A webhook receiver on 127.0.0.1 that answers with queued statuses (default 200), or not at all while it hangs. */
export async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  let delayMs = 0;
  let hanging = false;
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (c) => (data += c));
    req.on("end", () => {
      received.push({ body: JSON.parse(data || "null"), headers: req.headers });
      if (hanging) return; // the sender's timeout, whenever it fires, ends this one
      setTimeout(() => {
        res.statusCode = statuses.shift() ?? 200;
        res.end("ok");
      }, delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    respondWith: (...s: number[]) => statuses.push(...s),
    delay: (ms: number) => void (delayMs = ms),
    hang: (on: boolean) => void (hanging = on),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
