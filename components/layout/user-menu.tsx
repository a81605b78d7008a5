"use client";

import { ChevronsUpDown, LogOut, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useRef } from "react";
import { initials } from "@/components/layout/initials";
import type { ShellUser } from "@/components/layout/types";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { cn } from "@/lib/utils";

export type UserMenuProps = {
  user: ShellUser;
  signOutAction: () => Promise<void>;
  className?: string;
};

export function UserAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "flex size-8 shrink-0 items-center justify-center rounded-full bg-brand-soft text-[11px] font-semibold text-brand-soft-foreground ring-1 ring-indigo-100",
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}

/** Name and email with a menu: Account security, Sign out (submits `<form action={signOutAction}>`). */
export function UserMenu({ user, signOutAction, className }: UserMenuProps) {
  // The form lives outside the menu's portal: the menu unmounts on select, which would cancel a submit inside it.
  const formRef = useRef<HTMLFormElement>(null);

  return (
    <>
      <form ref={formRef} action={signOutAction} hidden />
      <DropdownMenu>
        <DropdownMenuTrigger
          className={cn(
            "flex w-full items-center gap-2.5 rounded-lg p-1.5 pr-2 text-left transition-colors outline-none",
            "hover:bg-sidebar-accent focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-sidebar-accent",
            className,
          )}
        >
          <UserAvatar name={user.name} />
          {/* Visible text plus this, not an aria-label (label-content-name-mismatch). */}
          <span className="sr-only">Open account menu: </span>
          <span className="grid min-w-0 flex-1 leading-tight">
            <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
            <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          </span>
          <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-muted-foreground" />
        </DropdownMenuTrigger>
        <DropdownMenuContent side="top" align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-60">
          <DropdownMenuLabel className="flex items-center gap-2.5 py-2 font-normal">
            <UserAvatar name={user.name} />
            <span className="grid min-w-0 leading-tight">
              <span className="truncate text-sm font-medium text-foreground">{user.name}</span>
              <span className="truncate text-xs text-muted-foreground">{user.email}</span>
            </span>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/account/security">
              <ShieldCheck />
              Account security
            </Link>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => formRef.current?.requestSubmit()}>
            <LogOut />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
