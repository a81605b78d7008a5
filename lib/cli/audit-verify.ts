import { verifyAllChains } from "@/lib/audit/verify";
import { openCliDatabase } from "./database";

/** `npm run audit:verify`: checks every partner's hash chain; exits 1 if any link is broken. */
async function main() {
  const { db, close } = await openCliDatabase();
  let broken = 0;
  try {
    for (const { partner, verdict } of await verifyAllChains(db)) {
      if (verdict.ok) {
        console.log(`ok      ${partner.slug}: ${verdict.checked} events`);
      } else {
        broken += 1;
        const { seq, id, reason } = verdict.brokenAt;
        console.log(`BROKEN  ${partner.slug}: first broken link at seq ${seq} (event ${id}): ${reason}`);
      }
    }
  } finally {
    await close();
  }
  process.exit(broken ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
