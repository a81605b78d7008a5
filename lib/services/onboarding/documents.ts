import "server-only";
import type { Database, Executor } from "@/db";
import type { Member } from "@/db/schema";
import type { Audited } from "@/lib/audit/audited";
import { mintJobScope, type TenantScope } from "@/lib/auth/tenant-scope";
import { getMemberRow } from "@/lib/data/member-auth";
import { getMemberDraft, getOnboardingMember, saveMemberDraft, updateOnboardingMember } from "@/lib/data/member-drafts";
import {
  getMemberDocumentRow,
  listMemberDocumentRows,
  listOpenDocumentComments,
  resolveDocumentComments,
  type MemberDocumentRow,
} from "@/lib/data/member-documents";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { WallexClient } from "@/lib/wallex/client";
import { WallexError, WallexNotFoundError } from "@/lib/wallex/client/errors";
import {
  COMPANY_DOCUMENT_TYPES,
  identityDocumentTypesFor,
  PROOF_OF_ADDRESS_DOCUMENT_TYPES,
  type DocumentType,
} from "@/lib/wallex/client/kyc-lists";
import { asObject, RESOURCES, type WallexObject } from "@/lib/wallex/mirror/read-map";
import { applyToMirror } from "@/lib/wallex/mirror/store";
import { wallexClientFor } from "@/lib/wallex/partner-client";
import { replaceStepMissing } from "./steps";
import {
  checkDocumentFileBytes,
  documentFileName,
  MAX_DOCUMENT_BYTES,
  sniffDocumentKind,
  DOCUMENT_FILE_KINDS,
} from "@/lib/validations/document-file";

/**
 * The member's onboarding documents (users.md §8, utils.md §3). A member scope reaches Wallex and
 * the mirror only through its partner: once the member's own row has been read under the member
 * scope (so the Wallex user is theirs), the calls and the mirror writes run under a job scope of
 * that partner (`member-portal`), and every document id from the browser is first found among the
 * member's own documents in the mirror. The audit rows are signed by the member (`audited`).
 *
 * Previews are re-read from Wallex, not kept here: Document Retrieve's time-limited download URL
 * (the sandbox gives `downloadURL` once the bytes are in; the reference calls such a URL likely,
 * users.md §4.3) is fetched by the server and streamed to the member or the partner's staff. We keep
 * no copy of identity papers at rest; a Wallex that offers no download URL shows "no preview".
 */

export type DocumentSlotId = "identity" | "proof_of_address" | "company_proof" | "company_address_proof";
export type DocumentState = "uploaded" | "pending" | "needs_resubmission";

export type DocumentView = {
  id: string;
  documentType: string;
  name: string;
  state: DocumentState;
  createdAt: string | null;
  comments: string[];
};
export type DocumentSlot = {
  id: DocumentSlotId;
  types: readonly DocumentType[];
  state: "missing" | DocumentState;
  document: DocumentView | null;
};
export type DocumentsOverview = {
  slots: DocumentSlot[];
  /** Sent for review or to Wallex: nothing may change until changes are asked for. */
  frozen: boolean;
  /** The member has a Wallex user (set once the signup went through). */
  linked: boolean;
  /** Open requests pinned to no document: Wallex's general reason, or one about a document group ("documents.identity"). */
  requests: string[];
};

/** A refusal the member can act on: a message key (documents.<locale>.json) and the field it belongs next to. */
export class DocumentRefusal extends AppError {
  constructor(
    code: "INVALID_INPUT" | "NOT_FOUND" | "CONFLICT" | "PROVIDER_ERROR",
    readonly messageKey: string,
    readonly field: "file" | "documentType" | null = null,
  ) {
    super(code, { userMessage: messageKey });
  }
}

const FROZEN_STAGES = new Set(["in_partner_review", "submitted"]);
const FROZEN_WALLEX = new Set(["pending_approval", "approved"]);
export const isFrozen = (member: Pick<Member, "stage" | "wallexStatus">) =>
  FROZEN_STAGES.has(member.stage) || FROZEN_WALLEX.has((member.wallexStatus ?? "").toLowerCase());

