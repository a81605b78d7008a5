import { cn } from "@/lib/utils";

type Props = {
  partnerName: string;
  title: React.ReactNode;
  description?: React.ReactNode;
  children?: React.ReactNode;
  footer?: React.ReactNode;
  className?: string;
};

/** The portal's centred card (sign-in, invitation, problems): the partner's name on top, not ours. */
export function MemberCard({ partnerName, title, description, children, footer, className }: Props) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <header className="mb-6 text-center text-[15px] font-semibold tracking-tight break-words">{partnerName}</header>
        <main className={cn("overflow-hidden rounded-xl border bg-card shadow-sm", className)}>
          <div className="p-6 sm:p-8">
            <div className="mb-6 space-y-1.5 text-center">
              <h1 className="text-lg leading-7 font-semibold tracking-tight break-words">{title}</h1>
              {description && <p className="text-sm text-balance break-words text-muted-foreground">{description}</p>}
            </div>
            {children}
          </div>
          {footer && (
            <div className="border-t bg-muted/40 px-6 py-4 text-center text-sm text-muted-foreground sm:px-8">
              {footer}
            </div>
          )}
        </main>
        <footer className="mt-6 text-center text-xs text-muted-foreground">Wallex · Partner Desk</footer>
      </div>
    </div>
  );
}
