import { describe, expect, it } from "vitest";
import { checkHostAddresses, isInternalAddress } from "./internal-address";

describe("isInternalAddress", () => {
  it.each([
    "127.0.0.1",
    "127.8.9.10",
    "10.0.0.5",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fd12:3456::1",
    "fc00::1",
    "::ffff:127.0.0.1",
    "::ffff:a9fe:a9fe",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
    "not-an-ip",
  ])("refuses %s", (address) => {
    expect(isInternalAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "52.74.1.10", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])(
    "allows %s",
    (address) => {
      expect(isInternalAddress(address)).toBe(false);
    },
  );
});

describe("checkHostAddresses", () => {
  const resolvesTo =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address }));

  it("looks at every address a name has", async () => {
    expect(await checkHostAddresses("api.example.test", resolvesTo("52.74.1.10"))).toBe("public");
    expect(await checkHostAddresses("api.example.test", resolvesTo("52.74.1.10", "10.0.0.7"))).toBe("internal");
  });

  it("takes IP literals as they are, with or without brackets", async () => {
    expect(await checkHostAddresses("[::1]")).toBe("internal");
    expect(await checkHostAddresses("169.254.169.254")).toBe("internal");
    expect(await checkHostAddresses("8.8.8.8")).toBe("public");
  });

  it("says when a name does not resolve", async () => {
    expect(await checkHostAddresses("nothing.invalid")).toBe("unresolvable");
    expect(await checkHostAddresses("empty.test", resolvesTo())).toBe("unresolvable");
  });
});
