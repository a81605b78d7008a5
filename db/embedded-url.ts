/** Apart from db/embedded.ts so that the connection factory does not load PGlite to ask this. */
export const EMBEDDED_APP_NAME = "pglite-embedded";

/** True when a connection string points at an embedded PGlite (which wants one connection). */
export function isEmbeddedUrl(url: string) {
  return url.includes(`application_name=${EMBEDDED_APP_NAME}`);
}
