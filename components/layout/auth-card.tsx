import { Logo } from "@/components/layout/logo";
import { cn } from "@/lib/utils";

export type AuthCardProps = {
  title: React.ReactNode;
  description?: React.ReactNode;
  children?: React.ReactNode;
  /** Below the content, separated by a rule: "Back to sign in", help links… */
  footer?: React.ReactNode;
  className?: string;
};

/** Centred single-card page for sign-in, invitations, 2FA, errors. Works in server and client components. */
export function AuthCard({ title, description, children, footer, className }: AuthCardProps) {
  return (
    <div className="relative flex min-h-dvh flex-col items-center justify-center overflow-hidden bg-zinc-50 px-4 py-12">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-80 bg-[radial-gradient(60%_100%_at_50%_0%,color-mix(in_oklab,var(--color-primary)_9%,transparent),transparent)]"
      />
      <div className="relative w-full max-w-sm">
        {/* Brand and tagline in landmarks too: axe's "region" wants all content inside one. */}
        <header className="mb-6 flex items-center justify-center gap-2 text-[15px] font-semibold tracking-tight text-foreground">
          <Logo className="size-7" />
          <span>Partner Desk</span>
        </header>
        <main className={cn("overflow-hidden rounded-xl border bg-card shadow-sm", className)}>
          <div className="p-6 sm:p-8">
            <div className="mb-6 space-y-1.5 text-center">
              <h1 className="text-lg leading-7 font-semibold tracking-tight">{title}</h1>
              {description && <p className="text-sm text-balance text-muted-foreground">{description}</p>}
            </div>
            {children}
          </div>
          {footer && (
            <div className="border-t bg-muted/40 px-6 py-4 text-center text-sm text-muted-foreground sm:px-8">
              {footer}
            </div>
          )}
        </main>
        <footer className="mt-6 text-center text-xs text-muted-foreground">A back office for Wallex partners</footer>
      </div>
    </div>
  );
}
