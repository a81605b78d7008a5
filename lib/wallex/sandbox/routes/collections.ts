import type { Hono } from "hono";
import { z } from "zod";
import { iso } from "../clock";
import type { Engine } from "../engine";
import { invalid, notAuthorized } from "../errors";
import { COLLECTION_PROVIDERS } from "../fixtures/lists";
import { currency } from "../fixtures/currencies";
import { input, listOwned, matches, owned, type Env } from "../http";
import { uuid } from "../ids";
import { onePage, pageOf, paginate } from "../pagination";
import { parse } from "../validation";
import { wire } from "../wire";
import { uploadUrl } from "../helpers/storage";
import { bankDetails } from "../domain/collections";

const accountSchema = z.object({
  name: z.string().trim().min(1).max(100),
  currency: z.string().refine((c) => !!COLLECTION_PROVIDERS[c], "must be a currency from Available Currencies"),
  provider: z.string().optional(),
  reference: z.string().max(100).optional(),
  purpose: z.string().max(200).optional(),
  description: z.string().max(500).optional(),
});

/** Virtual accounts and incoming collections (collections.md §2–§4). */
export function collectionRoutes(app: Hono<Env>, engine: Engine) {
  for (const p of ["/v2/collections/currencies", "/v2/collections/supported-currencies"]) {
    app.get(p, (c) =>
      c.json(
        onePage(
          Object.entries(COLLECTION_PROVIDERS).map(([code, providers]) => ({
            currency: code,
            currencyName: currency(code)?.name,
            providers,
          })),
        ),
      ),
    );
  }

  app.post("/v2/collections/accounts/deactivate", async (c) => {
    const { body, actor } = await input(engine, c);
    const ids = body.ids ?? body.collectionAccountIds;
    if (!Array.isArray(ids) || !ids.length || ids.some((i) => typeof i !== "string"))
      throw invalid("ids", "must be a non-empty array of collection account ids");
    const updated = await engine.write((tx) =>
      ids.map((id: string) => {
        const va = owned(tx, "collectionAccount", id, actor, "collection account");
        if (va.status === "inactive") return va;
        engine.notify(tx, actor.partner.id, {
          resource: "collection_account",
          resourceId: id,
          status: "inactive",
          accountId: actor.accountId,
        });
        return tx.update("collectionAccount", id, {
          status: "inactive",
          deactivatedAt: iso(tx.now),
          updatedAt: iso(tx.now),
        });
      }),
    );
    return c.json({ ids, status: "inactive", collectionAccounts: wire(updated) });
  });

  app.post("/v2/collections/accounts", async (c) => {
    const { body, actor } = await input(engine, c);
    if (actor.isPartner && !actor.partner.features.partnerCollectionAccounts) throw notAuthorized();
    const b = parse(accountSchema, body);
    const providers = COLLECTION_PROVIDERS[b.currency];
    const provider = b.provider ?? providers[0].provider;
    if (!providers.some((p) => p.provider === provider))
      throw invalid("provider", `must be one of ${providers.map((p) => p.provider).join(", ")}`);
    const holder = actor.isPartner ? actor.partner.name : holderName(actor.userId);
    const va = await engine.write((tx) => {
      const id = uuid();
      const doc = tx.insert("collectionAccount", {
        id,
        _partnerId: actor.partner.id,
        accountId: actor.accountId,
        userId: actor.userId ?? null,
        name: b.name,
        currency: b.currency,
        provider,
        reference: b.reference ?? null,
        purpose: b.purpose ?? null,
        description: b.description ?? null,
        status: "active",
        bankDetails: bankDetails(actor.accountId, holder, b.currency, provider, id),
        createdAt: iso(tx.now),
        updatedAt: iso(tx.now),
      });
      engine.notify(tx, actor.partner.id, {
        resource: "collection_account",
        resourceId: id,
        status: "active",
        accountId: actor.accountId,
      });
      return doc;
    });
    return c.json(wire(va));
  });
  app.get("/v2/collections/accounts", async (c) => {
    const { query, actor } = await input(engine, c);
    return c.json(
      paginate(
        listOwned(engine, "collectionAccount", actor, matches(query, ["currency", "status", "provider"])),
        pageOf(query),
      ),
    );
  });
  app.get("/v2/collections/accounts/:id", async (c) => {
    const { actor } = await input(engine, c);
    return c.json(wire(owned(engine, "collectionAccount", c.req.param("id"), actor, "collection account")));
  });

  app.get("/v2/collections", async (c) => {
    const { query, actor } = await input(engine, c);
    const keys = ["collectionAccountId", "status", "currency", "collectionRequestId"];
    return c.json(paginate(listOwned(engine, "collection", actor, matches(query, keys)), pageOf(query)));
  });
  app.get("/v2/collections/:id", async (c) => {
    const { actor } = await input(engine, c);
    return c.json(wire(owned(engine, "collection", c.req.param("id"), actor, "collection")));
  });
  app.post("/v2/collections/:id/upload-url", async (c) => {
    const { body, actor } = await input(engine, c);
    const col = owned(engine, "collection", c.req.param("id"), actor, "collection");
    if (typeof body.fileName !== "string" || !body.fileName.trim()) throw invalid("fileName", "is required");
    const file = await engine.write((tx) =>
      tx.insert("file", {
        id: uuid(),
        _partnerId: actor.partner.id,
        accountId: actor.accountId,
        ownerKind: "collection",
        ownerId: col.id,
        fileName: body.fileName,
        status: "pending_upload",
        createdAt: iso(tx.now),
      }),
    );
    return c.json({ uploadURL: uploadUrl(c, file.id, engine.now()), fileId: file.id });
  });

  function holderName(userId?: string) {
    const u = userId ? engine.state.get("user", userId) : undefined;
    return u ? (u.companyName ?? `${u.firstName} ${u.lastName}`) : "Account holder";
  }
}
