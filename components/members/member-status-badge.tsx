import { Badge } from "@/components/ui/badge";
import { kycStatusLabel, kycStatusTone } from "@/lib/members/kyc-status";

/** The member's KYC status (`kycStatusOf`): our stage, or Wallex's status once Wallex screens. */
export function MemberStatusBadge({ status }: { status: string }) {
  return <Badge variant={kycStatusTone(status)}>{kycStatusLabel(status)}</Badge>;
}
