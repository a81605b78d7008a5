import { WallexApiError, WallexConnectionError } from "./errors";

/**
 * File Upload (utils.md §3, row 74): PUT the raw bytes to a pre-signed `uploadURL` from Document Create,
 * Payment Upload URL or Collection Upload URL. A storage URL, not a Wallex path: no Wallex headers.
 */
export async function uploadFile(
  fetchFn: (input: string, init: RequestInit) => Promise<Response>,
  uploadURL: string,
  data: Blob | ArrayBuffer | Uint8Array,
  contentType: string,
  timeoutMs: number,
): Promise<void> {
  let res: Response;
  try {
    res = await fetchFn(uploadURL, {
      method: "PUT",
      headers: { "Content-Type": contentType, "x-amz-storage-class": "STANDARD" },
      body: data as BodyInit,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    throw new WallexConnectionError("file upload failed", { method: "PUT", path: "(upload URL)", cause });
  }
  if (!res.ok)
    throw new WallexApiError(`file upload answered ${res.status}`, {
      status: res.status,
      method: "PUT",
      path: "(upload URL)",
    });
}
