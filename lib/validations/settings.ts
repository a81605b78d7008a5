import { z } from "zod";
import { isCountry } from "@/lib/countries";
import { userText } from "./text";

const optionalText = (max: number) =>
  userText
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => v || null);

export const partnerProfileSchema = z.object({
  name: userText.trim().min(2, "Enter the partner's name.").max(120, "Use at most 120 characters."),
  legalName: optionalText(200),
  country: userText
    .trim()
    .refine((v) => v === "" || isCountry(v), "Choose a country from the list.")
    .transform((v) => v || null),
  supportEmail: userText
    .trim()
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address.")
    .transform((v) => v || null),
  website: userText
    .trim()
    .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), "Enter a full address starting with https://")
    .transform((v) => v || null),
});

const secretField = userText
  .trim()
  .max(500, "That value is too long.")
  .refine((v) => !/\s/.test(v), "Remove spaces from the value.")
  // Secrets travel in HTTP headers, which carry only visible ASCII.
  .refine(
    (v) => /^[\s\x21-\x7e]*$/.test(v),
    "Use only the characters Wallex issued (letters, digits and punctuation).",
  );

/** Blank secret fields keep the stored value, so the form never needs the secrets back. */
export const wallexConnectionSchema = z.object({
  baseUrl: userText
    .trim()
    .refine((v) => /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v), "Enter a URL such as https://api.wallex.asia"),
  apiKey: secretField,
  accessKeyId: secretField,
  secretAccessKey: secretField,
  requestsPerSecond: z.coerce
    .number({ error: "Enter a whole number of requests per second." })
    .int("Enter a whole number of requests per second.")
    .min(1, "Allow at least 1 request per second.")
    .max(100, "Wallex grants at most 100 requests per second; ask Wallex before going above 5."),
});

export type WallexConnectionInput = z.infer<typeof wallexConnectionSchema>;
