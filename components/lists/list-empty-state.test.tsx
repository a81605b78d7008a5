import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { hasFilters, ListEmptyState } from "./list-empty-state";

const render = (filtered: boolean) =>
  renderToStaticMarkup(
    <ListEmptyState icon={null} noun="payments" filtered={filtered} clearHref="/p/demo/records/payment" />,
  );

describe("the empty state of a list", () => {
  test("without filters it says there are none yet, and offers no clearing", () => {
    const html = render(false);
    expect(html).toContain("No payments yet");
    expect(html).not.toContain("Nothing matches");
    expect(html).not.toContain("Clear filters");
  });

  test("with filters it says nothing matches, with a link that clears them", () => {
    const html = render(true);
    expect(html).toContain("Nothing matches these filters");
    expect(html).not.toContain("No payments yet");
    expect(html).toMatch(/<a[^>]*href="\/p\/demo\/records\/payment"[^>]*>Clear filters<\/a>/);
  });

  test("the page number alone is not a filter", () => {
    expect(hasFilters({ page: 3 })).toBe(false);
    expect(hasFilters({ page: 1, status: undefined, q: "" })).toBe(false);
    expect(hasFilters({ page: 1, status: "completed" })).toBe(true);
  });
});
