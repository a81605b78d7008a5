import { SearchX } from "lucide-react";
import { BackToOverviewLink } from "@/components/layout/back-to-overview-link";

/** A 404 inside the partner's shell: the person is still a member, only this page is not theirs. */
export default function PartnerNotFound() {
  return (
    <div className="flex flex-col items-center justify-center px-6 py-16 text-center">
      <div
        aria-hidden="true"
        className="mb-4 flex size-11 items-center justify-center rounded-full border bg-muted/60 text-muted-foreground [&_svg]:size-5"
      >
        <SearchX />
      </div>
      <h1 className="text-xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-1 max-w-sm text-sm text-balance text-muted-foreground">
        It does not exist, or your role does not give access to it.
      </p>
      <div className="mt-5">
        <BackToOverviewLink />
      </div>
    </div>
  );
}
