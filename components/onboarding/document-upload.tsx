"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { DocumentsOverview, DocumentView } from "@/lib/services/onboarding/documents";

/** The header only our form sends with a change (lib/services/onboarding/documents-http.ts). */
const CHANGE_HEADER = "x-partner-desk-documents";

export class DocumentRequestError extends Error {
  constructor(
    message: string,
    readonly field: "file" | "documentType" | null,
    readonly status: number,
  ) {
    super(message);
  }
}

export const documentsBase = (partnerSlug: string) => `/m/${encodeURIComponent(partnerSlug)}/onboarding/documents`;
export const documentsStateUrl = (partnerSlug: string) => `${documentsBase(partnerSlug)}/state`;

function answerOf(xhr: XMLHttpRequest, networkMessage: string) {
  let body: { error?: string; field?: "file" | "documentType" | null } | undefined;
  try {
    body = JSON.parse(xhr.responseText) as typeof body;
  } catch {
    body = undefined;
  }
  return new DocumentRequestError(body?.error ?? networkMessage, body?.field ?? null, xhr.status);
}

export type UploadVariables = { file: File; documentType: string; replaces?: string | null };
type UploadAnswer = { document: DocumentView; overview: DocumentsOverview };

/**
 * Sends the raw file to our upload route with XMLHttpRequest, for its upload progress (fetch has
 * none), wrapped in a react-query mutation; on success the step's polled state is replaced by the
 * answer. `progress` is 0–100 while sending, null otherwise.
 */
export function useDocumentUpload(partnerSlug: string, networkMessage: string) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation<UploadAnswer, DocumentRequestError, UploadVariables>({
    mutationFn: ({ file, documentType, replaces }) =>
      new Promise<UploadAnswer>((resolve, reject) => {
        const query = new URLSearchParams({ documentType, fileName: file.name });
        if (replaces) query.set("replaces", replaces);
        const xhr = new XMLHttpRequest();
        xhr.open("POST", `${documentsBase(partnerSlug)}/upload?${query}`);
        xhr.setRequestHeader(CHANGE_HEADER, "1");
        xhr.setRequestHeader("content-type", "application/octet-stream");
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) setProgress(Math.round((event.loaded / event.total) * 100));
        };
        xhr.onload = () => {
          if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText) as UploadAnswer);
          else reject(answerOf(xhr, networkMessage));
        };
        xhr.onerror = () => reject(new DocumentRequestError(networkMessage, null, 0));
        setProgress(0);
        xhr.send(file);
      }),
    onSuccess: ({ overview }) => client.setQueryData(["live", documentsStateUrl(partnerSlug)], overview),
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}

export function useDocumentDelete(partnerSlug: string, networkMessage: string) {
  const client = useQueryClient();
  return useMutation<DocumentsOverview, DocumentRequestError, { documentId: string }>({
    mutationFn: async ({ documentId }) => {
      let response: Response;
      try {
        response = await fetch(`${documentsBase(partnerSlug)}/file/${encodeURIComponent(documentId)}`, {
          method: "DELETE",
          headers: { [CHANGE_HEADER]: "1", accept: "application/json" },
        });
      } catch {
        throw new DocumentRequestError(networkMessage, null, 0);
      }
      const body = (await response.json().catch(() => ({}))) as DocumentsOverview & { error?: string };
      if (!response.ok) throw new DocumentRequestError(body.error ?? networkMessage, null, response.status);
      return body;
    },
    onSuccess: (overview) => client.setQueryData(["live", documentsStateUrl(partnerSlug)], overview),
  });
}
