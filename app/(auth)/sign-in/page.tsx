import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/layout/auth-card";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; signedOut?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, signedOut } = await searchParams;
  const target = safeRedirectPath(callbackUrl);
  if (await getCurrentUser()) redirect(target);
  return (
    <AuthCard title="Sign in to Partner Desk" description="Use the email and password of your staff account.">
      {signedOut === "everywhere" && (
        <p
          role="status"
          className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          You are signed out on every device.
        </p>
      )}
      <SignInForm callbackUrl={target} />
    </AuthCard>
  );
}
