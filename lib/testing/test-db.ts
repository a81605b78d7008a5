import { inject } from "vitest";
import { createDatabase } from "@/db";

/** The run's migrated test database (see global-setup.ts), as the app's drizzle instance. */
export function connectTestDb() {
  return createDatabase(inject("databaseUrl"));
}
