import type { Metadata } from "next";
import { ActAsFrame, loadActAs } from "./act-view";

export const metadata: Metadata = { title: "Act as member" };

type Props = { params: Promise<{ partnerSlug: string; memberId: string }> };

/** The member's form steps and their state, for staff filling them in on the member's behalf. */
export default async function ActAsMemberPage({ params }: Props) {
  const { partnerSlug, memberId } = await params;
  const data = await loadActAs(partnerSlug, memberId);
  return (
    <ActAsFrame partnerSlug={partnerSlug} data={data} title="onboarding">
      <p className="text-sm text-muted-foreground">
        Choose a step. The member sees the same answers in the portal; documents and the submit stay with the member.
      </p>
    </ActAsFrame>
  );
}