/** What this member must upload: identity by their country (kyc-lists), proof of address, and company papers for companies. */
export function documentSlotsFor(member: Pick<Member, "countryCode" | "accountType">) {
  const slots: { id: DocumentSlotId; types: readonly DocumentType[] }[] = [
    { id: "identity", types: identityDocumentTypesFor(member.countryCode) },
    { id: "proof_of_address", types: PROOF_OF_ADDRESS_DOCUMENT_TYPES },
  ];
  if (member.accountType === "company") {
    for (const type of COMPANY_DOCUMENT_TYPES) slots.push({ id: type, types: [type] });
  }
  return slots;
}

const partnerScopeOf = (scope: TenantScope) =>
  scope.kind === "member" ? mintJobScope(scope.partnerId, "member-portal") : scope;

/** Wallex's document as the mirror keeps it: no pre-signed URL (they are short-lived keys to the file). */
function mirrorCopy(document: WallexObject, userId: string): WallexObject {
  const { uploadURL: _u, downloadURL: _d, downloadUrl: _d2, url: _url, ...rest } = document;
  return { ...rest, userId };
}

async function memberOrThrow(db: Executor, scope: TenantScope, memberId: string) {
  const member = await getMemberRow(db, scope, memberId);
  if (!member) throw new DocumentRefusal("NOT_FOUND", "error.notFound");
  return member;
}

export async function getDocumentsOverview(
  db: Executor,
  scope: TenantScope,
  memberId: string,
): Promise<DocumentsOverview> {
  const member = await memberOrThrow(db, scope, memberId);
  const rows = member.wallexUserId ? await listMemberDocumentRows(db, scope, memberId) : [];
  const comments = await listOpenDocumentComments(db, scope, memberId);
  const live = rows.filter((r) => r.status !== "deleted");
  const taken = new Set<string>();
  const slots = documentSlotsFor(member).map((slot): DocumentSlot => {
    const row = live.find(
      (r) => !taken.has(r.wallexId) && (slot.types as readonly string[]).includes(r.documentType ?? ""),
    );
    if (!row) return { ...slot, state: "missing", document: null };
    taken.add(row.wallexId);
    const pinned = comments.filter((c) => c.documentId === row.wallexId).map((c) => c.body);
    const state: DocumentState = pinned.length
      ? "needs_resubmission"
      : row.status === "uploaded"
        ? "uploaded"
        : "pending";
    return {
      ...slot,
      state,
      document: {
        id: row.wallexId,
        documentType: row.documentType ?? "",
        name: String(row.data.documentName ?? ""),
        state,
        createdAt: row.createdAt?.toISOString() ?? null,
        comments: pinned,
      },
    };
  });
  const requests = comments
    .filter((c) => !c.documentId && (!c.field || c.field.startsWith("documents.")))
    .map((c) => c.body);
  return { slots, frozen: isFrozen(member), linked: !!member.wallexUserId, requests };
}

/**
 * Tells the wizard's checklist where the documents step stands, in its own terms
 * (lib/services/onboarding/steps.ts): a "documents" draft naming each slot's state, and
 * `members.missingFields` carrying "documents.<slot>" for each required document not uploaded yet.
 * Written in the transaction of the change that moved it.
 */
async function recordDocumentsProgress(tx: Executor, scope: TenantScope, memberId: string) {
  const overview = await getDocumentsOverview(tx, scope, memberId);
  const missing = overview.slots.filter((s) => s.state !== "uploaded").map((s) => s.id);
  const member = await getOnboardingMember(tx, scope, memberId, { lock: true });
  if (!member) return;
  await updateOnboardingMember(tx, scope, memberId, {
    missingFields: replaceStepMissing(member.missingFields, "documents", missing),
  });
  const data = { slots: Object.fromEntries(overview.slots.map((s) => [s.id, s.state])) };
  const draft = await getMemberDraft(tx, scope, memberId, "documents");
  await saveMemberDraft(tx, scope, memberId, "documents", data, draft?.revision ?? 0);
}

type Deps = { client?: () => Promise<WallexClient>; audited: Audited };
const clientOf = (db: Database, scope: TenantScope, deps: Deps) =>
  deps.client ? deps.client() : wallexClientFor(db, partnerScopeOf(scope));

