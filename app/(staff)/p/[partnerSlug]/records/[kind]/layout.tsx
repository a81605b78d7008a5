import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/scope";
import { kindFromSlug } from "@/lib/records/mirror-tables";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string; kind: string }> };

/** Checks access and the kind above the loading boundaries below, so a refusal is an HTTP 404. */
export default async function RecordKindLayout({ children, params }: Props) {
  const { partnerSlug, kind } = await params;
  await requireStaff(partnerSlug, "records.read");
  if (!kindFromSlug(kind)) notFound();
  return children;
}
