import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { mailOutbox } from "@/db/schema";
import { setEnv } from "@/lib/env";
import { deliverQueuedMail, enqueueMail } from "./outbox";

const db = getDb();

describe("mail outbox", () => {
  test("without SMTP, mail is captured for the dev mailbox and never sent", async () => {
    setEnv("SMTP_URL", "");
    const id = await enqueueMail(db, { to: "dev@example.test", subject: "Captured", text: "hello" });
    expect(await deliverQueuedMail(db)).toBe(0);
    const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row.status).toBe("captured");
  });

  describe("with SMTP", () => {
    const received: string[] = [];
    let rejectNext = false;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        let data = "";
        stream.on("data", (chunk) => (data += chunk));
        stream.on("end", () => {
          if (rejectNext) {
            rejectNext = false;
            return callback(new Error("mailbox full"));
          }
          received.push(data);
          callback();
        });
      },
    });

    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.server.address() as { port: number };
      setEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    });
    afterAll(async () => {
      setEnv("SMTP_URL", "");
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    test("queued mail is sent once, and a refused one is marked failed", async () => {
      const sentId = await enqueueMail(db, { to: "ada@example.test", subject: "Welcome aboard", text: "Accept: https://x/invite/1" });
      expect(await deliverQueuedMail(db)).toBeGreaterThanOrEqual(1);
      expect(await deliverQueuedMail(db)).toBe(0);
      expect(received.filter((m) => m.includes("Welcome aboard"))).toHaveLength(1);
      const [sent] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, sentId));
      expect(sent).toMatchObject({ status: "sent" });

      rejectNext = true;
      const failedId = await enqueueMail(db, { to: "bob@example.test", subject: "Bounce", text: "x" });
      await deliverQueuedMail(db);
      const [failed] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, failedId));
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(/mailbox full/);
    });
  });
});
