import { NextRequest } from "next/server";
import { afterEach, describe, expect, test } from "vitest";
import { middleware } from "@/middleware";
import { setEnv } from "@/lib/env";

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
const forwardedHeaders = (response: Response) => {
  // NextResponse.next({ request: { headers } }) hands the rewritten request headers over like this.
  const out = new Headers();
  for (const name of (response.headers.get("x-middleware-override-headers") ?? "").split(",")) {
    const value = response.headers.get(`x-middleware-request-${name}`);
    if (name && value !== null) out.set(name, value);
  }
  return out;
};

afterEach(() => {
  setEnv("APP_URL", "http://localhost:3000");
  setEnv("TRUSTED_PROXY_COUNT", "0");
});

describe("middleware", () => {
  test("every response gets our own request id; a client's becomes it neither in the response nor downstream", () => {
    const response = middleware(
      new NextRequest("http://localhost:3000/sign-in", { headers: { "x-request-id": "forged-id" } }),
    );
    const ours = response.headers.get("x-request-id");
    expect(ours).toMatch(/^[0-9a-f-]{36}$/);
    const downstream = forwardedHeaders(response);
    expect(downstream.get("x-request-id")).toBe(ours);
    expect(downstream.get("x-client-request-id")).toBe("forged-id");

    const junk = middleware(
      new NextRequest("http://localhost:3000/sign-in", { headers: { "x-request-id": "a b\u00e9 <script>" } }),
    );
    expect(forwardedHeaders(junk).get("x-client-request-id")).toBeNull();
  });

  test("a nonce-based policy, new on every request, reaches both the browser and the renderer", () => {
    const first = middleware(new NextRequest("http://localhost:3000/sign-in"));
    const second = middleware(new NextRequest("http://localhost:3000/sign-in"));
    const csp = first.headers.get("content-security-policy");
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(nonceOf(csp)).toBeTruthy();
    expect(nonceOf(csp)).not.toBe(nonceOf(second.headers.get("content-security-policy")));
    expect(forwardedHeaders(first).get("content-security-policy")).toBe(csp);
  });

  test("HSTS only when we are served over https", () => {
    const over = (url: string, headers: Record<string, string> = {}) =>
      middleware(new NextRequest(url, { headers })).headers.get("strict-transport-security");
    expect(over("http://localhost:3000/sign-in")).toBeNull();
    expect(over("http://localhost:3000/sign-in", { "x-forwarded-proto": "https" })).toBeNull();
    setEnv("TRUSTED_PROXY_COUNT", "1");
    expect(over("http://localhost:3000/sign-in", { "x-forwarded-proto": "https" })).toBe(
      "max-age=63072000; includeSubDomains",
    );
    setEnv("TRUSTED_PROXY_COUNT", "0");
    setEnv("APP_URL", "https://desk.example.com");
    expect(over("http://localhost:3000/sign-in")).toBe("max-age=63072000; includeSubDomains");
  });
});
