"use client";

import { useQuery, useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect } from "react";

/** An answer a poll cannot recover from by asking again: the session ended, or access went. */
class GoneError extends Error {}

async function fetchJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  if (response.status === 401 || response.status === 404) throw new GoneError(String(response.status));
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

type Options<T> = {
  /** The route to poll; also the cache key, so two islands showing the same data share one poll. */
  url: string;
  /** What the server rendered: the first paint, with no request from the browser. */
  initial: T;
  /** How often to ask again while the tab is visible; false pauses. */
  intervalMs: number | false;
  /** Stops polling once the data says nothing more will change (a final status). */
  settled?: (data: T) => boolean;
  /** Whether a fresh server render (an action revalidated the page, or a navigation back) is newer than the cache. */
  isNewer?: (rendered: T, cached: T) => boolean;
};

type LiveQuery<T> = Query<T, Error, T, readonly unknown[]>;
const always = () => true;
const never = () => false;

/**
 * Server-rendered data kept live: hydrated from the render, then polled while the tab is visible
 * (react-query skips interval refetches in a hidden tab) and again when the window regains focus.
 * A 401 or 404 stops the polling: the next navigation shows the person why.
 */
export function useLiveData<T>({ url, initial, intervalMs, settled = never, isNewer = always }: Options<T>) {
  const client = useQueryClient();
  const stopped = (q: LiveQuery<T>) =>
    q.state.error instanceof GoneError || (q.state.data !== undefined && settled(q.state.data));
  const query = useQuery({
    queryKey: ["live", url],
    queryFn: ({ signal }) => fetchJson<T>(url, signal),
    initialData: initial,
    staleTime: 5_000,
    refetchOnWindowFocus: (q: LiveQuery<T>) => !stopped(q),
    refetchIntervalInBackground: false,
    retry: (failures, error) => !(error instanceof GoneError) && failures < 1,
    refetchInterval: (q: LiveQuery<T>) => (stopped(q) ? false : intervalMs),
  });

  // A new server render replaces what polling held, if newer (the cache outlives a navigation).
  useEffect(() => {
    const cached = client.getQueryData<T>(["live", url]);
    if (cached !== undefined && cached !== initial && isNewer(initial, cached))
      client.setQueryData(["live", url], initial);
  }, [client, url, initial, isNewer]);

  const data = query.data ?? initial; // seeded with `initial`, so only a type's worry
  const gone = query.error instanceof GoneError;
  return { data, live: intervalMs !== false && !gone && !settled(data), gone };
}
