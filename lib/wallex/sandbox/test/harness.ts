import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import {
  createWallexSandbox,
  DEMO_PARTNER,
  DEMO_PARTNER_CREDENTIALS,
  manualClock,
  type SandboxOptions,
} from "../index";
import type { LooseJson } from "../loose-json";

export type Reply = { status: number; body: LooseJson; headers: Headers };

/** A small HTTP client for the sandbox, as a partner integration would use it. */
export class Client {
  token?: string;
  constructor(
    readonly url: string,
    readonly apiKey: string = DEMO_PARTNER_CREDENTIALS.apiKey,
  ) {}

  async login(
    accessKeyId: string = DEMO_PARTNER_CREDENTIALS.accessKeyId,
    secretAccessKey: string = DEMO_PARTNER_CREDENTIALS.secretAccessKey,
  ) {
    const r = await this.call("POST", "/v2/authenticate", { accessKeyId, secretAccessKey });
    if (r.status !== 200) throw new Error(`login failed: ${r.status} ${JSON.stringify(r.body)}`);
    this.token = r.body.token;
    return this;
  }

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const h: Record<string, string> = { "x-api-key": this.apiKey, ...headers };
    if (this.token && !("authorization" in h)) h.authorization = `Bearer ${this.token}`;
    if (body !== undefined) h["content-type"] = "application/json";
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  get = (path: string, headers?: Record<string, string>) => this.call("GET", path, undefined, headers);
  post = (path: string, body: unknown = {}, headers?: Record<string, string>) => this.call("POST", path, body, headers);
  patch = (path: string, body: unknown) => this.call("PATCH", path, body);
  put = (path: string, body: unknown) => this.call("PUT", path, body);
  del = (path: string) => this.call("DELETE", path);
}

/** Starts a sandbox behind a real node http server on 127.0.0.1:0, on a manual clock by default. */
export async function startSandbox(options: SandboxOptions = {}) {
  const clock = manualClock();
  const sandbox = await createWallexSandbox({ rateLimit: false, clock, autoProgress: false, ...options });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: sandbox.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = await new Client(url).login();
  return {
    url,
    sandbox,
    clock,
    api,
    control: sandbox.control,
    client: (apiKey?: string) => new Client(url, apiKey),
    stop: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await sandbox.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startSandbox>>;

/** A member account with an approved user, ready to transact on behalf of. */
export async function approvedMember(h: Harness, email = `member-${Math.random().toString(36).slice(2)}@example.com`) {
  const signup = await h.api.post("/v2/signup", {
    email,
    firstName: "Mei",
    lastName: "Tan",
    countryCode: "SG",
    accountType: "individual",
  });
  if (signup.status !== 200) throw new Error(JSON.stringify(signup.body));
  await h.control.decideUser(signup.body.userId, "pending_approval");
  await h.control.decideUser(signup.body.userId, "approved");
  return { userId: signup.body.userId as string, accountId: signup.body.accountId as string };
}

export { DEMO_PARTNER, DEMO_PARTNER_CREDENTIALS };
