"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export type CopyButtonProps = Omit<ButtonProps, "value" | "onClick" | "asChild" | "children"> & {
  /** The text put on the clipboard. */
  value: string;
  /** Visible label; with size="icon" it becomes the accessible name instead. Default "Copy". */
  label?: string;
  /** Toast shown after copying. Default "Copied to clipboard". Pass `false` for no toast. */
  successMessage?: string | false;
};

async function writeClipboard(text: string) {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Fallback for non-secure contexts (plain http on a LAN host).
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

export function CopyButton({
  value,
  label = "Copy",
  successMessage = "Copied to clipboard",
  variant = "outline",
  size = "sm",
  className,
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await writeClipboard(value);
      setCopied(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), 2000);
      if (successMessage) toast.success(successMessage);
    } catch {
      toast.error("Could not copy. Select the text and copy it manually.");
    }
  }

  const Icon = copied ? Check : Copy;
  const iconOnly = size === "icon";
  return (
    <Button
      type="button"
      variant={variant}
      size={size}
      onClick={copy}
      aria-label={iconOnly ? label : undefined}
      data-copied={copied || undefined}
      className={cn(className)}
      {...props}
    >
      <Icon aria-hidden="true" className={cn(copied && "text-success")} />
      {!iconOnly && <span>{copied ? "Copied" : label}</span>}
    </Button>
  );
}
