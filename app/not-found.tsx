import Link from "next/link";
import { AuthCard } from "@/components/layout/auth-card";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <AuthCard title="Page not found" description="It does not exist, or you do not have access to it.">
      <Button asChild className="w-full">
        <Link href="/">Back to your workspace</Link>
      </Button>
    </AuthCard>
  );
}
