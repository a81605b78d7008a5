import type { IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, test } from "vitest";
import {
  CLIENT_IP_HEADER,
  forwardedClientIp,
  markClientIpStamped,
  normaliseIp,
  stampClientIp,
  trustedClientIp,
} from "./client-ip";

/** What our server hands Next.js for a request from `remoteAddress` that carried `headers`. */
function stamped(remoteAddress: string | undefined, headers: IncomingHttpHeaders, trustedProxies: number) {
  const copy = { ...headers };
  stampClientIp(copy, remoteAddress, trustedProxies);
  return copy[CLIENT_IP_HEADER];
}

const forged = { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10", [CLIENT_IP_HEADER]: "203.0.113.11" };

afterEach(() => markClientIpStamped(false));

describe("stampClientIp", () => {
  test("with no proxy in front the socket's peer is the client, whatever the headers say", () => {
    expect(stamped("::ffff:127.0.0.1", forged, 0)).toBe("127.0.0.1");
    expect(stamped("::1", forged, 0)).toBe("::1");
    expect(stamped("198.51.100.7", {}, 0)).toBe("198.51.100.7");
  });

  test("a client's own copy of the header never survives, even when no address can be worked out", () => {
    expect(stamped(undefined, forged, 0)).toBeUndefined(); // socket already gone
    expect(stamped("10.0.0.2", { [CLIENT_IP_HEADER]: "203.0.113.11" }, 1)).toBeUndefined(); // no X-Forwarded-For
    expect(stamped("10.0.0.2", { ...forged, "x-forwarded-for": "203.0.113.9" }, 2)).toBeUndefined(); // too few hops
  });

  test("with no proxy in front the client's forwarding headers are dropped; behind one they stay for Next.js", () => {
    const headers: IncomingHttpHeaders = {
      ...forged,
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=203.0.113.9",
      host: "desk.local",
    };
    stampClientIp(headers, "127.0.0.1", 0);
    expect(headers).toEqual({ "x-real-ip": "203.0.113.10", host: "desk.local", [CLIENT_IP_HEADER]: "127.0.0.1" });
    const proxied: IncomingHttpHeaders = { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https" };
    stampClientIp(proxied, "10.0.0.2", 1);
    expect(proxied).toEqual({
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-proto": "https",
      [CLIENT_IP_HEADER]: "198.51.100.7",
    });
  });

  test("behind N trusted proxies the client is the N-th X-Forwarded-For entry from the right", () => {
    expect(stamped("10.0.0.2", { ...forged, "x-forwarded-for": "203.0.113.9, 198.51.100.7" }, 1)).toBe("198.51.100.7");
    expect(stamped("10.0.0.3", { "x-forwarded-for": "203.0.113.9, ::ffff:198.51.100.7, 10.0.0.2" }, 2)).toBe(
      "198.51.100.7",
    );
    expect(stamped("10.0.0.2", { "x-forwarded-for": ["203.0.113.9", "2001:db8::1"] }, 1)).toBe("2001:db8::1");
    expect(stamped("10.0.0.2", { "x-forwarded-for": "203.0.113.9, not-an-ip" }, 1)).toBeUndefined();
  });
});

describe("addresses", () => {
  test("are written as people read them, and anything else is no address", () => {
    expect(normaliseIp("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseIp("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normaliseIp("2001:db8::1")).toBe("2001:db8::1");
    expect(normaliseIp("::ffff:7f00:1")).toBe("::ffff:7f00:1");
    for (const junk of ["", "localhost", "1.2.3.4.5", "1.2.3.4, 5.6.7.8", null, undefined])
      expect(normaliseIp(junk)).toBeNull();
  });

  test("X-Forwarded-For is never read without a trusted proxy", () => {
    expect(forwardedClientIp("203.0.113.9", 0)).toBeNull();
    expect(forwardedClientIp("203.0.113.9", 1)).toBe("203.0.113.9");
  });
});

describe("trustedClientIp", () => {
  test("believes the header only in a process our server runs (a bare `next start` records no address)", () => {
    const headers = new Headers({ [CLIENT_IP_HEADER]: "198.51.100.7" });
    expect(trustedClientIp(headers)).toBeNull();
    markClientIpStamped();
    expect(trustedClientIp(headers)).toBe("198.51.100.7");
    expect(trustedClientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBeNull();
  });
});
