import { redirect } from "next/navigation";

export default async function RecordsIndex({ params }: { params: Promise<{ partnerSlug: string }> }) {
  redirect(`/p/${(await params).partnerSlug}/records/payment`);
}
