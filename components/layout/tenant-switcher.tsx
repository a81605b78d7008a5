"use client";

import { ChevronsUpDown, LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { initials } from "@/components/layout/initials";
import type { ShellMembership, ShellPartner } from "@/components/layout/types";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

export type TenantSwitcherProps = {
  currentPartner: ShellPartner;
  partners: ShellMembership[];
  className?: string;
};

function PartnerAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-8 shrink-0 items-center justify-center rounded-md bg-zinc-900 text-[11px] font-semibold tracking-wide text-white",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}

/** Lists the partners the user belongs to; choosing one opens `/p/<slug>`. */
export function TenantSwitcher({ currentPartner, partners, className }: TenantSwitcherProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const currentRole = partners.find((p) => p.slug === currentPartner.slug)?.role;
  const list = partners.some((p) => p.slug === currentPartner.slug)
    ? partners
    : [{ ...currentPartner, role: "" }, ...partners];

  function choose(slug: string) {
    if (slug === currentPartner.slug) return;
    startTransition(() => router.push(`/p/${encodeURIComponent(slug)}`));
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className={cn(
          "flex w-full items-center gap-2.5 rounded-lg border bg-background p-1.5 pr-2 text-left shadow-xs transition-colors outline-none",
          "hover:bg-accent/60 focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-accent/60",
          className,
        )}
      >
        <PartnerAvatar name={currentPartner.name} />
        {/* The name is the visible text plus this: an aria-label that differs from the text fails label-content-name-mismatch. */}
        <span className="sr-only">Switch partner, current: </span>
        <span className="grid min-w-0 flex-1 leading-tight">
          <span className="truncate text-sm font-medium text-foreground">{currentPartner.name}</span>
          {currentRole && <span className="truncate text-xs text-muted-foreground">{currentRole}</span>}
        </span>
        {pending ? (
          <LoaderCircle aria-hidden="true" className="size-4 shrink-0 animate-spin text-muted-foreground" />
        ) : (
          <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-64">
        <DropdownMenuLabel>Partners</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={currentPartner.slug} onValueChange={choose}>
          {list.map((partner) => (
            <DropdownMenuRadioItem key={partner.slug} value={partner.slug} indicator="check" className="py-1.5">
              <span className="grid min-w-0 flex-1 leading-tight">
                <span className="truncate font-medium">{partner.name}</span>
                {partner.role && <span className="truncate text-xs text-muted-foreground">{partner.role}</span>}
              </span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
