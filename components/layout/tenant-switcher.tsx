"use client";

import { Check, ChevronsUpDown } from "lucide-react";
import Link from "next/link";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { PartnerOption } from "./sidebar";

export function TenantSwitcher({ current, partners }: { current: { slug: string; name: string }; partners: PartnerOption[] }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex w-full items-center justify-between gap-2 rounded-md border bg-background px-3 py-2 text-left text-sm shadow-xs hover:bg-muted"
        aria-label="Switch partner"
      >
        <span className="min-w-0">
          <span className="block text-xs text-muted-foreground">Partner</span>
          <span className="block truncate font-medium">{current.name}</span>
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Your partners</DropdownMenuLabel>
        {partners.map((partner) => (
          <DropdownMenuItem key={partner.slug} asChild>
            <Link href={`/p/${partner.slug}`}>
              <span className="min-w-0 flex-1">
                <span className="block truncate">{partner.name}</span>
                <span className="block text-xs text-muted-foreground">{partner.role}</span>
              </span>
              {partner.slug === current.slug && <Check aria-label="Current partner" />}
            </Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
