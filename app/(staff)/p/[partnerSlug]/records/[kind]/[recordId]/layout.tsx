import { notFound } from "next/navigation";
import { loadRecord } from "./load-record";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string; kind: string; recordId: string }> };

/** Looks the record up above this segment's loading boundary, so an unknown id is an HTTP 404. */
export default async function RecordLayout({ children, params }: Props) {
  const { partnerSlug, kind, recordId } = await params;
  const { record } = await loadRecord(partnerSlug, kind, recordId);
  if (!record) notFound();
  return children;
}
