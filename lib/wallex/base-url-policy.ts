import "server-only";
import { env } from "@/lib/env";
import { checkHostAddresses } from "@/lib/net/internal-address";

const LOOPBACK_HOST = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Why the server must not send Wallex credentials to this base URL, or null. HTTPS only, except
 * loopback while developing (a standalone sandbox); in production the host must resolve to
 * public addresses only. The embedded sandbox never comes here: it is reached in process.
 */
export async function baseUrlProblem(baseUrl: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return "Enter a URL such as https://api.wallex.asia";
  }
  if (url.username || url.password) return "Leave the user name and password out of the address.";
  const production = env().NODE_ENV === "production";
  const localDevelopment = !production && url.protocol === "http:" && LOOPBACK_HOST.test(url.hostname);
  if (url.protocol !== "https:" && !localDevelopment) return "Use an https:// address.";
  if (!production) return null;
  const verdict = await checkHostAddresses(url.hostname);
  if (verdict === "unresolvable") return `The host ${url.hostname} could not be found. Check the address.`;
  if (verdict === "internal")
    return `The host ${url.hostname} points to a private or internal address; use Wallex's public address.`;
  return null;
}
