import { Check } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/utils";
import { TRACKER_STEPS, type TrackerStep } from "./tracker";

/** The application's steps as an ordered list: done, current (aria-current="step") and to come. */
export async function StatusTracker({ current, attention }: { current: TrackerStep; attention: boolean }) {
  const t = await getTranslations("home");
  const at = TRACKER_STEPS.indexOf(current);
  const finished = current === "approved";
  return (
    <ol aria-label={t("trackerLabel")} className="grid gap-3 sm:grid-cols-5 sm:gap-2">
      {TRACKER_STEPS.map((step, index) => {
        const state = index < at || (finished && index === at) ? "done" : index === at ? "current" : "upcoming";
        return (
          <li
            key={step}
            aria-current={state === "current" ? "step" : undefined}
            className="flex items-center gap-3 sm:flex-col sm:items-start sm:gap-2"
          >
            <span
              aria-hidden="true"
              className={cn(
                "flex size-8 shrink-0 items-center justify-center rounded-full border text-sm font-semibold",
                state === "done" && "border-emerald-600 bg-emerald-600 text-white",
                state === "current" &&
                  (attention
                    ? "border-amber-600 bg-amber-50 text-amber-800"
                    : "border-primary bg-primary text-primary-foreground"),
                state === "upcoming" && "border-border bg-background text-muted-foreground",
              )}
            >
              {state === "done" ? <Check className="size-4" /> : index + 1}
            </span>
            <span className="min-w-0">
              <span className={cn("block text-sm font-medium", state === "upcoming" && "text-muted-foreground")}>
                {t(`steps.${step}`)}
              </span>
              <span className="block text-xs text-muted-foreground">{t(`stepState.${state}`)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
