import PgBoss from "pg-boss";
import { isEmbeddedUrl } from "@/db/embedded";

/** pg-boss on the app's database (its own `pgboss` schema): jobs survive restarts and spread over instances. */
export function createBoss(databaseUrl: string) {
  const boss = new PgBoss({ connectionString: databaseUrl, max: isEmbeddedUrl(databaseUrl) ? 1 : 4 });
  boss.on("error", (error) => console.error("[jobs]", error));
  return boss;
}
