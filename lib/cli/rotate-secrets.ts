import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { mintJobScope } from "@/lib/auth/tenant-scope";
import { listConnectedPartnerIds, rewrapWallexCredentials } from "@/lib/data/wallex-connections";
import { decryptWith, encryptWith, isEncryptedWithActiveKey, parseKeyRing } from "@/lib/crypto/secrets";
import { env } from "@/lib/env";
import { openCliDatabase } from "./database";

/**
 * `npm run secrets:rotate`: re-encrypts every stored secret with the first key of ENCRYPTION_KEYS.
 * Rotation: put a new key first (keep the old one after it), restart, run this, then drop the old key.
 */
async function main() {
  const spec = env().ENCRYPTION_KEYS;
  if (!spec) throw new Error("Set ENCRYPTION_KEYS to the new ring, e.g. 'new:<base64>,old:<base64>'.");
  const ring = parseKeyRing(spec);
  const rewrap = (value: string | null) =>
    value && !isEncryptedWithActiveKey(ring, value) ? encryptWith(ring, decryptWith(ring, value)) : value;
  const { db, close } = await openCliDatabase();
  let count = 0;
  try {
    await db.transaction(async (tx) => {
      // Each connection under a JobScope of its partner (a connection's foreign key says it exists);
      // its cached session token goes too, cheaper to fetch again than to re-encrypt.
      for (const partnerId of await listConnectedPartnerIds(tx)) {
        if (await rewrapWallexCredentials(tx, mintJobScope(partnerId, "secrets:rotate"), (v) => rewrap(v)!)) count += 1;
      }
      for (const row of await tx.select().from(users)) {
        if (!row.totpSecret && !row.pendingTotpSecret) continue;
        await tx
          .update(users)
          .set({ totpSecret: rewrap(row.totpSecret), pendingTotpSecret: rewrap(row.pendingTotpSecret) })
          .where(eq(users.id, row.id));
        count += 1;
      }
    });
  } finally {
    await close();
  }
  console.log(`Re-encrypted the secrets of ${count} rows with key "${ring.activeId}".`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
