import { afterEach, describe, expect, test } from "vitest";
import { env, setEnv } from "./env";

describe("APP_URL", () => {
  const saved = { APP_URL: process.env.APP_URL, PORT: process.env.PORT };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    setEnv("NODE_ENV", process.env.NODE_ENV ?? "test"); // drops the cached parse
  });

  test("follows PORT when it is not set", () => {
    setEnv("APP_URL", "");
    setEnv("PORT", "3300");
    expect(env().APP_URL).toBe("http://localhost:3300");
    setEnv("PORT", "");
    expect(env().APP_URL).toBe("http://localhost:3000");
  });

  test("is kept as given when set", () => {
    setEnv("PORT", "3300");
    setEnv("APP_URL", "https://desk.example.com");
    expect(env().APP_URL).toBe("https://desk.example.com");
  });
});
