"use client";

import { CircleAlert, CircleCheck, Info, LoaderCircle, TriangleAlert } from "lucide-react";
import { Toaster as Sonner, toast, type ToasterProps } from "sonner";

/** Mount once, in the root layout (after the page content). Then call `toast(...)` from any client component. */
export function Toaster(props: ToasterProps) {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      icons={{
        success: <CircleCheck className="size-4 text-success" />,
        info: <Info className="size-4 text-primary" />,
        warning: <TriangleAlert className="size-4 text-warning" />,
        error: <CircleAlert className="size-4 text-destructive" />,
        loading: <LoaderCircle className="size-4 animate-spin text-muted-foreground" />,
      }}
      toastOptions={{
        classNames: {
          toast: "rounded-lg! border-border! shadow-lg! font-sans! text-sm! gap-2.5!",
          title: "font-medium! text-foreground!",
          description: "text-muted-foreground!",
          actionButton: "bg-primary! text-primary-foreground! rounded-md!",
          cancelButton: "bg-muted! text-foreground! rounded-md!",
          closeButton: "border-border! bg-background! text-muted-foreground! hover:text-foreground!",
        },
      }}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
        } as React.CSSProperties
      }
      {...props}
    />
  );
}

export { toast };
