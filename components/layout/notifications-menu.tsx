"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export type ShellNotification = { id: string; title: string; detail: string; href: string; at: string };

/**
 * Status changes Wallex reported, newest first. What was last seen is remembered per partner in
 * this browser: a read marker is not worth a write to the tenant's data (and its audit log).
 */
export function NotificationsMenu({ partnerSlug, items }: { partnerSlug: string; items: ShellNotification[] }) {
  const storageKey = `partner-desk:notifications-seen:${partnerSlug}`;
  const [seenAt, setSeenAt] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    setSeenAt(window.localStorage.getItem(storageKey));
    setLoaded(true);
  }, [storageKey]);
  const unread = loaded ? items.filter((item) => !seenAt || item.at > seenAt).length : 0;

  const markSeen = (open: boolean) => {
    if (!open || items.length === 0) return;
    window.localStorage.setItem(storageKey, items[0].at);
    setSeenAt(items[0].at);
  };

  return (
    <DropdownMenu onOpenChange={markSeen}>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="relative size-8" aria-label={unread ? `Notifications, ${unread} new` : "Notifications"}>
          <Bell className="size-4" />
          {unread > 0 && (
            <span className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[10px] font-semibold text-primary-foreground">
              {unread >= items.length && items.length >= 20 ? "20+" : unread}
            </span>
          )}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-80">
        <DropdownMenuLabel>From Wallex</DropdownMenuLabel>
        <DropdownMenuSeparator />
        {items.length === 0 ? (
          <p className="px-2 py-6 text-center text-sm text-muted-foreground">No status changes yet.</p>
        ) : (
          items.slice(0, 8).map((item) => (
            <DropdownMenuItem key={item.id} asChild>
              <Link href={item.href} className="flex flex-col items-start gap-0.5">
                <span className="text-sm">{item.title}</span>
                <span className="text-xs text-muted-foreground">{item.detail}</span>
              </Link>
            </DropdownMenuItem>
          ))
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href={`/p/${partnerSlug}/records`} className="text-sm text-primary">
            All Wallex records
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
