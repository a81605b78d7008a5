"use client";

import { CheckCircle2, Circle, CircleAlert } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { StepStatus } from "@/lib/services/onboarding/steps";
import { cn } from "@/lib/utils";

const ICONS = { done: CheckCircle2, needs: CircleAlert, not_started: Circle } as const;

/**
 * The wizard's steps beside the form: each with its state (done / needs something / not started)
 * from Wallex's completeness and our drafts, and the current one marked for screen readers.
 */
export function OnboardingChecklist({
  basePath,
  statuses,
  slugs,
}: {
  /** Where the steps live: the portal's `/m/<slug>/onboarding`, or staff's acting-as path. */
  basePath: string;
  statuses: StepStatus[];
  slugs: Record<string, string>;
}) {
  const t = useTranslations("onboarding");
  const pathname = usePathname();
  return (
    <nav aria-labelledby="onboarding-checklist-title" className="rounded-lg border bg-background p-4">
      <h2 id="onboarding-checklist-title" className="mb-3 text-sm font-semibold">
        {t("checklist")}
      </h2>
      <ol className="space-y-1">
        {statuses.map((s, index) => {
          const href = `${basePath}/${slugs[s.step]}`;
          const current = pathname === href;
          const Icon = ICONS[s.state];
          return (
            <li key={s.step}>
              <Link
                href={href}
                aria-current={current ? "step" : undefined}
                className={cn(
                  "flex items-start gap-3 rounded-md px-2 py-2 text-sm outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring",
                  current && "bg-muted font-medium",
                )}
              >
                <Icon
                  aria-hidden="true"
                  className={cn(
                    "mt-0.5 size-4 shrink-0",
                    s.state === "done" && "text-emerald-700",
                    s.state === "needs" && "text-amber-700",
                    s.state === "not_started" && "text-muted-foreground",
                  )}
                />
                <span className="min-w-0 flex-1">
                  <span className="block break-words">
                    {index + 1}. {t(`steps.${s.step}`)}
                  </span>
                  <span className="block text-xs text-muted-foreground" data-testid={`step-state-${s.step}`}>
                    {t(`states.${s.state}`)}
                    {s.state === "needs" && s.missing.length > 0 && (
                      <> · {t("missingCount", { count: s.missing.length })}</>
                    )}
                    {s.comments > 0 && <> · {t("commentCount", { count: s.comments })}</>}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
