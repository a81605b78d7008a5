import { notFound } from "next/navigation";
import { loadMember } from "../../load-member";

type Props = { children: React.ReactNode; params: Promise<{ partnerSlug: string; memberId: string }> };

/** Only company accounts have a company section; for a person it is a 404, above the loading boundary. */
export default async function MemberCompanyLayout({ children, params }: Props) {
  const { partnerSlug, memberId } = await params;
  const { member } = await loadMember(partnerSlug, memberId);
  if (member.accountType !== "company") notFound();
  return children;
}
