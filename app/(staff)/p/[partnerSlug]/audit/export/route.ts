import { Readable } from "node:stream";
import { getDb } from "@/db";
import { assertCan, findStaffScope } from "@/lib/auth/scope";
import { getCurrentUser } from "@/lib/auth/session";
import { csvStream } from "@/lib/csv";
import { iterateAuditEvents } from "@/lib/data/audit";
import { auditFilterProblems, auditFiltersSchema } from "@/lib/validations/audit";
import { AppError } from "@/lib/errors";

const columns = [
  "seq",
  "created_at",
  "action",
  "actor_email",
  "member_id",
  "target_type",
  "target_id",
  "before",
  "after",
  "request_id",
  "ip",
  "prev_hash",
  "hash",
];

/** Streams the filtered audit log as CSV, oldest first, with the hashes so the chain can be checked offline. */
export async function GET(request: Request, { params }: { params: Promise<{ partnerSlug: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const found = await findStaffScope(user, (await params).partnerSlug);
  if ("problem" in found) return new Response("Not found.", { status: 404 });
  try {
    assertCan(found.scope, "audit.read");
  } catch (error) {
    if (error instanceof AppError) return new Response("Not found.", { status: 404 });
    throw error;
  }
  const { page: _page, ...filters } = auditFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const problems = auditFilterProblems(filters);
  if (problems) return new Response(Object.values(problems).filter(Boolean).join(" "), { status: 400 });
  const csv = csvStream({ header: true, columns });
  (async () => {
    for await (const row of iterateAuditEvents(getDb(), found.scope, filters)) {
      csv.write([
        row.seq,
        row.createdAt.toISOString(),
        row.action,
        row.actorEmail,
        row.memberId,
        row.targetType,
        row.targetId,
        row.before === null ? "" : JSON.stringify(row.before),
        row.after === null ? "" : JSON.stringify(row.after),
        row.requestId,
        row.ip,
        row.prevHash,
        row.hash,
      ]);
    }
    csv.end();
  })().catch((error) => csv.destroy(error));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${found.scope.partnerSlug}-${stamp}.csv"`,
    },
  });
}
