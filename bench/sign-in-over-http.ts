import { generate } from "otplib";

/**
 * Signs in the way the browser's form does in the end: next-auth's credentials callback with its
 * CSRF token (the same `authorize`, throttling, TOTP check and session row). Returns the Cookie
 * header that carries the session.
 */
export async function signInOverHttp(baseUrl: string, email: string, password: string, totpSecret?: string) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map(csrf.headers.getSetCookie().map(nameAndValue));
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: `${baseUrl}/` });
  if (totpSecret) body.set("code", await generate({ secret: totpSecret }));
  const answer = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body,
  });
  for (const [name, value] of answer.headers.getSetCookie().map(nameAndValue)) jar.set(name, value);
  if (![...jar.keys()].some((name) => name.includes("authjs.session-token")))
    throw new Error(`Sign-in of ${email} failed: ${answer.status} ${answer.headers.get("location") ?? ""}`);
  return header(jar);
}

const nameAndValue = (setCookie: string): [string, string] => {
  const pair = setCookie.split(";")[0];
  const at = pair.indexOf("=");
  return [pair.slice(0, at), pair.slice(at + 1)];
};
const header = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
