import { afterAll, expect, test } from "vitest";
import type PgBoss from "pg-boss";
import { queues } from "./queues";
import { startWorker } from "./worker";

let boss: PgBoss | undefined;
afterAll(() => boss?.stop({ graceful: false, wait: true }));

test("the worker creates its queues and schedules on the app database and works jobs", async () => {
  boss = await startWorker({ inboxDrainer: false });
  const schedules = await boss.getSchedules();
  expect(schedules.map((s) => s.name).sort()).toEqual(
    Object.values(queues)
      .filter((q) => "cron" in q)
      .map((q) => q.name)
      .sort(),
  );

  const jobId = await boss.send(queues.deliverMail.name, {});
  expect(jobId).toBeTruthy();
  await expect
    .poll(async () => (await boss!.getJobById(queues.deliverMail.name, jobId!))?.state, {
      timeout: 15_000,
      interval: 250,
    })
    .toBe("completed");
});
