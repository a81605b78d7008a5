import { useId } from "react";
import { cn } from "@/lib/utils";

export type LogoProps = React.ComponentProps<"svg"> & {
  /** Accessible name; omit when the logo sits next to the visible product name (then it is decorative). */
  title?: string;
};

/** The Partner Desk mark: two opposing flows (cross-border payments) on an indigo tile. */
export function Logo({ className, title, ...props }: LogoProps) {
  const gradientId = `pd-logo-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <svg
      viewBox="0 0 32 32"
      fill="none"
      xmlns="http://www.w3.org/2000/svg"
      className={cn("size-7 shrink-0", className)}
      role={title ? "img" : undefined}
      aria-label={title}
      aria-hidden={title ? undefined : true}
      focusable="false"
      {...props}
    >
      <defs>
        <linearGradient id={gradientId} x1="4" y1="2" x2="28" y2="30" gradientUnits="userSpaceOnUse">
          <stop stopColor="#6366f1" />
          <stop offset="1" stopColor="#4338ca" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill={`url(#${gradientId})`} />
      <rect x="0.5" y="0.5" width="31" height="31" rx="7.5" stroke="#ffffff" strokeOpacity="0.14" />
      <path d="M9 12.5h12.5" stroke="#ffffff" strokeWidth="2.25" strokeLinecap="round" />
      <path
        d="M18 8.75l3.75 3.75L18 16.25"
        stroke="#ffffff"
        strokeWidth="2.25"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path d="M23 19.5H10.5" stroke="#ffffff" strokeOpacity="0.72" strokeWidth="2.25" strokeLinecap="round" />
      <path
        d="M14 15.75L10.25 19.5 14 23.25"
        stroke="#ffffff"
        strokeOpacity="0.72"
        strokeWidth="2.25"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
