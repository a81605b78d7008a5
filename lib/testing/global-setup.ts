import type { TestProject } from "vitest/node";
import { createTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// One fresh database for the whole vitest run: a new database on DATABASE_URL's server
// (dropped afterwards), or an in-memory PGlite behind a socket when DATABASE_URL is unset.
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide("databaseUrl", database.url);
  return () => database.drop();
}
