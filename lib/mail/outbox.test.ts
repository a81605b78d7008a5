import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { mailOutbox } from "@/db/schema";
import { setEnv } from "@/lib/env";
import { lookupInvitation } from "@/lib/services/accept-invitation";
import { inviteStaff } from "@/lib/services/team";
import { createPartner, createStaff } from "@/lib/testing/factories";
import { openCapturedMail } from "./dev-mailbox";
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

  test("the dev mailbox shows an invitation link once, then the database no longer holds it", async () => {
    setEnv("SMTP_URL", "");
    const partner = await createPartner();
    const { scope } = await createStaff(partner, "admin");
    const other = await createStaff(await createPartner(), "admin");
    const email = `dev-${crypto.randomUUID()}@example.test`;
    await inviteStaff(db, scope, { email, role: "viewer" });
    const [captured] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
    const secret = /\/invite\/[^.]+\.(\S+)/.exec(captured.text)![1];

    expect(await openCapturedMail(db, other.scope, captured.id)).toBeNull();
    const [untouched] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, captured.id));
    expect(untouched.text).toContain(secret);

    const first = await openCapturedMail(db, scope, captured.id);
    expect(first!.text).toContain(secret);
    const [stored] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, captured.id));
    expect(`${stored.text}${stored.html}`).not.toContain(secret);
    expect(stored.sentAt).not.toBeNull();
    const again = await openCapturedMail(db, scope, captured.id);
    expect(again!.text).toContain("[link removed after delivery]");
    expect(again!.text).not.toContain(secret);
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
      const sentId = await enqueueMail(db, {
        to: "ada@example.test",
        subject: "Welcome aboard",
        text: "Accept: https://x/invite/1",
      });
      expect(await deliverQueuedMail(db)).toBeGreaterThanOrEqual(1);
      expect(await deliverQueuedMail(db)).toBe(0);
      expect(received.filter((m) => m.includes("Welcome aboard"))).toHaveLength(1);
      const [sent] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, sentId));
      expect(sent).toMatchObject({ status: "sent" });
      expect(received.find((m) => m.includes("Welcome aboard"))).toContain("https://x/invite/1");

      rejectNext = true;
      const failedId = await enqueueMail(db, { to: "bob@example.test", subject: "Bounce", text: "x" });
      await deliverQueuedMail(db);
      const [failed] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, failedId));
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(/mailbox full/);
    });

    test("once an invitation is delivered, the outbox no longer holds its link", async () => {
      const partner = await createPartner();
      const { scope } = await createStaff(partner, "admin");
      const email = `smtp-${crypto.randomUUID()}@example.test`;
      await inviteStaff(db, scope, { email, role: "viewer" });
      const [queued] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
      const token = /\/invite\/(\S+)/.exec(queued.text)![1];
      expect(queued.html).toContain(token);

      await deliverQueuedMail(db);
      expect(received.find((m) => m.includes(email))).toContain(token.slice(0, 20));
      const [sent] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, queued.id));
      expect(sent.status).toBe("sent");
      expect(sent.text).toContain("Accept the invitation: [link removed after delivery]");
      expect(`${sent.text}${sent.html}`).not.toContain(token.split(".")[1]);
      expect(`${sent.text}${sent.html}`).not.toMatch(/\/invite\//);
      expect((await lookupInvitation(db, token)).status).toBe("valid");
    });
  });
});