/** Wallex (or storage) refused or failed: the member sees a retry message; our log keeps the cause. */
function wallexFailure(error: unknown, what: string): never {
  if (error instanceof WallexError) {
    logger.warn({ err: error, status: error.status }, `member document ${what} failed at Wallex`);
    throw new DocumentRefusal("PROVIDER_ERROR", "error.wallex");
  }
  throw error;
}

async function editableMember(db: Database, scope: TenantScope, memberId: string) {
  const member = await memberOrThrow(db, scope, memberId);
  if (isFrozen(member)) throw new DocumentRefusal("CONFLICT", "error.frozen");
  if (!member.wallexUserId) throw new DocumentRefusal("CONFLICT", "error.notLinked");
  return member as Member & { wallexUserId: string };
}

async function ownDocument(db: Executor, scope: TenantScope, memberId: string, documentId: string) {
  const row = await getMemberDocumentRow(db, scope, memberId, documentId);
  if (!row || row.status === "deleted") throw new DocumentRefusal("NOT_FOUND", "error.notFound");
  return row;
}

export type UploadInput = {
  documentType: string;
  fileName: string;
  bytes: Uint8Array;
  /** The member's document this one replaces: deleted at Wallex once the new one is in. */
  replaces?: string | null;
};

/**
 * Document Create (our type, the file's name) → PUT the bytes to the returned uploadURL → read the
 * document back → the mirror, with the audit row. A replacement deletes the old document after the
 * new one is in, and resolves the comments pinned to it. Nothing reaches Wallex before the bytes
 * (their real length and magic number) and the type have passed our checks.
 */
export async function uploadMemberDocument(
  db: Database,
  scope: TenantScope,
  memberId: string,
  input: UploadInput,
  deps: Deps,
): Promise<DocumentView> {
  const member = await editableMember(db, scope, memberId);
  const allowed = documentSlotsFor(member).flatMap((s) => s.types) as string[];
  if (!allowed.includes(input.documentType)) throw new DocumentRefusal("INVALID_INPUT", "error.type", "documentType");
  const check = checkDocumentFileBytes(input.bytes, input.fileName);
  if (!check.ok) throw new DocumentRefusal("INVALID_INPUT", `fileProblem.${check.problem}`, "file");
  const old = input.replaces ? await ownDocument(db, scope, memberId, input.replaces) : null;

  const client = await clientOf(db, scope, deps);
  const userId = member.wallexUserId;
  const readAt = new Date();
  let document: WallexObject;
  try {
    const created = asObject(
      await client.users.createDocument({
        userId,
        body: { documentType: input.documentType, documentName: documentFileName(input.fileName)! },
      }),
    );
    const uploadURL = typeof created.uploadURL === "string" ? created.uploadURL : null;
    if (!uploadURL) throw new DocumentRefusal("PROVIDER_ERROR", "error.wallex");
    // The mirror knows the document before its bytes: an interrupted PUT leaves it "upload not finished".
    await applyToMirror(db, partnerScopeOf(scope), RESOURCES.document, mirrorCopy(created, userId), {
      readAt,
      source: "write",
      parentId: userId,
      accountId: member.wallexAccountId,
    });
    await client.uploadFile(uploadURL, input.bytes, check.mime);
    document = asObject(await client.users.retrieveDocument({ userId, documentId: created.id }));
  } catch (error) {
    wallexFailure(error, "upload");
  }

  const view = await deps.audited(
    async (tx) => {
      await applyToMirror(tx, partnerScopeOf(scope), RESOURCES.document, mirrorCopy(document, userId), {
        readAt: new Date(),
        source: "write",
        parentId: userId,
        accountId: member.wallexAccountId,
      });
      await recordDocumentsProgress(tx, scope, memberId);
      return document;
    },
    {
      action: "member.document_uploaded",
      memberId,
      target: { type: "document", id: document.id },
      after: {
        documentType: document.documentType,
        documentName: document.documentName,
        status: document.status,
        size: input.bytes.length,
        contentType: check.mime,
        replaces: old?.wallexId ?? null,
      },
    },
  );
  if (old) await removeDocument(db, scope, member, old, deps, "member.document_replaced", document.id);
  return {
    id: view.id,
    documentType: String(view.documentType ?? input.documentType),
    name: String(view.documentName ?? ""),
    state: view.status === "uploaded" ? "uploaded" : "pending",
    createdAt: typeof view.createdAt === "string" ? view.createdAt : null,
    comments: [],
  };
}

