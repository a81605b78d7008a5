import { eq } from "drizzle-orm";
import { users, wallexConnections, wallexTokens } from "@/db/schema";
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
      for (const row of await tx.select().from(wallexConnections)) {
        const next = {
          apiKey: rewrap(row.apiKey)!,
          accessKeyId: rewrap(row.accessKeyId)!,
          secretAccessKey: rewrap(row.secretAccessKey)!,
        };
        await tx.update(wallexConnections).set(next).where(eq(wallexConnections.partnerId, row.partnerId));
        count += 1;
      }
      for (const row of await tx.select().from(users)) {
        if (!row.totpSecret && !row.pendingTotpSecret) continue;
        await tx
          .update(users)
          .set({ totpSecret: rewrap(row.totpSecret), pendingTotpSecret: rewrap(row.pendingTotpSecret) })
          .where(eq(users.id, row.id));
        count += 1;
      }
      // Cached Wallex session tokens are cheaper to fetch again than to re-encrypt.
      await tx.delete(wallexTokens);
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
