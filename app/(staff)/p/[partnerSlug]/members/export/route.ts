import { Readable } from "node:stream";
import { getDb } from "@/db";
import { assertCan, findStaffScope } from "@/lib/auth/scope";
import { getCurrentUser } from "@/lib/auth/session";
import { csvStream } from "@/lib/csv";
import { iterateMembers } from "@/lib/data/members";
import { AppError } from "@/lib/errors";
import { kycStatusOf, memberDisplayName } from "@/lib/members/kyc-status";
import { memberListSchema } from "@/lib/validations/member-list";

const columns = [
  "id",
  "name",
  "type",
  "company_name",
  "first_name",
  "last_name",
  "email",
  "country",
  "kyc_status",
  "stage",
  "wallex_status",
  "wallex_reason",
  "missing",
  "wallex_user_id",
  "wallex_account_id",
  "created_at",
  "last_activity_at",
];

/**
 * Streams every member the list's filters match (all pages, in the list's order) as CSV, from our
 * database only. The page's cursor is not a filter: the export always starts at the top.
 */
export async function GET(request: Request, { params }: { params: Promise<{ partnerSlug: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const found = await findStaffScope(user, (await params).partnerSlug);
  if ("problem" in found) return new Response("Not found.", { status: 404 });
  try {
    assertCan(found.scope, "members.read");
  } catch (error) {
    if (error instanceof AppError) return new Response("Not found.", { status: 404 });
    throw error;
  }
  const {
    after: _after,
    before: _before,
    ...query
  } = memberListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = csvStream({ header: true, columns });
  (async () => {
    for await (const m of iterateMembers(getDb(), found.scope, query)) {
      if (csv.destroyed) return; // the download was cancelled
      const ok = csv.write([
        m.id,
        memberDisplayName(m),
        m.accountType,
        m.companyName,
        m.firstName,
        m.lastName,
        m.email,
        m.countryCode,
        kycStatusOf(m),
        m.stage,
        m.wallexStatus,
        m.wallexReason,
        m.missingFields.join("; "),
        m.wallexUserId,
        m.wallexAccountId,
        m.createdAt.toISOString(),
        m.lastActivityAt.toISOString(),
      ]);
      // Back-pressure: a slow download holds the next batch back instead of buffering 100,000 rows.
      if (!ok) await new Promise((resolve) => csv.once("drain", resolve).once("close", resolve));
    }
    csv.end();
  })().catch((error) => csv.destroy(error));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="members-${found.scope.partnerSlug}-${stamp}.csv"`,
    },
  });
}
