import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { EMBEDDED_APP_NAME } from "./embedded-url";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * PGlite served over the PostgreSQL wire protocol on a loopback port, so that the app, the
 * migrator and the job queue all reach it with `pg`, exactly as they reach a real PostgreSQL.
 * PGlite is single-session: queries are queued, so callers keep their pools at one connection.
 * `dataDir` undefined means in memory.
 */
export async function startEmbeddedDatabase(dataDir?: string): Promise<EmbeddedDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm: the members search index (migration 0010).
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 16 });
  keepExchangesTogether(server);
  await server.start();
  const url = `postgres://postgres@${server.getServerConn()}/postgres?application_name=${EMBEDDED_APP_NAME}`;
  return {
    url,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};
type QueryQueue = {
  db: PGlite;
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

/** Wire messages that end an exchange: Sync, simple Query, Terminate; 0 is a startup message. */
const EXCHANGE_ENDS = new Set([0x53, 0x51, 0x58, 0]);

/**
 * pglite-socket 0.2 queues each wire message on its own and keeps one connection's messages
 * together only inside a transaction. Two connections' extended-protocol exchanges (Parse, Bind,
 * Execute … Sync) then interleave in PGlite's single session and break each other's unnamed
 * statements ("bind message supplies 9 parameters, but prepared statement requires 19"). This
 * replaces its queue loop with one that also keeps an exchange together until its Sync.
 */
function keepExchangesTogether(server: PGLiteSocketServer) {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let midExchange = false;
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    if (queue.lastHandlerId === handlerId) midExchange = false;
    clear(handlerId);
  };
  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    try {
      while (queue.queue.length > 0) {
        const sticky = queue.lastHandlerId !== null && (midExchange || queue.db.isInTransaction());
        const index = sticky ? queue.queue.findIndex((item) => item.handlerId === queue.lastHandlerId) : 0;
        if (index === -1) break; // that connection's next message has not arrived yet
        const [item] = queue.queue.splice(index, 1);
        let bytes = 0;
        try {
          await queue.db.runExclusive(() =>
            queue.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          item.reject(error);
          continue;
        }
        midExchange = !EXCHANGE_ENDS.has(item.message[0]);
        queue.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };
}
