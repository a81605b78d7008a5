import type { Hono } from "hono";
import { z } from "zod";
import { iso } from "../clock";
import type { Engine } from "../engine";
import { badState, notFound } from "../errors";
import { readBody, queryOf, type Ctx, type Env } from "../http";
import { uuid } from "../ids";
import { pageOf, paginate } from "../pagination";
import type { Doc } from "../store/types";
import { parse } from "../validation";
import { wire } from "../wire";
import { downloadUrl, uploadUrl } from "../helpers/storage";
import { documentTypeSchema } from "../domain/users";

const documentSchema = (strict: boolean) =>
  z.object({
    documentType: documentTypeSchema(strict),
    documentName: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .transform((s) => s.toLowerCase()),
  });

/** Onboarding documents (users.md §8); the bytes arrive by PUT on the returned uploadURL. */
export function documentRoutes(app: Hono<Env>, engine: Engine, userOf: (c: Ctx) => Doc) {
  const schema = documentSchema(engine.strictLists);
  const view = (c: Ctx, d: Doc) =>
    wire({ ...d, downloadURL: d.status === "uploaded" ? downloadUrl(c, d.objectKey, engine.now()) : undefined });

  app.post("/v2/users/:userId/documents", async (c) => {
    const body = parse(schema, await readBody(c));
    const user = userOf(c);
    const doc = await engine.write((tx) => {
      const id = uuid();
      tx.insert("file", {
        id: `document-${id}`,
        _partnerId: user._partnerId,
        accountId: user.accountId,
        ownerKind: "document",
        ownerId: id,
        fileName: body.documentName,
        status: "pending_upload",
        createdAt: iso(tx.now),
      });
      return tx.insert("document", {
        id,
        _partnerId: user._partnerId,
        userId: user.id,
        accountId: user.accountId,
        ...body,
        status: "pending_upload",
        objectKey: `document-${id}`,
        createdAt: iso(tx.now),
      });
    });
    return c.json({ ...wire(doc), uploadURL: uploadUrl(c, doc.objectKey, engine.now()) });
  });

  app.get("/v2/users/:userId/documents", (c) => {
    const user = userOf(c);
    const docs = [...engine.state.all("document")].filter((d) => d.userId === user.id).sort((a, b) => b._seq - a._seq);
    return c.json(
      paginate(
        docs.map((d) => view(c, d)),
        pageOf(queryOf(c)),
      ),
    );
  });

  const docOf = (c: Ctx) => {
    const user = userOf(c);
    const d = engine.state.get("document", c.req.param("documentId")!);
    if (!d || d.userId !== user.id) throw notFound("document");
    return { user, d };
  };
  app.get("/v2/users/:userId/documents/:documentId", (c) => c.json(view(c, docOf(c).d)));
  app.delete("/v2/users/:userId/documents/:documentId", async (c) => {
    const { user, d } = docOf(c);
    if (user.status === "approved" || user.status === "pending_approval") {
      throw badState(`documents cannot be deleted while the user is ${user.status}`);
    }
    await engine.write((tx) => {
      tx.remove("document", d.id);
      tx.remove("object", d.objectKey);
      tx.remove("file", d.objectKey);
    });
    // README D26: `{documentId, documentType, documentName}` (peer code) plus `id`, the same value (D8).
    return c.json({ id: d.id, documentId: d.id, documentType: d.documentType, documentName: d.documentName });
  });
}
