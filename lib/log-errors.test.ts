import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { failure } from "@/lib/actions/define-action";
import { handlers } from "@/lib/auth";
import { logger } from "@/lib/logger";
import { createUser } from "@/lib/testing/factories";

/** What the app's own logger writes, line by line, while a test runs. */
let lines: string[] = [];
const original = {
  stream: (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym],
  level: logger.level,
};
beforeEach(() => {
  lines = [];
  const capture = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = capture;
  logger.level = "debug";
});
afterEach(() => {
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = original.stream;
  logger.level = original.level;
});

async function failedQuery(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("the query was meant to fail");
}

describe("logged failures carry no data", () => {
  test("a query refused for a malformed value: its SQL and SQLSTATE, not its parameters", async () => {
    const error = await failedQuery(() => getDb().select().from(users).where(eq(users.id, "not-a-uuid-s3cr3t-value")));
    const result = failure(error, logger.child({ action: "probe" }), { email: "probe@example.test" });
    expect(result.ok).toBe(false);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).not.toContain("s3cr3t");
    const entry = JSON.parse(line);
    expect(entry.level).toBe(50);
    expect(entry.err).toMatchObject({
      type: "DrizzleQueryError",
      message: "Failed query",
      paramCount: 1,
      cause: { sqlState: "22P02" },
    });
    expect(entry.err.query).toContain('from "users"');
  });

  test("a unique violation names its constraint, not the row that clashed", async () => {
    const user = await createUser({ email: `s3cr3t-${crypto.randomUUID()}@example.test` });
    const error = await failedQuery(() =>
      getDb().insert(users).values({ email: user.email, name: "Dup", passwordHash: "x" }),
    );
    logger.error({ err: error }, "insert failed");
    expect(lines.join("\n")).not.toContain("s3cr3t");
    const { err } = JSON.parse(lines[0]);
    expect(err.cause).toMatchObject({ sqlState: "23505", constraint: "users_email_lower" });
    expect(err.cause.message).toContain('"users_email_lower"');
    expect(err.cause.detail).toBeUndefined();
  });

  test("a tampered session cookie is one warning line: no stack, no cookie", async () => {
    const cookie = "authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.tampered-s3cr3t.x.y.z";
    const response = await handlers.GET(
      new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie } }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toBeNull();
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({ level: 40, authError: "JWTSessionError", msg: "auth request refused" });
    expect(lines[0]).not.toContain("s3cr3t");
    expect(lines[0]).not.toContain("    at ");
    expect(lines[0]).not.toContain("stack");
  });
});
