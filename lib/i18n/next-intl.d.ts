import type en from "./messages/en.json";
import type onboarding from "./messages/onboarding.en.json";
import type { Locale } from "./locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en & typeof onboarding;
  }
}
