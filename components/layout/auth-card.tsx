import { Logo } from "./logo";

type Props = { title: string; description?: string; children: React.ReactNode; footer?: React.ReactNode };

/** The centred card of sign-in, invitation and error pages. */
export function AuthCard({ title, description, children, footer }: Props) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-base font-semibold">
          <Logo className="size-7" /> Partner Desk
        </div>
        <div className="rounded-xl border bg-card p-6 shadow-sm">
          <h1 className="text-lg font-semibold">{title}</h1>
          {description && <p className="mt-1 mb-5 text-sm text-muted-foreground">{description}</p>}
          {!description && <div className="mb-5" />}
          {children}
        </div>
        {footer && <div className="mt-4 text-center text-sm text-muted-foreground">{footer}</div>}
      </div>
    </main>
  );
}