/** Document Delete (response `{documentId ?? id, …}`), then the mirror says deleted and its comments are resolved. */
async function removeDocument(
  db: Database,
  scope: TenantScope,
  member: Member & { wallexUserId: string },
  row: MemberDocumentRow,
  deps: Deps,
  action: string,
  replacedBy: string | null = null,
) {
  const client = await clientOf(db, scope, deps);
  const readAt = new Date();
  let deletedId = row.wallexId;
  try {
    const deleted = await client.users.deleteDocument({ userId: member.wallexUserId, documentId: row.wallexId });
    deletedId = deleted.documentId ?? deleted.id ?? row.wallexId;
  } catch (error) {
    // Already gone at Wallex: the mirror catches up.
    if (!(error instanceof WallexNotFoundError)) wallexFailure(error, "delete");
  }
  await deps.audited(
    async (tx) => {
      await applyToMirror(
        tx,
        partnerScopeOf(scope),
        RESOURCES.document,
        { ...row.data, id: deletedId, status: "deleted", userId: member.wallexUserId },
        { readAt, source: "write", parentId: member.wallexUserId, accountId: member.wallexAccountId },
      );
      const resolved = await resolveDocumentComments(tx, scope, member.id, row.wallexId);
      await recordDocumentsProgress(tx, scope, member.id);
      return resolved;
    },
    (resolved) => ({
      action,
      memberId: member.id,
      target: { type: "document", id: deletedId },
      before: { documentType: row.documentType, documentName: row.data.documentName ?? null, status: row.status },
      after: { status: "deleted", replacedBy, resolvedComments: resolved.length },
    }),
  );
}

export async function deleteMemberDocument(
  db: Database,
  scope: TenantScope,
  memberId: string,
  documentId: string,
  deps: Deps,
) {
  const member = await editableMember(db, scope, memberId);
  const row = await ownDocument(db, scope, memberId, documentId);
  await removeDocument(db, scope, member, row, deps, "member.document_deleted");
}

const downloadUrlOf = (document: WallexObject) =>
  [document.downloadURL, document.downloadUrl, document.url].find(
    (u): u is string => typeof u === "string" && /^https?:\/\//.test(u),
  );

/**
 * The stored bytes of one of the member's documents, for the preview route: found among the
 * member's own documents first (staff: the partner's member named), then read from Wallex's
 * download URL. Null when Wallex offers none. The type is ours from the bytes, not storage's.
 */
export async function readMemberDocumentFile(
  db: Database,
  scope: TenantScope,
  memberId: string,
  documentId: string,
  deps: { client?: () => Promise<WallexClient>; fetch?: typeof fetch } = {},
): Promise<{ bytes: Uint8Array; mime: string; name: string } | null> {
  const member = await memberOrThrow(db, scope, memberId);
  const row = await ownDocument(db, scope, memberId, documentId);
  if (!member.wallexUserId) throw new DocumentRefusal("NOT_FOUND", "error.notFound");
  const client = deps.client ? await deps.client() : await wallexClientFor(db, partnerScopeOf(scope));
  let url: string | undefined;
  try {
    url = downloadUrlOf(asObject(await client.users.retrieveDocument({ userId: member.wallexUserId, documentId })));
  } catch (error) {
    if (error instanceof WallexNotFoundError) throw new DocumentRefusal("NOT_FOUND", "error.notFound");
    wallexFailure(error, "preview");
  }
  if (!url) return null;
  const res = await (deps.fetch ?? fetch)(url, { signal: AbortSignal.timeout(20_000) });
  if (!res.ok) {
    logger.warn({ status: res.status }, "member document download failed");
    return null;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const kind = bytes.length <= MAX_DOCUMENT_BYTES ? sniffDocumentKind(bytes) : null;
  if (!kind) return null;
  return { bytes, mime: DOCUMENT_FILE_KINDS[kind].mime, name: String(row.data.documentName ?? `document.${kind}`) };
}
